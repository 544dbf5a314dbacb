import type { DedupVerdict } from '@newswire/contracts';
import { storedFingerprint } from './fingerprint';
import { type BandClaim, type Candidate, HOLDERS_PER_KEY } from './near';
import type { ContentClaim, ContentClaimant, DedupStore, FingerprintRecord, StoryReplace, StoryState } from './store-port';

/** What a shared store holds; several MemoryDedupStore "instances" may share one. */
export class MemoryDedupState {
  readonly verdicts = new Map<string, DedupVerdict>();
  readonly stories = new Map<string, StoryState>();
  readonly content = new Map<string, ContentClaimant>();
  readonly fingerprints = new Map<string, FingerprintRecord>();
  /** Each key's holders, owner first. */
  readonly bands = new Map<string, BandClaim[]>();
  private tail: Promise<void> = Promise.resolve();
  private revs = 0;

  nextRev(): string {
    return `r${++this.revs}`;
  }

  /** The lease: one chunk at a time across every instance that shares this state. */
  async lock(): Promise<() => void> {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => held);
    await before;
    return release;
  }
}

export interface MemoryDedupStoreOptions {
  /** Whether `exclusive` holds the shared lock (false: chunks race, as with an expired lease). */
  exclusive?: boolean;
  /** Yield between the items of a claim batch, so racing batches interleave key by key as on a real server. */
  interleave?: boolean;
}

/**
 * The DedupStore port in memory, with the same rules as the real one: claims
 * are first writer wins, a replace applies only to the expected state,
 * verdicts and fingerprints are written once. Every call yields, so two
 * instances sharing one state interleave as two processes would. Counts the
 * calls it gets, one per store round trip of the real adapter.
 */
export class MemoryDedupStore implements DedupStore {
  readonly calls = new Map<string, number>();
  /** Verdicts this "process" saved or read: what the real adapter keeps at hand. */
  private readonly seen = new Map<string, DedupVerdict>();

  constructor(
    readonly state = new MemoryDedupState(),
    private readonly options: MemoryDedupStoreOptions = {},
  ) {}

  get totalCalls(): number {
    return [...this.calls.values()].reduce((a, b) => a + b, 0);
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.options.exclusive === false) return work();
    const release = await this.state.lock();
    try {
      return await work();
    } finally {
      release();
    }
  }

  verdictsAtHand(ids: readonly string[]): Map<string, DedupVerdict> {
    return pick(this.seen, ids);
  }

  async verdicts(ids: readonly string[]): Promise<Map<string, DedupVerdict>> {
    await this.roundTrip('verdicts', ids);
    const found = pick(this.state.verdicts, ids);
    found.forEach((v, id) => this.seen.set(id, v));
    return found;
  }

  async saveVerdicts(verdicts: ReadonlyMap<string, DedupVerdict>): Promise<Map<string, DedupVerdict>> {
    await this.roundTrip('saveVerdicts', [...verdicts.keys()]);
    const out = new Map<string, DedupVerdict>();
    for (const [id, v] of verdicts) {
      if (!this.state.verdicts.has(id)) this.state.verdicts.set(id, structuredClone(v));
      out.set(id, structuredClone(this.state.verdicts.get(id) as DedupVerdict));
      this.seen.set(id, out.get(id) as DedupVerdict);
    }
    return out;
  }

  async createStories(stories: readonly StoryState[]): Promise<Map<string, StoryState>> {
    await this.roundTrip('createStories', stories);
    const existing = new Map<string, StoryState>();
    for (const s of stories) {
      const cur = this.state.stories.get(s.key);
      if (cur) existing.set(s.key, structuredClone(cur));
      else this.state.stories.set(s.key, { ...structuredClone(s), rev: this.state.nextRev() });
    }
    return existing;
  }

  async stories(keys: readonly string[]): Promise<Map<string, StoryState>> {
    await this.roundTrip('stories', keys);
    return new Map([...pick(this.state.stories, keys)].map(([k, s]) => [k, structuredClone(s)]));
  }

  async replaceStories(replaces: readonly StoryReplace[]): Promise<Set<string>> {
    await this.roundTrip('replaceStories', replaces);
    const changed = new Set<string>();
    for (const { expected, next } of replaces) {
      const cur = this.state.stories.get(expected.key);
      if (!cur || cur.rev !== expected.rev) changed.add(expected.key);
      else this.state.stories.set(expected.key, { ...structuredClone(next), clusterId: cur.clusterId, firstSeenAt: cur.firstSeenAt, rev: this.state.nextRev() });
    }
    return changed;
  }

  async claimContent(claims: readonly ContentClaim[], cutoff: Date): Promise<Map<string, ContentClaimant>> {
    await this.roundTrip('claimContent', claims);
    const out = new Map<string, ContentClaimant>();
    for (const c of claims) {
      await this.between();
      const cur = this.state.content.get(c.hash);
      if (!cur || cur.at < cutoff.getTime()) this.state.content.set(c.hash, { articleId: c.articleId, at: c.at.getTime(), source: c.source, uri: c.uri });
      out.set(c.hash, { ...(this.state.content.get(c.hash) as ContentClaimant) });
    }
    return out;
  }

  async saveFingerprints(records: readonly FingerprintRecord[]): Promise<void> {
    await this.roundTrip('saveFingerprints', records);
    for (const r of records) if (!this.state.fingerprints.has(r.articleId)) this.state.fingerprints.set(r.articleId, structuredClone(r));
  }

  async fingerprints(ids: readonly string[]): Promise<Map<string, Candidate>> {
    await this.roundTrip('fingerprints', ids);
    return new Map(
      [...pick(this.state.fingerprints, ids)].map(([id, r]) => [id, { articleId: id, source: r.source, uri: r.uri, fingerprint: storedFingerprint(r.encoded, r.size, r.encodedSet), bandKeys: r.bandKeys, at: r.at.getTime() }]),
    );
  }

  async claimBands(claims: readonly BandClaim[], cutoff: Date): Promise<BandClaim[]> {
    await this.roundTrip('claimBands', claims);
    const held: BandClaim[] = [];
    for (const c of claims) {
      await this.between();
      const cur = this.state.bands.get(c.key);
      if (!cur || cur[0].at < cutoff.getTime()) this.state.bands.set(c.key, [{ ...c }]);
      else if (cur[0].articleId !== c.articleId) held.push(...cur.filter((h) => h.articleId !== c.articleId).map((h) => ({ ...h })));
    }
    return held;
  }

  async holdFurther(claims: readonly BandClaim[]): Promise<void> {
    await this.roundTrip('holdFurther', claims);
    for (const c of claims) {
      await this.between();
      // As the real adapter: a hold adds to a key someone owns, it never creates one.
      const cur = this.state.bands.get(c.key);
      if (cur && cur.length < HOLDERS_PER_KEY && !cur.some((h) => h.articleId === c.articleId)) cur.push({ ...c });
    }
  }

  private async between(): Promise<void> {
    if (this.options.interleave) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Empty batches cost nothing, as in the real adapter; any other call yields once. */
  private async roundTrip(method: string, batch: readonly unknown[]): Promise<void> {
    if (batch.length === 0) return;
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function pick<V>(map: ReadonlyMap<string, V>, ids: readonly string[]): Map<string, V> {
  const out = new Map<string, V>();
  for (const id of ids) {
    const v = map.get(id);
    if (v !== undefined) out.set(id, v);
  }
  return out;
}
