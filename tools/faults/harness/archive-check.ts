/**
 * The invariants, read from the archive with the MongoDB driver: every
 * story the ingester accepted (202) has exactly one document in `articles`
 * (one document per story, `_id` = story key; see libs/archive-data), and
 * no document is there for a story that was not sent.
 */
import { MongoClient } from 'mongodb';
import { storyKeyOf } from '@newswire/contracts';
import type { DeadLetterSummary } from './kafka-state';
import { PROVIDER } from './stories';
import type { StoryOutcome } from './traffic';

export interface Verdict {
  accepted: number;
  lost: number;
  duplicated: number;
  extra: number;
  /** Lost stories found in `article_duplicates` (merged by dedup) or in a dead-letter topic. */
  lostAsDuplicate: number;
  lostInDeadLetters: number;
  sampleLost: string[];
}

export async function checkArchive(mongoUri: string, outcomes: Map<string, StoryOutcome>, deadLetters: DeadLetterSummary): Promise<Verdict> {
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 30_000 });
  await client.connect();
  try {
    const db = client.db();
    const perUri = new Map<string, number>();
    for await (const doc of db.collection('articles').find({}, { projection: { uri: 1 } })) {
      perUri.set(doc['uri'] as string, (perUri.get(doc['uri'] as string) ?? 0) + 1);
    }
    const accepted = [...outcomes.values()].filter((o) => o.acceptedIds.length > 0);
    const lostUris = accepted.filter((o) => !perUri.has(o.uri)).map((o) => o.uri);
    const duplicated = accepted.reduce((sum, o) => sum + Math.max(0, (perUri.get(o.uri) ?? 0) - 1), 0);
    // A story sent but never acknowledged (gave up, ingester killed mid-answer) may rightly be stored.
    const extra = [...perUri].filter(([uri]) => !outcomes.has(uri)).reduce((sum, [, n]) => sum + n, 0);
    const asDuplicate = lostUris.length
      ? await db.collection('article_duplicates').countDocuments({ uri: { $in: lostUris } })
      : 0;
    const inDlq = lostUris.filter((uri) => deadLetters.keys.has(storyKeyOf({ uri, provider: PROVIDER }))).length;
    return {
      accepted: accepted.length,
      lost: lostUris.length,
      duplicated,
      extra,
      lostAsDuplicate: asDuplicate,
      lostInDeadLetters: inDlq,
      sampleLost: lostUris.slice(0, 3),
    };
  } finally {
    await client.close();
  }
}

/** Article ids of `ids` that are recorded in the archive (as a version or as a duplicate). */
export async function recordedIds(mongoUri: string, ids: string[]): Promise<Set<string>> {
  const client = new MongoClient(mongoUri, { serverSelectionTimeoutMS: 30_000 });
  await client.connect();
  try {
    const db = client.db();
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const name of ['article_versions', 'article_duplicates']) {
        for await (const doc of db.collection(name).find({ _id: { $in: chunk } as never }, { projection: { _id: 1 } })) found.add(String(doc._id));
      }
    }
    return found;
  } finally {
    await client.close();
  }
}
