import { randomUUID } from 'node:crypto';
import type { Admin, IHeaders, Kafka, KafkaMessage, Message } from 'kafkajs';
import { deadLetterTopicOf, HEADERS, physicalTopic } from '@newswire/contracts';
import { headersToStrings } from './outbound';
import { chunkByBytes, recordBytes } from './records';
import { readRange, topicBounds, wholeTopic } from './topic-range';
import { messageLimits, waitForLeaders } from './topics-admin';

/** How long a new ledger topic may take to get its leader. */
const LEDGER_LEADER_WAIT_MS = 30_000;

/** One dead letter as a filter sees it. */
export interface DeadLetterView {
  /** The dead-letter topic (physical) and the record's place in it. */
  topic: string;
  partition: number;
  offset: string;
  key: string | undefined;
  /** Null when the dead-letter topic could not take it (`x-dlq-value-omitted`): it is at the source offset. */
  value: Buffer | null;
  headers: Record<string, string>;
  failedAt: Date | undefined;
  errorCode: string | undefined;
  errorType: string | undefined;
  retriable: boolean;
}

export interface RedriveOptions {
  /** The logical topic whose dead letters go back to it, e.g. news.article.received.v1. */
  topic: string;
  namespace: string;
  /** Which dead letters to send back. Those left out stay pending: a later run may take them. */
  select?: (letter: DeadLetterView) => boolean;
  /** Count what would go, send nothing, mark nothing. */
  dryRun?: boolean;
  /** Told after every batch read. */
  onProgress?: (progress: RedriveProgress) => void;
  /** Written into the ledger beside each record, to tell runs apart. */
  runId?: string;
}

export interface RedriveProgress {
  /** Dead letters in the topic when the run started. */
  total: number;
  scanned: number;
  redriven: number;
}

export interface RedriveResult extends RedriveProgress {
  /** Sent back by an earlier run (the ledger says so): never sent twice. */
  alreadyRedriven: number;
  /** Left out by the filter: still pending. */
  notSelected: number;
  /** Selected but travelling without their value: read them at their source offset instead. */
  valueOmitted: number;
  dryRun: boolean;
}

/** The compacted topic beside a dead-letter topic that records what was sent back, keyed by partition and offset. */
export function redriveLedgerOf(deadLetterTopic: string): string {
  return `${deadLetterTopic}.redriven`;
}

/** A dead letter's key in the ledger, and its name for operators: `<partition>@<offset>`. */
export const ledgerKey = (partition: number, offset: string) => `${partition}@${offset}`;
const DLQ_HEADER_PREFIX = 'x-dlq-';

/**
 * Sends dead letters back to the topic they failed on, once the cause (an
 * outage, a fixed bug) is gone: the operator's undo for a dead letter.
 *
 * Each dead letter goes back at most once, whatever the filters of this or
 * any other run: what was sent is recorded in a ledger topic beside the
 * dead-letter topic (`<dlq>.redriven`, compacted, keyed by partition and
 * offset), and each record and its ledger entry are written in one Kafka
 * transaction, so a crash leaves both or neither. A record a filter leaves
 * out gets no entry, so a later run (with other filters, or none) still
 * finds it. The stages read with isolation read_committed (kafkajs' default),
 * so they never see a record of an aborted run.
 *
 * One transactional id per dead-letter topic fences a concurrent run: the
 * newer run aborts the older one's open transaction, and the older run fails
 * on its next commit. The ledger is read only after that fence, so it is
 * complete.
 */
export async function redriveDeadLetters(kafka: Kafka, opts: RedriveOptions): Promise<RedriveResult> {
  const dlq = physicalTopic(deadLetterTopicOf(opts.topic), opts.namespace);
  const target = physicalTopic(opts.topic, opts.namespace);
  const ledger = redriveLedgerOf(dlq);
  const runId = opts.runId ?? randomUUID();

  const admin = kafka.admin();
  await admin.connect();
  let bounds;
  let targetLimit;
  try {
    await ensureLedger(admin, dlq, ledger);
    bounds = await topicBounds(admin, dlq);
    targetLimit = (await messageLimits(admin, [target])).get(target) ?? 1024 * 1024;
  } finally {
    await admin.disconnect();
  }
  const total = bounds.reduce((sum, b) => sum + (b.high - b.low), 0);
  const result: RedriveResult = { total, scanned: 0, redriven: 0, alreadyRedriven: 0, notSelected: 0, valueOmitted: 0, dryRun: Boolean(opts.dryRun) };
  if (total === 0) return result;

  const producer = kafka.producer({ transactionalId: `newswire-redrive.${dlq}`, idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    // The fence: completes (aborts) whatever an earlier or concurrent run of this topic left open.
    await (await producer.transaction()).abort();
    const done = await readRedriveLedger(kafka, ledger);
    await readRange(kafka, dlq, wholeTopic(bounds), async (partition, messages) => {
      const chosen: KafkaMessage[] = [];
      for (const message of messages) {
        result.scanned += 1;
        const view = viewOf(dlq, partition, message);
        if (done.has(ledgerKey(partition, message.offset))) result.alreadyRedriven += 1;
        else if (opts.select && !opts.select(view)) result.notSelected += 1;
        else if (message.value === null) result.valueOmitted += 1;
        else chosen.push(message);
      }
      if (chosen.length && !opts.dryRun) await sendBack(producer, chosen, { dlq, partition, target, ledger, runId, limit: targetLimit });
      result.redriven += chosen.length;
      opts.onProgress?.({ total, scanned: result.scanned, redriven: result.redriven });
    });
  } finally {
    await producer.disconnect();
  }
  return result;
}

interface SendBackTo {
  dlq: string;
  partition: number;
  target: string;
  ledger: string;
  runId: string;
  limit: number;
}

/** Records and their ledger entries, a transaction per request-sized chunk. */
async function sendBack(producer: ReturnType<Kafka['producer']>, messages: KafkaMessage[], to: SendBackTo): Promise<void> {
  const records = messages.map((m) => {
    const origin = `${to.dlq}[${to.partition}]@${m.offset}`;
    const message: Message = { key: m.key, value: m.value, headers: { ...withoutDeadLetterHeaders(m.headers), [HEADERS.redrivenFrom]: origin } };
    const entry: Message = {
      key: ledgerKey(to.partition, m.offset),
      value: JSON.stringify({ deadLetter: origin, target: to.target, redrivenAt: new Date().toISOString(), runId: to.runId }),
    };
    return { message, entry, bytes: recordBytes(message) + recordBytes(entry) };
  });
  for (const chunk of chunkByBytes(records.map((r) => [r]), to.limit)) {
    const tx = await producer.transaction();
    try {
      await tx.sendBatch({
        acks: -1,
        topicMessages: [
          { topic: to.target, messages: chunk.map((r) => r.message) },
          { topic: to.ledger, messages: chunk.map((r) => r.entry) },
        ],
      });
      await tx.commit();
    } catch (err) {
      await tx.abort().catch(() => undefined);
      throw err;
    }
  }
}

/** Keys (`partition@offset`) of every dead letter already sent back; none when the ledger does not exist yet. */
export async function readRedriveLedger(kafka: Kafka, ledger: string): Promise<Set<string>> {
  const admin = kafka.admin();
  await admin.connect();
  const bounds = await (async () => ((await admin.listTopics()).includes(ledger) ? topicBounds(admin, ledger) : []))().finally(() => admin.disconnect());
  const done = new Set<string>();
  await readRange(kafka, ledger, wholeTopic(bounds), (_partition, messages) => {
    for (const m of messages) if (m.key && m.value) done.add(m.key.toString());
  });
  return done;
}

/** The ledger of a dead-letter topic: one partition, compacted, as replicated as the dead-letter topic. */
async function ensureLedger(admin: Admin, dlq: string, ledger: string): Promise<void> {
  const existing = new Set(await admin.listTopics());
  if (!existing.has(dlq)) throw new Error(`dead-letter topic ${dlq} does not exist`);
  if (existing.has(ledger)) return;
  const { topics } = await admin.fetchTopicMetadata({ topics: [dlq] });
  const replicationFactor = Math.max(1, topics[0]?.partitions[0]?.replicas.length ?? 1);
  // Not kafkajs's wait: it gives up on the UNKNOWN_TOPIC_OR_PARTITION of a broker that has not learnt the topic yet.
  await admin.createTopics({
    waitForLeaders: false,
    topics: [{ topic: ledger, numPartitions: 1, replicationFactor, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
  });
  await waitForLeaders(admin, [ledger], LEDGER_LEADER_WAIT_MS);
}

export function viewOf(topic: string, partition: number, message: KafkaMessage): DeadLetterView {
  const headers = headersToStrings(message.headers);
  const failedAt = headers[HEADERS.dlqFailedAt] ? new Date(headers[HEADERS.dlqFailedAt]) : undefined;
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString(),
    value: message.value,
    headers,
    failedAt: failedAt && !Number.isNaN(failedAt.getTime()) ? failedAt : undefined,
    errorCode: headers[HEADERS.dlqErrorCode],
    errorType: headers[HEADERS.dlqErrorType],
    retriable: headers[HEADERS.dlqRetriable] === 'true',
  };
}

function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([k]) => !k.startsWith(DLQ_HEADER_PREFIX)));
}

export interface ReplayOptions {
  /** The logical topic whose dead letters go back to it, e.g. news.article.received.v1. */
  topic: string;
  namespace: string;
  /** Only records whose failure was marked retriable (poison stays, still pending). Default true. */
  onlyRetriable?: boolean;
}

export interface ReplayResult {
  replayed: number;
  /** Left where they are (not retriable, or without their value): still pending for a later run. */
  skipped: number;
}

/** Retriable dead letters (or all of them) back to their topic, each once (`newswire dlq redrive --retriable` does this with more filters). */
export async function replayDeadLetters(kafka: Kafka, opts: ReplayOptions): Promise<ReplayResult> {
  const onlyRetriable = opts.onlyRetriable ?? true;
  const result = await redriveDeadLetters(kafka, { topic: opts.topic, namespace: opts.namespace, select: (letter) => !onlyRetriable || letter.retriable });
  return { replayed: result.redriven, skipped: result.notSelected + result.valueOmitted };
}
