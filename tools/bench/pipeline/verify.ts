/**
 * Exactly once, read from the archive after the pipeline phases: every
 * accepted article id is recorded once, as a version of its story
 * (`article_versions`) or as a duplicate (`article_duplicates`), never both
 * and never missing; no story the phase did not send is in `articles`, and
 * no article id the ingester did not hand out is recorded. One read of
 * each collection (FerretDB answers `$in` by scanning anyway).
 *
 * Over a preloaded archive that read is the whole archive (at a million
 * stories FerretDB read it at about 10 MB/s: over an hour), so there the
 * check looks each accepted id up by `_id` instead (the one lookup FerretDB
 * answers from an index), and each story it finds by its key: lost and
 * doubled as before (a version whose story is missing from `articles` counts
 * as lost too); `extra` (records nobody sent) is not checked.
 */
import { MongoClient } from 'mongodb';
import type { PhaseResult } from './phase';

export interface ArchiveVerdict {
  phase: string;
  accepted: number;
  lost: number;
  /** Recorded both as a version and as a duplicate. */
  doubled: number;
  /** Articles or ids in the archive under the phase's uris that were never accepted; null where not checked (a preloaded archive). */
  extra: number | null;
  /** Stories of the phase in `articles` (one per story key). */
  stories: number;
  duplicates: number;
}

async function idsAndUris(client: MongoClient, name: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const doc of client.db().collection(name).find({}, { projection: { _id: 1, uri: 1 } })) out.set(String(doc._id), String(doc['uri']));
  return out;
}

export async function verifyArchive(mongoUri: string, phases: { result: PhaseResult; uriPrefix: string }[], { byId = false } = {}): Promise<ArchiveVerdict[]> {
  const client = await MongoClient.connect(mongoUri);
  try {
    if (byId) return await verifyById(client, phases);
    const versions = await idsAndUris(client, 'article_versions');
    const duplicates = await idsAndUris(client, 'article_duplicates');
    const storyUris = [...(await idsAndUris(client, 'articles')).values()];
    return phases.map(({ result, uriPrefix }) => {
      const inPhase = (uri: string) => uri.startsWith(`${uriPrefix}:`);
      const accepted = new Set([...result.idsByUri.values()].flat());
      let lost = 0;
      let doubled = 0;
      for (const id of accepted) {
        const times = Number(versions.has(id)) + Number(duplicates.has(id));
        if (times === 0) lost += 1;
        if (times > 1) doubled += 1;
      }
      const recordedIds = [...versions, ...duplicates].filter(([, uri]) => inPhase(uri)).map(([id]) => id);
      const stories = storyUris.filter(inPhase);
      const extra = recordedIds.filter((id) => !accepted.has(id)).length + stories.filter((uri) => !result.idsByUri.has(uri)).length;
      return {
        phase: result.name,
        accepted: accepted.size,
        lost,
        // A story twice in `articles` would be a second document for one story key.
        doubled: doubled + stories.length - new Set(stories).size,
        extra,
        stories: stories.length,
        duplicates: [...duplicates.values()].filter(inPhase).length,
      };
    });
  } finally {
    await client.close();
  }
}

/** Runs `lookup` over `keys` with a few requests in flight: thousands of single-document reads. */
async function lookUpAll<T>(keys: readonly string[], lookup: (key: string) => Promise<T>): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++];
      out.set(key, await lookup(key));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return out;
}

async function verifyById(client: MongoClient, phases: { result: PhaseResult; uriPrefix: string }[]): Promise<ArchiveVerdict[]> {
  const db = client.db();
  const byId = (name: string) => (id: string) => db.collection<{ _id: string }>(name).findOne({ _id: id }, { projection: { _id: 1, storyKey: 1 } });
  const out: ArchiveVerdict[] = [];
  for (const { result } of phases) {
    const accepted = [...new Set([...result.idsByUri.values()].flat())];
    const versions = await lookUpAll(accepted, byId('article_versions'));
    const duplicates = await lookUpAll(accepted, byId('article_duplicates'));
    let lost = 0;
    let doubled = 0;
    for (const id of accepted) {
      const times = Number(versions.get(id) !== null) + Number(duplicates.get(id) !== null);
      if (times === 0) lost += 1;
      if (times > 1) doubled += 1;
    }
    // Each story a version names must be in `articles` (one document per story key: its `_id`).
    const keys = [...new Set([...versions.values()].flatMap((v) => (v ? [String((v as { storyKey?: unknown }).storyKey)] : [])))];
    const stories = await lookUpAll(keys, byId('articles'));
    const missingStories = [...stories.values()].filter((doc) => doc === null).length;
    out.push({
      phase: result.name,
      accepted: accepted.length,
      lost: lost + missingStories,
      doubled,
      extra: null,
      stories: keys.length - missingStories,
      duplicates: [...duplicates.values()].filter((doc) => doc !== null).length,
    });
  }
  return out;
}
