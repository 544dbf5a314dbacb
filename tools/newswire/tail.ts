import type { KafkaMessage } from 'kafkajs';
import { DLQ_SUFFIX, HEADERS, physicalTopic } from '@newswire/contracts';
import { headersToStrings } from '@newswire/kafka';
import type { CliContext } from './context';
import { follow } from './follow';

/** One record of any newswire topic, as an operator reads it. */
export interface TailLine {
  partition: number;
  offset: string;
  at: string;
  headline?: string;
  source?: string;
  /** The dedup verdict, the archive's outcome, a kill or a correction, or the dead-letter code. */
  verdict?: string;
  /** From the story's arrival at the ingester to this record, in milliseconds. */
  latencyMs?: number;
  articleId?: string;
  reason?: string;
  replay?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads whichever contract the record carries: a canonical article, an enriched or deduplicated one, a stored, killed or corrected event. */
export function describeRecord(partition: number, message: KafkaMessage): TailLine {
  const headers = headersToStrings(message.headers);
  const at = new Date(Number(message.timestamp));
  const line: TailLine = { partition, offset: message.offset, at: at.toISOString() };
  let value: Json | undefined;
  try {
    value = obj(JSON.parse(message.value?.toString('utf8') ?? 'null'));
  } catch {
    value = undefined;
  }
  const article = obj(value?.['article']) ?? (value && 'headline' in value && 'source' in value ? value : undefined);
  line.headline = str(article?.['headline']) ?? str(value?.['headline']);
  line.articleId = str(article?.['id']) ?? str(value?.['articleId']);
  const key = message.key?.toString();
  line.source = str(obj(article?.['source'])?.['id']) ?? str(article?.['provider']) ?? (key?.includes('|') ? key.slice(0, key.indexOf('|')) : undefined);
  const dedup = obj(value?.['dedup']);
  line.verdict = headers[HEADERS.dlqErrorCode]
    ? `dead letter: ${headers[HEADERS.dlqErrorCode]}`
    : dedup
      ? `${str(dedup['status'])}${dedup['method'] && dedup['method'] !== 'none' ? ` (${str(dedup['method'])}${typeof dedup['score'] === 'number' ? ` ${dedup['score'].toFixed(2)}` : ''})` : ''}`
      : str(value?.['status']) ?? (value?.['killedAt'] ? 'killed' : value?.['correctedAt'] ? 'corrected' : undefined);
  line.reason = headers[HEADERS.dlqReason] ?? str(dedup?.['explanation']);
  const receivedAt = str(obj(article?.['source'])?.['receivedAt']);
  if (receivedAt) line.latencyMs = at.getTime() - new Date(receivedAt).getTime();
  if (headers[HEADERS.replay]) line.replay = headers[HEADERS.replayId] ?? headers[HEADERS.replay];
  return line;
}

export function renderLine(l: TailLine): string {
  const latency = l.latencyMs === undefined ? '' : ` +${l.latencyMs < 10_000 ? `${l.latencyMs}ms` : `${(l.latencyMs / 1000).toFixed(1)}s`}`;
  const parts = [`${l.at.slice(11, 23)} [${l.partition}@${l.offset}]`, l.verdict ? `${l.verdict}` : '', l.source ? `<${l.source}>` : '', l.headline ? `"${l.headline}"` : ''];
  return `${parts.filter(Boolean).join(' ')}${latency}${l.replay ? ` (replay ${l.replay})` : ''}${l.reason && l.verdict?.startsWith('dead letter') ? `\n    ${l.reason.slice(0, 200)}` : ''}`;
}

/** `tail <topic>`: prints records as they arrive (one JSON object per line with --json) until Ctrl-C or --limit. */
export async function tail(ctx: CliContext, topic: string, opts: { fromBeginning?: boolean; limit?: number }): Promise<void> {
  const physical = ctx.namespace && !topic.startsWith(`${ctx.namespace}.`) ? physicalTopic(topic, ctx.namespace) : topic;
  let seen = 0;
  const following = follow(ctx.kafka(), physical, { fromBeginning: opts.fromBeginning }, (partition, message) => {
    const line = describeRecord(partition, message);
    ctx.io.out(ctx.json ? JSON.stringify(line) : renderLine(line));
    seen += 1;
    return opts.limit !== undefined && seen >= opts.limit;
  });
  const onSignal = () => void following.stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await following.ready;
    if (!ctx.json) ctx.io.err(`following ${physical}${physical.endsWith(DLQ_SUFFIX) ? ' (dead letters)' : ''}${opts.fromBeginning ? ' from the beginning' : ''}; Ctrl-C stops`);
    await following.done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await following.stop();
  }
}
