import type { CanonicalArticle, DedupVerdict } from '@newswire/contracts';
import { describeVersion, storyKeyOf, versionRankOf as versionRank } from '@newswire/contracts';
import {
  contentHash,
  type DedupOptions,
  exactDuplicateVerdict,
  fingerprintOf,
  mayMerge,
  nearDuplicateVerdict,
  newVersionVerdict,
  originalVerdict,
  sourceOf,
  staleVersionVerdict,
  type VerdictContext,
} from '@newswire/dedup';
import type { ContentHashRepository } from './content-hash.repository';
import type { FingerprintRepository } from './fingerprint.repository';
import type { NearIndex } from './near-index';
import type { StoryDoc, StoryRepository, StoryVersion } from './story.repository';
import type { VerdictRepository } from './verdict.repository';


export interface DedupStores {
  stories: StoryRepository;
  hashes: ContentHashRepository;
  fingerprints: FingerprintRepository;
  verdicts: VerdictRepository;
  near: NearIndex;
}

/**
 * The deduplicator as it was before chunks (main at 5a38cb0), kept only as
 * the baseline of tools/bench/dedup-bench.ts: one article at a time, about
 * twenty store commands each. Identity first (same source and id = a version, decided by one atomic
 * conditional upsert on the story), then content: exact text, then near copy.
 */
export class DedupService {
  constructor(
    private readonly s: DedupStores,
    private readonly o: DedupOptions,
  ) {}

  /** A redelivered article gets the verdict it was first given. */
  async verdictFor(article: CanonicalArticle, now = new Date()): Promise<DedupVerdict> {
    const cached = await this.s.verdicts.get(article.id);
    if (cached) return cached;
    const verdict = await this.decide(article, now);
    await this.s.verdicts.save(article.id, verdict);
    return verdict;
  }

  private async decide(article: CanonicalArticle, now: Date): Promise<DedupVerdict> {
    const storyKey = storyKeyOf(article);
    const ctx: VerdictContext = { articleId: article.id, contentHash: contentHash(article.headline, article.bodyText), storyKey, now };
    const version: StoryVersion = {
      articleId: article.id,
      rank: versionRank(article),
      version: article.version,
      versionCreated: article.versionCreated,
      pubStatus: article.pubStatus,
      at: now,
    };
    const adv = await this.s.stories.advance(storyKey, version);
    if (adv.outcome === 'newer') return this.supersede(article, ctx, adv.previous, adv.previous.currentArticleId);
    if (adv.outcome === 'first') return this.firstOfStory(article, ctx);
    const story = adv.story;
    if (story.currentArticleId === article.id) {
      // Our own earlier, interrupted attempt: replay it from the history it left.
      const at = story.history.findIndex((h) => h.articleId === article.id);
      return at > 0 ? this.supersede(article, ctx, story, story.history[at - 1].articleId) : this.firstOfStory(article, ctx);
    }
    await this.s.stories.recordStale(storyKey, version, story);
    return staleVersionVerdict(ctx, { articleId: story.currentArticleId, clusterId: await this.clusterOf(story) }, describeVersion(article));
  }

  private async supersede(article: CanonicalArticle, ctx: VerdictContext, previous: StoryDoc, previousArticleId: string): Promise<DedupVerdict> {
    const clusterId = await this.clusterOf(previous, previousArticleId);
    if (!previous.clusterId) await this.s.stories.setCluster(ctx.storyKey, clusterId);
    // Later copies of the new text must find this story's cluster.
    await this.s.hashes.claim(ctx.contentHash, article.id, ctx.now, this.cutoff(ctx.now));
    const fp = fingerprintOf(article.bodyText, this.o);
    if (fp.size >= this.o.minShingles) await this.s.near.index({ ...this.ref(article), fingerprint: fp, bandKeys: fp.bandKeys, at: ctx.now.getTime() }, clusterId, ctx.now);
    return newVersionVerdict(ctx, { articleId: previousArticleId, clusterId }, describeVersion(article));
  }

  private async firstOfStory(article: CanonicalArticle, ctx: VerdictContext): Promise<DedupVerdict> {
    const verdict = await this.byContent(article, ctx);
    await this.s.stories.setCluster(ctx.storyKey, verdict.clusterId);
    return verdict;
  }

  private async byContent(article: CanonicalArticle, ctx: VerdictContext): Promise<DedupVerdict> {
    const self = this.ref(article);
    const claim = await this.s.hashes.claim(ctx.contentHash, article.id, ctx.now, this.cutoff(ctx.now));
    const exactOf = claim.claimedBy !== article.id && (await this.mayMergeWith(self, claim.claimedBy)) ? claim.claimedBy : undefined;
    const fp = fingerprintOf(article.bodyText, this.o);
    if (fp.size < this.o.minShingles) {
      if (!exactOf) return originalVerdict(ctx);
      return exactDuplicateVerdict(ctx, exactOf, (await this.s.verdicts.get(exactOf))?.clusterId ?? exactOf);
    }
    const { choice, clusterId } = await this.s.near.decide({ ...self, fingerprint: fp, bandKeys: fp.bandKeys, at: ctx.now.getTime() }, ctx.now);
    if (exactOf) {
      // The band index decides the cluster even for exact copies, so racing copies agree on it.
      const cluster = choice.kind === 'match' ? clusterId : ((await this.s.verdicts.get(exactOf))?.clusterId ?? exactOf);
      return exactDuplicateVerdict(ctx, exactOf, cluster);
    }
    if (choice.kind === 'match') return nearDuplicateVerdict(ctx, choice.of, clusterId, choice.score);
    return originalVerdict(ctx, clusterId);
  }

  private async mayMergeWith(self: { source: string; uri: string }, otherId: string): Promise<boolean> {
    if (this.o.sourceRules.length === 0) return true;
    const other = (await this.s.fingerprints.candidates([otherId])).get(otherId);
    return !other || mayMerge(self, other, this.o.sourceRules);
  }

  private async clusterOf(story: StoryDoc, articleId = story.currentArticleId): Promise<string> {
    return story.clusterId ?? (await this.s.verdicts.get(articleId))?.clusterId ?? articleId;
  }

  private ref(article: CanonicalArticle) {
    return { articleId: article.id, source: sourceOf(article), uri: article.uri };
  }

  private cutoff(now: Date): Date {
    return new Date(now.getTime() - this.o.windowMs);
  }
}
