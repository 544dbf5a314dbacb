import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import type { FilterQuery } from 'mongoose';
import { type ArticleDoc, fromStored } from '@newswire/archive-data';
import { type ArticleStored, type CanonicalArticle, HEADERS, physicalTopic, REPLAY_KINDS, storyKeyOf, TOPICS } from '@newswire/contracts';
import { contractHeaders, headersToStrings, readRange, topicBounds } from '@newswire/kafka';
import { type CliContext, UsageError } from './context';
import { follow } from './follow';
import { parseTime, progressBar, table } from './render';

export interface ReplayOptions {
  stage?: string;
  id?: string[];
  source?: string;
  since?: string;
  until?: string;
  limit?: number;
  fromTopic?: boolean;
  partition?: number;
  from?: number;
  to?: number;
  timeout?: number;
  wait?: boolean;
}

export interface ReplayResult {
  replayId: string;
  stage: string;
  /** Stories (or received records) sent through the stage. */
  published: number;
  /** What the archive did with each: `re-enriched` (a new enrichment version) or `unchanged`. */
  outcomes: Record<string, number>;
  /** Sent, but no stored event arrived before the timeout (look in `dlq list`). */
  missing: string[];
  stories: { articleId: string; status: string; enrichmentVersion?: number }[];
}

/** A stored story as the received topic carries it: its head, body and HTML back together. */
function receivedOf(doc: ArticleDoc): CanonicalArticle {
  return { ...(doc.article as object), bodyText: doc.bodyText ?? '', ...(doc.bodyHtml ? { bodyHtml: doc.bodyHtml } : {}) } as CanonicalArticle;
}

/**
 * `replay`: stored stories (or a range of the received topic) go back into
 * the received topic marked `x-replay: enrichment` with a run id. The
 * enricher enriches them as usual, the deduplicator gives the verdict it
 * already gave (and announces no kill or correction again), and storage
 * records each new enrichment as a new enrichment version of the story with
 * its provenance, never a story, version or duplicate. The command follows
 * the stored topic for its run id and counts the outcomes.
 */
export async function replay(ctx: CliContext, o: ReplayOptions): Promise<ReplayResult> {
  const stage = o.stage ?? 'enrichment';
  if (!(REPLAY_KINDS as readonly string[]).includes(stage)) throw new UsageError(`--stage must be one of ${REPLAY_KINDS.join(', ')}`);
  const replayId = randomUUID();
  const kafka = ctx.kafka();
  const received = physicalTopic(TOPICS.articleReceived, ctx.namespace);
  const messages = o.fromTopic ? await fromTopic(ctx, received, o) : await fromArchive(ctx, o);
  const tagged: Message[] = messages.map(({ articleId, message }) => ({
    ...message,
    headers: { ...headersToStrings(message.headers), [HEADERS.replay]: stage, [HEADERS.replayId]: replayId, [HEADERS.replayArticleId]: articleId },
  }));
  const result: ReplayResult = { replayId, stage, published: tagged.length, outcomes: {}, missing: [], stories: [] };
  if (!tagged.length) return result;

  const expected = new Set(messages.map((m) => m.articleId));
  const bar = progressBar(ctx, 'replay', tagged.length);
  const wait = o.wait !== false;
  const following = wait
    ? follow(kafka, physicalTopic(TOPICS.articleStored, ctx.namespace), {}, (_p, m) => {
        if (headersToStrings(m.headers)[HEADERS.replayId] !== replayId) return false;
        const event = JSON.parse(m.value?.toString('utf8') ?? '{}') as ArticleStored;
        if (!expected.delete(event.articleId)) return false;
        result.stories.push({ articleId: event.articleId, status: event.status, ...(event.enrichmentVersion ? { enrichmentVersion: event.enrichmentVersion } : {}) });
        result.outcomes[event.status] = (result.outcomes[event.status] ?? 0) + 1;
        bar.update(result.stories.length, { note: Object.entries(result.outcomes).map(([k, v]) => `${v} ${k}`).join(', ') });
        return expected.size === 0;
      })
    : undefined;
  try {
    await following?.ready;
    const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      // A few hundred per request: stored stories are at most one message-size each.
      for (let i = 0; i < tagged.length; i += 200) await producer.send({ topic: received, acks: -1, messages: tagged.slice(i, i + 200) });
    } finally {
      await producer.disconnect();
    }
    if (!following) return result;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, (o.timeout ?? 300) * 1000)));
    await Promise.race([following.done, timedOut]).finally(() => clearTimeout(timer));
    result.missing = [...expected];
    return result;
  } finally {
    bar.stop();
    await following?.stop();
  }
}

async function fromArchive(ctx: CliContext, o: ReplayOptions): Promise<{ articleId: string; message: Message }[]> {
  const repo = await ctx.archive();
  const filter: FilterQuery<ArticleDoc> = { killed: { $ne: true } };
  if (o.id?.length) filter.articleId = { $in: o.id };
  if (o.source) filter.source = o.source.toLowerCase();
  if (o.since || o.until) filter.storedAt = { ...(o.since ? { $gte: parseTime(o.since) } : {}), ...(o.until ? { $lt: parseTime(o.until) } : {}) };
  if (!o.id?.length && !o.source && !o.since && !o.until && !o.limit) throw new UsageError('say which stories: --id, --source, --since/--until or --limit (a replay of the whole archive is --since with an old date)');
  let query = repo.articles.find(filter).sort({ storedAt: 1, _id: 1 });
  if (o.limit) query = query.limit(o.limit);
  const docs = (await query.lean<ArticleDoc[]>().exec()).map(fromStored);
  return docs.map((doc) => {
    const article = receivedOf(doc);
    return { articleId: doc.articleId, message: { key: storyKeyOf(article), value: JSON.stringify(article), headers: contractHeaders(TOPICS.articleReceived) } };
  });
}

async function fromTopic(ctx: CliContext, topic: string, o: ReplayOptions): Promise<{ articleId: string; message: Message }[]> {
  const admin = ctx.kafka().admin();
  await admin.connect();
  const bounds = await topicBounds(admin, topic).finally(() => admin.disconnect());
  const ranges = bounds
    .filter((b) => o.partition === undefined || b.partition === o.partition)
    .map((b) => ({ partition: b.partition, from: Math.max(b.low, o.from ?? b.low), to: Math.min(b.high, o.to ?? b.high) }));
  if (!ranges.length) throw new UsageError(`${topic} has no partition ${o.partition}`);
  const out: { articleId: string; message: Message }[] = [];
  await readRange(ctx.kafka(), topic, ranges, (_partition, messages) => {
    for (const m of messages) {
      const id = (JSON.parse(m.value?.toString('utf8') ?? '{}') as { id?: string }).id;
      if (id) out.push({ articleId: id, message: { key: m.key, value: m.value, headers: m.headers } });
    }
  });
  return o.limit ? out.slice(0, o.limit) : out;
}

export function renderReplay(r: ReplayResult): string {
  const rows = [['sent through ' + r.stage, r.published], ...Object.entries(r.outcomes).map(([k, v]) => [k, v]), ...(r.missing.length ? [['no result yet (see dlq list)', r.missing.length]] : [])];
  return `${table(['replay ' + r.replayId, 'stories'], rows)}`;
}
