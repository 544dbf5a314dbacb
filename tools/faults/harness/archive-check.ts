/**
 * The invariants, read from the archive with the MongoDB driver: every
 * story the ingester accepted (202) has exactly one document in `articles`
 * (one document per story, `_id` = story key; see libs/archive-data), and
 * no document is there for a story that was not sent.
 */
import { MongoClient } from 'mongodb';
import { storyKeyOf, TOPICS } from '@newswire/contracts';
import type { DeadLetterSummary, KafkaState } from './kafka-state';
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
  /** For lost stories: the last topic each was seen on (`never on received` = the ingester's 202 was not backed by a write). */
  lostLastSeen: Record<string, number>;
}

const TRAIL = [TOPICS.articleReceived, TOPICS.articleEnriched, TOPICS.articleDeduplicated, TOPICS.articleStored];

/** Follows lost stories down the topics to where they disappeared. */
export async function traceLost(kafka: KafkaState, lostUris: string[]): Promise<Record<string, number>> {
  const keys = new Set(lostUris.map((uri) => storyKeyOf({ uri, provider: PROVIDER })));
  const seen = await Promise.all(TRAIL.map((topic) => kafka.keysOn(topic, keys)));
  const out: Record<string, number> = {};
  for (const key of keys) {
    const last = TRAIL.reduce<string | undefined>((at, topic, i) => (seen[i].has(key) ? topic : at), undefined);
    const label = last ? `last on ${last}` : 'never on received';
    out[label] = (out[label] ?? 0) + 1;
  }
  return out;
}

export async function checkArchive(
  mongoUri: string,
  outcomes: Map<string, StoryOutcome>,
  deadLetters: DeadLetterSummary,
  kafka: KafkaState,
): Promise<Verdict> {
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
      lostLastSeen: lostUris.length ? await traceLost(kafka, lostUris).catch((err: unknown) => ({ [`untraced: ${(err as Error).message}`]: lostUris.length })) : {},
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
