import type { DedupVerdict } from '@newswire/contracts';
import type { ChunkArticle } from './chunk-article';
import type { PassItem } from './chunk-pass';
import { applyVersion, type StoryStep } from './story-fold';
import type { DedupStore, StoryReplace, StoryState } from './store-port';

/** Bounded: each round follows a story changed by another writer, and every change means someone progressed. */
const MAX_ROUNDS = 5;

export class StoryContentionError extends Error {
  override readonly name = 'StoryContentionError';
}

export interface StoryOutcome {
  /** The chunk's articles still to decide, in chunk order, with their story step. */
  items: PassItem[];
  /** Redeliveries: the verdicts they were given before. */
  adopted: Map<string, DedupVerdict>;
  /** Verdicts read on the way (articles the steps point at). */
  verdicts: Map<string, DedupVerdict>;
}

/**
 * Identity first: every story of the chunk is created in one write (the
 * first writer of a story wins); only the stories that existed are read,
 * advanced in memory through the chunk's versions in order, and replaced in
 * one conditional write each (another writer in between means read, fold
 * and write again). An article not newer than its stored story may be a
 * redelivery: if a verdict is kept for it, it keeps that verdict.
 */
export async function settleStories(chunk: readonly ChunkArticle[], store: DedupStore, now: Date): Promise<StoryOutcome> {
  const groups = new Map<string, ChunkArticle[]>();
  for (const a of chunk) groups.set(a.storyKey, [...(groups.get(a.storyKey) ?? []), a]);
  const steps = new Map<string, { step: StoryStep; story?: StoryState }>();
  const adopted = new Map<string, DedupVerdict>();
  const verdicts = new Map<string, DedupVerdict>();

  const fresh = [...groups].map(([key, versions]) => fold(undefined, key, versions, now));
  let stored = await store.createStories(fresh.map((f) => f.state));
  fresh.forEach((f) => f.steps.forEach((step, id) => !stored.has(f.state.key) && steps.set(id, { step })));

  for (let round = 0; stored.size > 0; round++) {
    if (round === MAX_ROUNDS) throw new StoryContentionError(`stories kept changing under this chunk: ${[...stored.keys()].join(', ')}`);
    await fetchVerdicts(store, verdicts, [...stored.values()].flatMap((s) => referencedBy(s, groups.get(s.key) ?? [])));
    const replaces: StoryReplace[] = [];
    for (const [key, story] of stored) {
      const versions = (groups.get(key) ?? []).filter((a) => !(a.version.rank <= story.rank && verdicts.has(a.id)));
      for (const a of groups.get(key) ?? []) if (!versions.includes(a)) adopted.set(a.id, verdicts.get(a.id) as DedupVerdict);
      const f = fold(story, key, versions, now);
      f.steps.forEach((step, id) => steps.set(id, { step, story }));
      if (f.state !== story) replaces.push({ expected: story, next: f.state });
    }
    const changed = await store.replaceStories(replaces);
    if (changed.size === 0) break;
    stored = await store.stories([...changed]);
    for (const key of changed) {
      if (!stored.has(key)) throw new StoryContentionError(`story ${key} disappeared while this chunk advanced it`);
      for (const a of groups.get(key) ?? []) adopted.delete(a.id);
    }
  }

  const items = chunk.filter((a) => !adopted.has(a.id)).map((a) => ({ a, ...(steps.get(a.id) as { step: StoryStep; story?: StoryState }) }));
  // A replay can point further back in the history than the current article.
  await fetchVerdicts(store, verdicts, items.flatMap(({ step, story }) => (step.kind === 'replay' && step.previousId && !story?.clusterId ? [step.previousId] : [])));
  return { items, adopted, verdicts };
}

function fold(state: StoryState | undefined, key: string, versions: readonly ChunkArticle[], now: Date): { state: StoryState; steps: Map<string, StoryStep> } {
  const steps = new Map<string, StoryStep>();
  let s = state;
  for (const a of versions) {
    const r = applyVersion(s, key, a.version, now);
    steps.set(a.id, r.step);
    s = r.next;
  }
  return { state: s as StoryState, steps };
}

/** Articles that may be redeliveries (not newer than the stored story), and the current one whose cluster the versions join. */
function referencedBy(story: StoryState, versions: readonly ChunkArticle[]): string[] {
  const maybeSeen = versions.filter((a) => a.version.rank <= story.rank).map((a) => a.id);
  return story.clusterId ? maybeSeen : [...maybeSeen, story.currentArticleId];
}

async function fetchVerdicts(store: DedupStore, into: Map<string, DedupVerdict>, ids: readonly string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !into.has(id));
  if (missing.length === 0) return;
  for (const [id, v] of await store.verdicts(missing)) into.set(id, v);
}
