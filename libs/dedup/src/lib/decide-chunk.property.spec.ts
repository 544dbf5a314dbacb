import fc from 'fast-check';
import { type CanonicalArticle, type DedupVerdict, DedupVerdictV1 } from '@newswire/contracts';
import { decideChunk } from './decide-chunk';
import { MemoryDedupState, MemoryDedupStore } from './memory-store';
import { HOLDERS_PER_KEY, isBandKey } from './near';
import { DEFAULT_DEDUP_OPTIONS as O } from './options';
import { articleMaker, EVAL_STORIES } from './spec-articles';

const NOW = new Date('2024-05-20T12:00:00Z');
/** Paragraphs of every evaluation story: articles drawn from one pool share text as agency copy does. */
const POOL = EVAL_STORIES.flatMap((s) => s.paragraphs);

interface Drawn {
  paragraphs: number[];
  edit: boolean;
  /** Same story as an earlier article (by position), as a numbered version. */
  versionOf?: number;
  version: number;
}

const drawn: fc.Arbitrary<Drawn> = fc.record({
  paragraphs: fc.array(fc.nat(POOL.length - 1), { minLength: 1, maxLength: 6 }),
  edit: fc.boolean(),
  versionOf: fc.option(fc.nat(11), { nil: undefined }),
  version: fc.integer({ min: 1, max: 4 }),
});

/** Articles from draws: each its own story unless it names an earlier one as the story it versions. */
function articlesOf(draws: Drawn[]): CanonicalArticle[] {
  const make = articleMaker('p', 'Headline', NOW);
  const out: CanonicalArticle[] = [];
  draws.forEach((d, i) => {
    const text = d.paragraphs.map((p) => POOL[p]);
    if (d.edit) text[0] = `UPDATED - ${text[0].replace(/the /g, 'a ')}`;
    const story = d.versionOf !== undefined && d.versionOf < i ? out[d.versionOf] : undefined;
    out.push(make(text, story ? { uri: story.uri, provider: story.provider, version: d.version } : {}));
  });
  return out;
}

/** Cuts the articles into chunks of the given sizes (the rest in one last chunk). */
function chunked<T>(items: T[], sizes: number[]): T[][] {
  const chunks: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= items.length) break;
    chunks.push(items.slice(at, at + size));
    at += size;
  }
  if (at < items.length) chunks.push(items.slice(at));
  return chunks;
}

describe('decideChunk on arbitrary chunks of articles sharing text', () => {
  it('decides each article once, names only articles it has seen, answers a redelivery the same, and bounds every key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(drawn, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }), fc.boolean(), async (draws, sizes, twoInstances) => {
        const articles = articlesOf(draws);
        const state = new MemoryDedupState();
        const instances = twoInstances ? [new MemoryDedupStore(state), new MemoryDedupStore(state)] : [new MemoryDedupStore(state)];
        const decided = new Map<string, DedupVerdict>();
        const chunks = chunked(articles, sizes);
        for (const [i, chunk] of chunks.entries()) {
          const verdicts = await decideChunk(chunk, instances[i % instances.length], O, NOW);
          expect(verdicts).toHaveLength(chunk.length);
          chunk.forEach((a, j) => decided.set(a.id, verdicts[j]));
          chunk.forEach((a, j) => {
            const v = verdicts[j];
            expect(DedupVerdictV1.safeParse(v).success).toBe(true);
            // Only articles decided so far (this chunk included) are named.
            expect(decided.has(v.clusterId)).toBe(true);
            if (v.duplicateOf) expect(decided.has(v.duplicateOf)).toBe(true);
            if (v.status === 'original') expect(v.clusterId).toBe(a.id);
          });
        }
        // A redelivery of any chunk, to either instance, gets the verdicts first given.
        for (const [i, chunk] of chunks.entries()) {
          expect(await decideChunk(chunk, instances[(i + 1) % instances.length], O, NOW)).toEqual(chunk.map((a) => decided.get(a.id)));
        }
        // The second copy of a text under another story key is never an original.
        const firstOfText = new Map<string, string>();
        for (const a of articles) {
          const text = `${a.headline}\n${a.bodyText}`;
          const first = firstOfText.get(text);
          if (!first) firstOfText.set(text, a.uri);
          else if (first !== a.uri) expect(decided.get(a.id)?.status).not.toBe('original');
        }
        for (const [key, holders] of state.bands) {
          expect(holders.length).toBeLessThanOrEqual(isBandKey(key) ? HOLDERS_PER_KEY : 1);
          expect(new Set(holders.map((h) => h.articleId)).size).toBe(holders.length);
        }
      }),
      { numRuns: 40, seed: 20261203 },
    );
  }, 120_000);
});
