import type { DedupVerdict } from '@newswire/contracts';
import { type ChunkArticle, candidateOf, nearSelf } from './chunk-article';
import { type BandClaim, type Candidate, chooseNear, HOLDERS_PER_KEY, isBandKey } from './near';
import type { DedupOptions } from './options';
import { mayMerge, type SourceRef } from './source-rules';
import type { StoryStep } from './story-fold';
import type { ContentClaimant, StoryState } from './store-port';
import { similarity } from './similarity';
import { exactDuplicateVerdict, nearDuplicateVerdict, newVersionVerdict, originalVerdict, sameItemVerdict, staleVersionVerdict } from './verdict';

/** How much of the shorter text an item-identity match must share with the item it names (see sameItemAs). */
const IDENTITY_MIN_CONTAINMENT = 0.3;

/** An article whose story step is known, to be decided in chunk order. */
export interface PassItem {
  a: ChunkArticle;
  step: StoryStep;
  /** The story as stored before this chunk, if it was. */
  story?: StoryState;
}

/** What the store told about the chunk's claims, and about the articles outside the chunk they point at. */
export interface PassView {
  /** The first claimant of each content-deciding article's text (itself when it won). */
  claimants: ReadonlyMap<string, ContentClaimant>;
  /** The first claimant of each new story's item identity (itself when it won); none for items without one. */
  itemClaimants?: ReadonlyMap<string, ContentClaimant>;
  /**
   * Articles that claim band keys (new versions, and content decisions not
   * settled by an exact copy whose verdict is known): decided by the first
   * pass, kept by the next so both claim the same keys.
   */
  participants?: ReadonlySet<string>;
  /** Claims others hold on the chunk's band keys, owner first (none before the chunk has claimed its own). */
  held: ReadonlyMap<string, readonly BandClaim[]>;
  /** Fingerprints of the holders. */
  candidates: ReadonlyMap<string, Candidate>;
  /** Verdicts of articles outside the chunk that the chunk points at. */
  verdicts: ReadonlyMap<string, DedupVerdict>;
}

export interface PassResult {
  verdicts: Map<string, DedupVerdict>;
  /** Band keys the chunk claims, each for the first participant that has it, with the cluster it decided. */
  claims: BandClaim[];
  /** Further holds on keys already held, each by a participant of a cluster no holder of the key has (see HOLDERS_PER_KEY). */
  further: BandClaim[];
  participants: Set<string>;
}

/**
 * Decides a chunk in order, each article seeing the ones before it as if
 * they had been stored already: a second copy of a text in the chunk is a
 * duplicate of the first, two versions of one story are ordered. Pure: the
 * store's answers come in `view`.
 */
export function decideInOrder(items: readonly PassItem[], view: PassView, o: DedupOptions, now: Date): PassResult {
  return new ChunkPass(view, o, now).run(items);
}

class ChunkPass {
  private readonly decided = new Map<string, DedupVerdict>();
  /** Holds the chunk itself takes, per key, in the order taken. */
  private readonly chunkClaims = new Map<string, BandClaim[]>();
  private readonly chunkCandidates = new Map<string, Candidate>();
  private readonly refs = new Map<string, SourceRef>();
  private readonly claims: BandClaim[] = [];
  private readonly further: BandClaim[] = [];
  private readonly participants = new Set<string>();

  constructor(
    private readonly view: PassView,
    private readonly o: DedupOptions,
    private readonly now: Date,
  ) {}

  run(items: readonly PassItem[]): PassResult {
    for (const item of items) {
      this.refs.set(item.a.id, item.a);
      this.decided.set(item.a.id, this.verdictOf(item));
    }
    return { verdicts: this.decided, claims: this.claims, further: this.further, participants: this.participants };
  }

  private verdictOf({ a, step, story }: PassItem): DedupVerdict {
    if (step.kind === 'stale') return staleVersionVerdict(a.ctx, { articleId: step.currentId, clusterId: this.storyCluster(step.currentId, story) }, a.described);
    const previousId = step.kind === 'newer' ? step.previousId : step.kind === 'replay' ? step.previousId : undefined;
    if (previousId) {
      const clusterId = this.storyCluster(previousId, story);
      if (this.participates(a, true)) this.index(a, clusterId);
      return newVersionVerdict(a.ctx, { articleId: previousId, clusterId }, a.described);
    }
    return this.byContent(a);
  }

  /** The same provider's item under another story key (another format's id form, another spelling of the provider). */
  private sameItemAs(a: ChunkArticle): string | undefined {
    const item = this.view.itemClaimants?.get(a.id);
    if (!item || item.articleId === a.id || !this.mayMergeWith(a, item.articleId)) return undefined;
    // An id match alone is not proof: ids normalised from different forms can collide (a sequence number
    // read as a revision: `urn:x:feed:7` and `urn:x:feed:8`), so the texts must share content too.
    const other = this.chunkCandidates.get(item.articleId) ?? this.view.candidates.get(item.articleId);
    if (!other || similarity(a.fingerprint, other.fingerprint).containment < IDENTITY_MIN_CONTAINMENT) return undefined;
    return item.articleId;
  }

  /** Item identity first, then exact text (the content claim), then near copies (the band index). */
  private byContent(a: ChunkArticle): DedupVerdict {
    const itemOf = this.sameItemAs(a);
    if (itemOf) {
      const verdict = sameItemVerdict(a.ctx, itemOf, this.clusterOfArticle(itemOf) ?? itemOf);
      if (this.participates(a, true)) this.index(a, verdict.clusterId);
      return verdict;
    }
    const claimant = this.view.claimants.get(a.id)?.articleId ?? a.id;
    const exactOf = claimant !== a.id && this.mayMergeWith(a, claimant) ? claimant : undefined;
    if (!this.participates(a, !exactOf || this.clusterOfArticle(exactOf) === undefined)) {
      if (!exactOf) return originalVerdict(a.ctx);
      return exactDuplicateVerdict(a.ctx, exactOf, this.clusterOfArticle(exactOf) ?? exactOf);
    }
    const choice = chooseNear(nearSelf(a), this.claimsOn(a), this.candidatesFor(a), this.o, this.now.getTime());
    const matched = choice.kind === 'match' ? choice.clusterId : undefined;
    const verdict = exactOf
      ? exactDuplicateVerdict(a.ctx, exactOf, matched ?? this.clusterOfArticle(exactOf) ?? exactOf)
      : choice.kind === 'match'
        ? nearDuplicateVerdict(a.ctx, choice.of, choice.clusterId, choice.score)
        : originalVerdict(a.ctx);
    this.index(a, verdict.clusterId);
    return verdict;
  }

  private mayMergeWith(a: ChunkArticle, otherId: string): boolean {
    if (this.o.sourceRules.length === 0) return true;
    const claimant = this.view.claimants.get(a.id);
    const other = this.refs.get(otherId) ?? this.view.candidates.get(otherId) ?? (claimant?.source !== undefined ? (claimant as SourceRef) : undefined);
    return !other || mayMerge(a, other, this.o.sourceRules);
  }

  /** The claims on the article's keys, owner first, each carrying its holder's final cluster where the holder's verdict is known. */
  private claimsOn(a: ChunkArticle): BandClaim[] {
    const out: BandClaim[] = [];
    for (const key of a.fingerprint.bandKeys) {
      for (const claim of this.holdersOf(key)) out.push({ ...claim, clusterId: this.clusterOfArticle(claim.articleId) ?? claim.clusterId });
    }
    return out;
  }

  /** Who holds a key, owner first: the store's holders, then the chunk's own. */
  private holdersOf(key: string): BandClaim[] {
    const stored = this.view.held.get(key) ?? [];
    const ours = this.chunkClaims.get(key) ?? [];
    return stored.length === 0 ? ours : ours.length === 0 ? [...stored] : [...stored, ...ours];
  }

  private candidatesFor(a: ChunkArticle): Map<string, Candidate> {
    const out = new Map<string, Candidate>();
    for (const claim of this.claimsOn(a)) {
      const c = this.chunkCandidates.get(claim.articleId) ?? this.view.candidates.get(claim.articleId);
      if (c) out.set(c.articleId, c);
    }
    return out;
  }

  /** Texts too short for a trustworthy estimate are matched exactly only; an exact copy of a settled article needs no band either. */
  private participates(a: ChunkArticle, needed: boolean): boolean {
    const yes = this.view.participants ? this.view.participants.has(a.id) : needed && a.fingerprint.size >= this.o.minShingles;
    if (yes) this.participants.add(a.id);
    return yes;
  }

  /**
   * Claims the keys nobody holds yet, so later copies (in this chunk or after
   * it) find this article; holds a band key others hold too when none of them
   * is of this cluster and the key has room, so a copy whose keys all went to
   * unrelated articles still finds it.
   */
  private index(a: ChunkArticle, clusterId: string): void {
    for (const key of a.fingerprint.bandKeys) {
      const holders = this.holdersOf(key);
      if (holders.length > 0 && !isBandKey(key)) continue;
      if (holders.length >= HOLDERS_PER_KEY || holders.some((h) => h.articleId === a.id || (this.clusterOfArticle(h.articleId) ?? h.clusterId) === clusterId)) continue;
      const claim: BandClaim = { key, articleId: a.id, clusterId, at: this.now.getTime() };
      this.chunkClaims.set(key, [...(this.chunkClaims.get(key) ?? []), claim]);
      (holders.length === 0 ? this.claims : this.further).push(claim);
    }
    this.chunkCandidates.set(a.id, candidateOf(a));
  }

  private clusterOfArticle(id: string): string | undefined {
    return this.decided.get(id)?.clusterId ?? this.view.verdicts.get(id)?.clusterId;
  }

  private storyCluster(articleId: string, story: StoryState | undefined): string {
    return story?.clusterId ?? this.clusterOfArticle(articleId) ?? articleId;
  }
}
