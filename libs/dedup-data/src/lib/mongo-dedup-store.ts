import { randomUUID } from 'node:crypto';
import type { Tracer } from '@opentelemetry/api';
import type { Connection, mongo } from 'mongoose';
import type { DedupVerdict } from '@newswire/contracts';
import { type BandClaim, type Candidate, type ContentClaim, type ContentClaimant, type DedupStore, type FingerprintRecord, HOLDERS_PER_KEY, type StoryReplace, type StoryState } from '@newswire/dedup';
import { inSlices } from '@newswire/mongo';
import { withStoreSpans } from '@newswire/observability';
import { ChunkLease, DEFAULT_LEASE, type LeaseDoc, type LeaseOptions } from './chunk-lease';
import { collection, COLLECTIONS } from './collections';
import { factCaches, type FactCaches } from './fact-caches';
import {
  type BandDoc,
  bandDoc,
  bandHolderDoc,
  bandHolders,
  candidate,
  clean,
  type ContentHashDoc,
  contentClaimant,
  contentDoc,
  type FingerprintDoc,
  fingerprintDoc,
  type StoryDoc,
  storyDoc,
  storyState,
  type VerdictDoc,
} from './dedup-docs';
import { claimFirst, insertNew } from './first-writer';
import { IdReader } from './id-reads';
import { storeOp } from './store-errors';


export interface MongoDedupStoreOptions {
  lease?: LeaseOptions;
  /** Entries kept per cache at most (verdicts, content claims, fingerprints; band claims eight times as many). */
  cacheEntries?: number;
  /** Bytes the caches may hold in all (an estimate per entry); the bound that matters once the archive is large. */
  cacheBytes?: number;
}

/** 64 MiB: about 10,000 recent fingerprints of 3-5 KB articles with their band claims. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The DedupStore port on MongoDB or FerretDB: every claim is an unordered
 * bulk insert (the unique `_id` makes the first writer win), read back only
 * where the insert lost; stories are created in bulk and replaced by a
 * conditional write on their `rev`. No transactions, change streams or
 * secondary indexes: every read is by `_id`.
 *
 * Cached in this process, because they never change once written: verdicts
 * (one per article, first write wins), fingerprints, and content and band
 * claims (first write wins; one older than the window can be taken over,
 * so a cached claim is used only while it is inside the window). Whatever
 * another instance writes later is found by the insert that loses to it,
 * so a cache can miss facts but never holds a wrong one; a restart starts
 * empty and the store answers. The one fact that grows is a band key's list
 * of further holders: a cached list has this instance's own additions, and
 * those of other instances once the key is read again (after it leaves the
 * cache), so with several instances a copy found only through another
 * instance's recent further hold can be missed.
 */
export class MongoDedupStore implements DedupStore {
  private readonly storiesCol: mongo.Collection<StoryDoc>;
  private readonly contentCol: mongo.Collection<ContentHashDoc>;
  private readonly fingerprintsCol: mongo.Collection<FingerprintDoc>;
  private readonly bandsCol: mongo.Collection<BandDoc>;
  private readonly verdictsCol: mongo.Collection<VerdictDoc>;
  private readonly reader: IdReader;
  private readonly lease: ChunkLease;
  private readonly cached: FactCaches;
  private readonly instance = randomUUID().slice(0, 8);
  private revs = 0;

  /** With a tracer, each store call is a span (dedup.store.<method>). */
  constructor(connection: Connection, o: MongoDedupStoreOptions = {}, tracer?: Tracer) {
    this.storiesCol = collection(connection, COLLECTIONS.stories);
    this.contentCol = collection(connection, COLLECTIONS.contentHashes);
    this.fingerprintsCol = collection(connection, COLLECTIONS.fingerprints);
    this.bandsCol = collection(connection, COLLECTIONS.bands);
    this.verdictsCol = collection(connection, COLLECTIONS.verdicts);
    this.reader = new IdReader(connection);
    this.lease = new ChunkLease(collection<LeaseDoc>(connection, COLLECTIONS.leases), o.lease ?? DEFAULT_LEASE);
    this.cached = factCaches(o.cacheBytes ?? DEFAULT_CACHE_BYTES, o.cacheEntries ?? 100_000);
    withStoreSpans<MongoDedupStore>(this, tracer, 'dedup.store', [
      'exclusive',
      'verdicts',
      'saveVerdicts',
      'createStories',
      'stories',
      'replaceStories',
      'claimContent',
      'saveFingerprints',
      'fingerprints',
      'claimBands',
      'holdFurther',
    ]);
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lease.hold(work);
  }

  verdictsAtHand(ids: readonly string[]): Map<string, DedupVerdict> {
    const out = new Map<string, DedupVerdict>();
    for (const id of ids) {
      const v = this.cached.verdicts.get(id);
      if (v) out.set(id, v);
    }
    return out;
  }

  async verdicts(ids: readonly string[]): Promise<Map<string, DedupVerdict>> {
    const out = this.verdictsAtHand(ids);
    const docs = await storeOp('verdict lookup', () => this.reader.read(this.verdictsCol, ids.filter((id) => !out.has(id))));
    for (const [id, d] of docs) this.remember(out, id, d.verdict);
    return out;
  }

  async saveVerdicts(verdicts: ReadonlyMap<string, DedupVerdict>): Promise<Map<string, DedupVerdict>> {
    const entries = [...verdicts];
    const lost = await storeOp('verdict save', () => insertNew(this.verdictsCol, entries.map(([id, v]) => ({ _id: id, verdict: clean(v) }))));
    // Someone decided the same article first (a redelivery racing a rebalance): theirs stands.
    const earlier = await storeOp('verdict lookup', () => this.reader.read(this.verdictsCol, entries.filter((_, i) => lost.has(i)).map(([id]) => id)));
    const out = new Map<string, DedupVerdict>();
    for (const [id, v] of entries) this.remember(out, id, earlier.get(id)?.verdict ?? v);
    return out;
  }

  async createStories(stories: readonly StoryState[]): Promise<Map<string, StoryState>> {
    const lost = await storeOp('story create', () => insertNew(this.storiesCol, stories.map((s) => storyDoc(s, this.rev()))));
    const keys = stories.filter((_, i) => lost.has(i)).map((s) => s.key);
    const existing = await this.stories(keys);
    const gone = keys.filter((k) => !existing.has(k));
    if (gone.length > 0) throw new Error(`dedup store: stories ${gone.join(', ')} existed at insert and not at read`);
    return existing;
  }

  async stories(keys: readonly string[]): Promise<Map<string, StoryState>> {
    const docs = await storeOp('story lookup', () => this.reader.read(this.storiesCol, keys));
    return new Map([...docs].map(([k, d]) => [k, storyState(d)]));
  }

  async replaceStories(replaces: readonly StoryReplace[]): Promise<Set<string>> {
    const writes = replaces.map(({ expected, next }) => {
      const rev = this.rev();
      const fields = { rank: next.rank, currentArticleId: next.currentArticleId, pubStatus: next.pubStatus, updatedAt: next.updatedAt, history: next.history, rev, ...(next.killed ? { killed: true } : {}) };
      // A story written by an earlier release has no rev yet.
      const filter = { _id: expected.key, rev: expected.rev ?? { $exists: false } } as mongo.Filter<StoryDoc>;
      return { key: expected.key, rev, op: { updateOne: { filter, update: { $set: fields } } } };
    });
    let matched = 0;
    // In slices: FerretDB never answers an update command modifying 100 or more documents.
    for (const slice of inSlices(writes)) {
      const group = slice.map((w) => w.op);
      matched += (await storeOp('story replace', () => this.storiesCol.bulkWrite(group, { ordered: false }))).matchedCount;
    }
    if (matched === writes.length) return new Set();
    // Rare (another writer): a bulk write counts, it does not say which; the stored revs do.
    const now = await storeOp('story lookup', () => this.reader.read(this.storiesCol, writes.map((w) => w.key)));
    return new Set(writes.filter((w) => now.get(w.key)?.rev !== w.rev).map((w) => w.key));
  }

  async claimContent(claims: readonly ContentClaim[], cutoff: Date): Promise<Map<string, ContentClaimant>> {
    const out = new Map<string, ContentClaimant>();
    const open: ContentHashDoc[] = [];
    for (const c of claims) {
      const known = this.cached.content.get(c.hash);
      if (known && known.at >= cutoff.getTime()) out.set(c.hash, known);
      else open.push(contentDoc(c.hash, { articleId: c.articleId, at: c.at.getTime(), source: c.source, uri: c.uri }));
    }
    const holders = await storeOp('content claim', () => claimFirst(this.contentCol, this.reader, open, 'firstSeenAt', cutoff));
    for (const [hash, d] of holders) {
      const claimant = contentClaimant(d);
      this.cached.content.set(hash, claimant);
      out.set(hash, claimant);
    }
    return out;
  }

  async saveFingerprints(records: readonly FingerprintRecord[]): Promise<void> {
    const docs = records.map(fingerprintDoc);
    // One already stored is an earlier attempt's: the same text, and its first-seen time stands.
    const lost = await storeOp('fingerprint save', () => insertNew(this.fingerprintsCol, docs));
    docs.forEach((d, i) => !lost.has(i) && this.cached.fingerprints.set(d._id, candidate(d)));
  }

  async fingerprints(ids: readonly string[]): Promise<Map<string, Candidate>> {
    const out = new Map<string, Candidate>();
    for (const id of ids) {
      const c = this.cached.fingerprints.get(id);
      if (c) out.set(id, c);
    }
    const docs = await storeOp('fingerprint lookup', () => this.reader.read(this.fingerprintsCol, ids.filter((id) => !out.has(id))));
    for (const [id, d] of docs) {
      out.set(id, candidate(d));
      this.cached.fingerprints.set(id, candidate(d));
    }
    return out;
  }

  async claimBands(claims: readonly BandClaim[], cutoff: Date): Promise<BandClaim[]> {
    const held: BandClaim[] = [];
    const open: BandClaim[] = [];
    const othersOf = (holders: readonly BandClaim[], c: BandClaim) => (holders[0].articleId === c.articleId ? [] : holders.filter((h) => h.articleId !== c.articleId));
    for (const c of claims) {
      const known = this.cached.bands.get(c.key);
      if (!known || known[0].at < cutoff.getTime()) open.push(c);
      else held.push(...othersOf(known, c));
    }
    const holders = await storeOp('band claim', () => claimFirst(this.bandsCol, this.reader, open.map(bandDoc), 'at', cutoff));
    for (const c of open) {
      const holder = holders.get(c.key);
      if (!holder) continue;
      const claim = bandHolders(holder);
      this.cached.bands.set(c.key, claim);
      held.push(...othersOf(claim, c));
    }
    return held;
  }

  async holdFurther(claims: readonly BandClaim[]): Promise<void> {
    const writes = claims.map((c) => ({
      updateOne: {
        // Not twice for one article (a redelivered chunk), and not past the bound. `$nor`, not `$ne`:
        // FerretDB 1.24 matches `'more.articleId': { $ne: id }` when any other element differs.
        filter: { _id: c.key, $nor: [{ articleId: c.articleId }, { 'more.articleId': c.articleId }, { [`more.${HOLDERS_PER_KEY - 2}`]: { $exists: true } }] } as mongo.Filter<BandDoc>,
        update: { $push: { more: bandHolderDoc(c) } } as mongo.UpdateFilter<BandDoc>,
      },
    }));
    // In slices: FerretDB never answers an update command modifying 100 or more documents.
    for (const slice of inSlices(writes)) await storeOp('band hold', () => this.bandsCol.bulkWrite(slice, { ordered: false }));
    for (const c of claims) {
      const known = this.cached.bands.get(c.key);
      if (known && known.length < HOLDERS_PER_KEY && !known.some((h) => h.articleId === c.articleId)) this.cached.bands.set(c.key, [...known, c]);
    }
  }

  private remember(into: Map<string, DedupVerdict>, id: string, v: DedupVerdict): void {
    into.set(id, v);
    this.cached.verdicts.set(id, v);
  }

  private rev(): string {
    return `${this.instance}:${++this.revs}`;
  }
}
