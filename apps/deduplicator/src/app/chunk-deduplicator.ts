import type { CanonicalArticle, DedupVerdict } from '@newswire/contracts';
import { decideChunk, type DedupOptions, type DedupStore } from '@newswire/dedup';

/** The app's one use of the domain: a chunk of articles in, their verdicts out, over the store it was given. */
export class ChunkDeduplicator {
  constructor(
    private readonly store: DedupStore,
    private readonly options: DedupOptions,
  ) {}

  verdictsFor(articles: readonly CanonicalArticle[]): Promise<DedupVerdict[]> {
    return decideChunk(articles, this.store, this.options, new Date());
  }
}
