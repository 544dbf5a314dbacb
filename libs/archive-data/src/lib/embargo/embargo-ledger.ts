import type { AnyBulkWriteOperation, Connection, Model } from 'mongoose';
import { inSlices } from '@newswire/mongo';
import { type ArticleDoc, articleModel } from '../article.model';
import { fromStored } from '../stored-shape';
import { auditActionOf, decideEmbargo, type EmbargoDecision, heldUntilAfter, type HoldState, stateAfter } from './decide';
import { auditRangeOf, embargoAuditModel, type EmbargoAuditDoc, embargoDueModel, type EmbargoDueDoc } from './embargo.model';

/** One story version about to be written, as the embargo decision sees it. */
export interface EmbargoCandidate {
  storyKey: string;
  articleId: string;
  version?: number;
  rank: string;
  kill: boolean;
  embargoed?: Date;
}

/** A decision and whether the story was held (not yet released) when the version arrived. */
export interface DecidedVersion {
  decision: EmbargoDecision;
  /** The story's hold before this version: a stale or redelivered version of a held story stays quiet too. */
  heldBefore: boolean;
}

/** A hold whose time came: what the releaser sends and records. */
export interface DueRelease {
  due: EmbargoDueDoc;
  story: ArticleDoc & { heldUntil: Date };
  releaseId: string;
}

const ACTION_ORDER = ['hold', 'change', 'lift', 'release'];
/** Longer than any storeMany between writing a due entry and its story. */
const DUE_WRITE_GRACE_MS = 60_000;

const HOLD_PROJECTION = { rank: 1, killed: 1, heldUntil: 1 } as const;

/**
 * The embargo's store side: holds decided against the stored stories, the `embargo_due`
 * collection the releaser reads, and the `embargo_audit` trail. Every write is keyed so that a
 * redelivery or a repeated release writes nothing new.
 */
export class EmbargoLedger {
  readonly audit: Model<EmbargoAuditDoc>;
  readonly due: Model<EmbargoDueDoc>;
  private readonly articles: Model<ArticleDoc>;

  constructor(connection: Connection) {
    this.audit = embargoAuditModel(connection);
    this.due = embargoDueModel(connection);
    this.articles = articleModel(connection);
  }

  /**
   * Decides each version in order against the stored story (and the batch's earlier versions of it).
   * Stories are read only where a hold can be at stake: the story has a due entry (held), or a
   * version carries a future embargo. Reading every story would cost FerretDB a decode of each
   * (milliseconds apiece); for the others "no hold" is the whole answer, and `undefined` decides so.
   */
  async decide(candidates: EmbargoCandidate[], now: Date): Promise<DecidedVersion[]> {
    if (candidates.length === 0) return [];
    const keys = [...new Set(candidates.map((c) => c.storyKey))];
    const due = await this.due.find({ _id: { $in: keys } }, { _id: 1 }).lean<Pick<EmbargoDueDoc, '_id'>[]>().exec();
    const dueKeys = new Set(due.map((d) => d._id));
    const embargoedKeys = new Set(candidates.filter((c) => c.embargoed && c.embargoed.getTime() > now.getTime()).map((c) => c.storyKey));
    const toRead = keys.filter((k) => dueKeys.has(k) || embargoedKeys.has(k));
    const docs = toRead.length
      ? await this.articles.find({ _id: { $in: toRead } }, HOLD_PROJECTION).lean<Pick<ArticleDoc, '_id' | 'rank' | 'killed' | 'heldUntil'>[]>().exec()
      : [];
    const states = new Map<string, HoldState | undefined>(docs.map((d) => [d._id, { rank: d.rank, killed: d.killed, heldUntil: d.heldUntil ?? undefined }]));
    return candidates.map((c) => {
      const before = states.get(c.storyKey);
      const arrival = { rank: c.rank, embargoed: c.embargoed, kill: c.kill };
      const decision = decideEmbargo(before, arrival, now);
      states.set(c.storyKey, stateAfter(before, arrival, decision, now));
      return { decision, heldBefore: before?.heldUntil !== undefined };
    });
  }

  /**
   * Writes the due entries and audit entries of the decisions, before the stories themselves:
   * a crash in between leaves a due entry the releaser reconciles with the story, never a hold
   * without one. In order, so two versions of one story in a batch leave the later one's time.
   */
  async record(candidates: EmbargoCandidate[], decided: DecidedVersion[], now: Date): Promise<void> {
    const dueOps: AnyBulkWriteOperation<EmbargoDueDoc>[] = [];
    const auditOps: AnyBulkWriteOperation<EmbargoAuditDoc>[] = [];
    candidates.forEach((c, i) => {
      const { decision } = decided[i];
      const action = auditActionOf(decision);
      const until = heldUntilAfter(decision, now);
      if (!action || !until) return;
      const reason = action === 'lift' ? 'lifted' : 'due';
      dueOps.push({ updateOne: { filter: { _id: c.storyKey }, update: { $set: { dueAt: until, reason, updatedAt: now } }, upsert: true } });
      const entry: EmbargoAuditDoc = {
        _id: `${c.storyKey}#${action}:${c.articleId}`,
        storyKey: c.storyKey,
        articleId: c.articleId,
        version: c.version,
        rank: c.rank,
        action,
        embargoedUntil: decision.action === 'lift' ? decision.from : until,
        previousUntil: decision.action === 'change' ? decision.from : undefined,
        at: now,
      };
      auditOps.push({ updateOne: { filter: { _id: entry._id }, update: { $setOnInsert: withoutUndefined(entry) }, upsert: true } });
    });
    for (const slice of inSlices(dueOps)) await this.due.bulkWrite(slice, { ordered: true });
    for (const slice of inSlices(auditOps)) await this.audit.bulkWrite(slice, { ordered: false });
  }

  /** Holds due at `now`, earliest first: the small `embargo_due` collection, never the archive. */
  dueAt(now: Date, limit: number): Promise<EmbargoDueDoc[]> {
    return this.due.find({ dueAt: { $lte: now } }).sort({ dueAt: 1, _id: 1 }).limit(limit).lean<EmbargoDueDoc[]>().exec();
  }

  /**
   * The story a due entry releases, or undefined after putting the entry right: gone when the
   * story holds nothing any more (released already, or never written), moved when a newer
   * version's hold is later than the entry says.
   */
  async releasable(due: EmbargoDueDoc, now: Date): Promise<DueRelease | undefined> {
    const doc = await this.articles.findById(due._id).lean<ArticleDoc>().exec();
    const heldUntil = doc?.heldUntil ?? undefined;
    if (!doc || !heldUntil) {
      await this.due.deleteOne({ _id: due._id, dueAt: due.dueAt });
      return undefined;
    }
    if (heldUntil.getTime() > now.getTime()) {
      // The due entry is written before the story (storeMany): a lift or an earlier time may not be on the
      // story yet. Pushing the entry back to the story's time now would lose that release (a lift would wait
      // for the old embargo); only an entry that stayed ahead of its story past the grace is rescheduled.
      if (now.getTime() - due.updatedAt.getTime() < DUE_WRITE_GRACE_MS) return undefined;
      await this.due.updateOne({ _id: due._id, dueAt: due.dueAt }, { $set: { dueAt: heldUntil, updatedAt: now } });
      return undefined;
    }
    return { due, story: { ...fromStored(doc), heldUntil }, releaseId: `${due._id}@${heldUntil.toISOString()}` };
  }

  /** After the release was sent: its audit entry (once), the story's hold cleared, the due entry gone. */
  async completeRelease(release: DueRelease, now: Date): Promise<void> {
    const { story, due, releaseId } = release;
    const entry: EmbargoAuditDoc = {
      _id: `${story._id}#release:${story.heldUntil.toISOString()}`,
      storyKey: story._id,
      articleId: story.articleId,
      version: story.version,
      rank: String(story.rank),
      action: 'release',
      embargoedUntil: story.heldUntil,
      releaseId,
      at: now,
    };
    await this.audit.updateOne({ _id: entry._id }, { $setOnInsert: withoutUndefined(entry) }, { upsert: true });
    // Guarded: a newer version written meanwhile keeps what it decided.
    await this.articles.updateOne({ _id: story._id, heldUntil: story.heldUntil }, { $unset: { heldUntil: '' } });
    await this.due.deleteOne({ _id: due._id, dueAt: due.dueAt });
  }

  /** One story's audit trail, oldest first (entries of one batch in version order, a release last). */
  async trailOf(storyKey: string, maxTimeMS = 5000): Promise<EmbargoAuditDoc[]> {
    const entries = await this.audit.find(auditRangeOf(storyKey)).maxTimeMS(maxTimeMS).lean<EmbargoAuditDoc[]>().exec();
    return entries.sort(
      (a, b) =>
        a.at.getTime() - b.at.getTime() || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0) || ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action),
    );
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
