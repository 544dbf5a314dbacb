import { deadLetterTopicOf, DLQ_SUFFIX, HEADERS, physicalTopic } from '@newswire/contracts';
import {
  type DeadLetterView,
  ledgerKey,
  readRange,
  readRedriveLedger,
  redriveDeadLetters,
  redriveLedgerOf,
  type RedriveResult,
  topicBounds,
  viewOf,
  wholeTopic,
} from '@newswire/kafka';
import { type CliContext, UsageError } from './context';
import { fields, parseTime, progressBar, table } from './render';

/** The filters `dlq show` and `dlq redrive` share; all given must hold. */
export interface DeadLetterFilter {
  /** The source part of the story key (`<source>|<uri>`), case-insensitive. */
  source?: string;
  since?: string;
  until?: string;
  /** Error class: the stable code (`x-dlq-error-code`) or the error type (`x-dlq-error-type`). */
  code?: string[];
  stage?: string;
  retriable?: boolean;
}

export function selectLetters(filter: DeadLetterFilter, now = Date.now()): (letter: DeadLetterView) => boolean {
  const since = filter.since ? parseTime(filter.since, now) : undefined;
  const until = filter.until ? parseTime(filter.until, now) : undefined;
  const codes = filter.code?.map((c) => c.toLowerCase());
  const source = filter.source?.toLowerCase();
  return (letter) => {
    if (source && sourceOf(letter) !== source) return false;
    if (since && (!letter.failedAt || letter.failedAt < since)) return false;
    if (until && (!letter.failedAt || letter.failedAt >= until)) return false;
    if (codes && !codes.some((c) => c === letter.errorCode?.toLowerCase() || c === letter.errorType?.toLowerCase())) return false;
    if (filter.stage && letter.headers[HEADERS.dlqStage] !== filter.stage) return false;
    if (filter.retriable !== undefined && letter.retriable !== filter.retriable) return false;
    return true;
  };
}

/** Story keys are `<source>|<uri>`: the source is what a sender signed as (or the provider's name). */
function sourceOf(letter: DeadLetterView): string | undefined {
  const key = letter.key;
  return key?.includes('|') ? key.slice(0, key.indexOf('|')).toLowerCase() : undefined;
}

/** `news.article.received.v1`, its `.dlq`, with or without the namespace: the logical topic whose dead letters are meant. */
export function logicalTopicOf(ctx: CliContext, name: string): string {
  let topic = name.endsWith(DLQ_SUFFIX) ? name.slice(0, -DLQ_SUFFIX.length) : name;
  if (ctx.namespace && topic.startsWith(`${ctx.namespace}.`)) topic = topic.slice(ctx.namespace.length + 1);
  return topic;
}

interface Letter extends Omit<DeadLetterView, 'value'> {
  id: string;
  reason: string | undefined;
  stage: string | undefined;
  source: string | undefined;
  redriven: boolean;
  value: Buffer | null;
}

/** Every retained dead letter of one dead-letter topic, each marked with whether it was sent back already. */
async function readLetters(ctx: CliContext, dlq: string): Promise<Letter[]> {
  const kafka = ctx.kafka();
  const admin = kafka.admin();
  await admin.connect();
  const bounds = await topicBounds(admin, dlq).finally(() => admin.disconnect());
  const done = await readRedriveLedger(kafka, redriveLedgerOf(dlq));
  const letters: Letter[] = [];
  await readRange(kafka, dlq, wholeTopic(bounds), (partition, messages) => {
    for (const m of messages) {
      const view = viewOf(dlq, partition, m);
      letters.push({
        ...view,
        id: ledgerKey(partition, m.offset),
        reason: view.headers[HEADERS.dlqReason],
        stage: view.headers[HEADERS.dlqStage],
        source: sourceOf(view),
        redriven: done.has(ledgerKey(partition, m.offset)),
      });
    }
  });
  return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

async function deadLetterTopics(ctx: CliContext, only?: string): Promise<string[]> {
  if (only) return [physicalTopic(deadLetterTopicOf(logicalTopicOf(ctx, only)), ctx.namespace)];
  const admin = ctx.kafka().admin();
  await admin.connect();
  const prefix = ctx.namespace ? `${ctx.namespace}.` : '';
  const topics = await admin.listTopics().finally(() => admin.disconnect());
  return topics.filter((t) => t.startsWith(prefix) && t.endsWith(DLQ_SUFFIX)).sort();
}

export interface DlqSummary {
  topic: string;
  total: number;
  pending: number;
  redriven: number;
  reasons: { code: string; stage: string; retriable: boolean; count: number; pending: number; example: string }[];
}

/** `dlq list`: per dead-letter topic, how many letters, how many still pending, and why they failed. */
export async function dlqList(ctx: CliContext, opts: { topic?: string }): Promise<DlqSummary[]> {
  const out: DlqSummary[] = [];
  for (const topic of await deadLetterTopics(ctx, opts.topic)) {
    const letters = await readLetters(ctx, topic);
    const reasons = new Map<string, DlqSummary['reasons'][number]>();
    for (const l of letters) {
      const code = l.errorCode ?? l.errorType ?? 'unknown';
      const key = `${code}\u0000${l.stage ?? ''}\u0000${l.retriable}`;
      const r = reasons.get(key) ?? { code, stage: l.stage ?? '', retriable: l.retriable, count: 0, pending: 0, example: (l.reason ?? '').slice(0, 160) };
      r.count += 1;
      if (!l.redriven) r.pending += 1;
      reasons.set(key, r);
    }
    const redriven = letters.filter((l) => l.redriven).length;
    out.push({ topic, total: letters.length, pending: letters.length - redriven, redriven, reasons: [...reasons.values()].sort((a, b) => b.count - a.count) });
  }
  return out;
}

export function renderList(list: DlqSummary[]): string {
  if (!list.length) return 'no dead-letter topics';
  const rows = list.flatMap((s) =>
    s.reasons.length
      ? s.reasons.map((r, i) => [i === 0 ? s.topic : '', i === 0 ? `${s.pending}/${s.total}` : '', r.code, r.stage, r.retriable ? 'yes' : 'no', `${r.pending}/${r.count}`, r.example])
      : [[s.topic, '0/0', '', '', '', '', '']],
  );
  return table(['dead-letter topic', 'pending/total', 'error code', 'stage', 'retriable', 'pending/count', 'example reason'], rows);
}

export interface LetterOut {
  id: string;
  topic: string;
  key: string | undefined;
  source: string | undefined;
  failedAt: string | undefined;
  stage: string | undefined;
  errorCode: string | undefined;
  errorType: string | undefined;
  retriable: boolean;
  reason: string | undefined;
  redriven: boolean;
  headers?: Record<string, string>;
  value?: unknown;
}

/** `dlq show <topic> [id]`: the letters that match, or one letter in full (headers and value). */
export async function dlqShow(ctx: CliContext, topic: string, id: string | undefined, filter: DeadLetterFilter & { limit?: number; pending?: boolean }): Promise<LetterOut[]> {
  const [dlq] = await deadLetterTopics(ctx, topic);
  const letters = await readLetters(ctx, dlq);
  if (id) {
    const letter = letters.find((l) => l.id === id);
    if (!letter) throw new UsageError(`no dead letter ${id} in ${dlq} (ids are <partition>@<offset>, as dlq show lists them)`);
    return [{ ...summary(letter), headers: letter.headers, value: decodeValue(letter.value) }];
  }
  const select = selectLetters(filter);
  const chosen = letters.filter((l) => select({ ...l }) && (!filter.pending || !l.redriven));
  return chosen.slice(0, filter.limit ?? 50).map(summary);
}

function summary(l: Letter): LetterOut {
  return {
    id: l.id,
    topic: l.topic,
    key: l.key,
    source: l.source,
    failedAt: l.failedAt?.toISOString(),
    stage: l.stage,
    errorCode: l.errorCode,
    errorType: l.errorType,
    retriable: l.retriable,
    reason: l.reason,
    redriven: l.redriven,
  };
}

function decodeValue(value: Buffer | null): unknown {
  if (value === null) return null;
  const text = value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function renderShow(letters: LetterOut[]): string {
  if (letters.length === 1 && letters[0].headers) {
    const l = letters[0];
    const value = typeof l.value === 'string' ? l.value : JSON.stringify(l.value, null, 2);
    return `${fields(Object.entries(summary(l as Letter)))}\nheaders:\n${fields(Object.entries(l.headers ?? {})).replace(/^/gm, '  ')}\nvalue:\n${value.length > 4000 ? `${value.slice(0, 4000)}… (${value.length} characters; --json for all)` : value}`;
  }
  if (!letters.length) return 'no dead letters match';
  return table(
    ['id', 'failed at', 'stage', 'error code', 'source', 'state', 'reason'],
    letters.map((l) => [l.id, l.failedAt, l.stage, l.errorCode ?? l.errorType, l.source, l.redriven ? 'redriven' : 'pending', (l.reason ?? '').slice(0, 80)]),
  );
}

/** `dlq redrive <topic>`: the matching letters back to their topic, each at most once (the ledger keeps count). */
export async function dlqRedrive(ctx: CliContext, topic: string, filter: DeadLetterFilter & { dryRun?: boolean }): Promise<RedriveResult & { topic: string }> {
  const logical = logicalTopicOf(ctx, topic);
  const bar = progressBar(ctx, 'redrive', 0);
  try {
    const result = await redriveDeadLetters(ctx.kafka(), {
      topic: logical,
      namespace: ctx.namespace,
      select: selectLetters(filter),
      dryRun: filter.dryRun,
      onProgress: (p) => {
        bar.setTotal(p.total);
        bar.update(p.scanned, { note: `${p.redriven} sent back` });
      },
    });
    return { topic: physicalTopic(logical, ctx.namespace), ...result };
  } finally {
    bar.stop();
  }
}

export function renderRedrive(r: RedriveResult & { topic: string }): string {
  const verb = r.dryRun ? 'would send back' : 'sent back';
  return `${table(
    ['dead letters', 'count'],
    [
      ['scanned', r.scanned],
      [verb, r.redriven],
      ['already sent back earlier', r.alreadyRedriven],
      ['not selected (still pending)', r.notSelected],
      ['value omitted (read at source offset)', r.valueOmitted],
    ],
  )}\n${r.redriven} ${verb} to ${r.topic}`;
}
