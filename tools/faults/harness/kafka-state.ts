/**
 * What the broker knows about the pipeline: consumer lag per stage (the
 * pipeline is idle when every stage's group has committed everything on
 * its input) and the dead-letter topics (where a lost story usually is).
 */
import { type Admin, AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { HEADERS, physicalTopic, TOPICS } from '@newswire/contracts';

export const STAGE_INPUTS = {
  enricher: TOPICS.articleReceived,
  deduplicator: TOPICS.articleEnriched,
  storage: TOPICS.articleDeduplicated,
} as const;
export type StageName = keyof typeof STAGE_INPUTS;
export const STAGES = Object.keys(STAGE_INPUTS) as StageName[];

export function groupOf(namespace: string, stage: StageName): string {
  return `${namespace}.newswire-${stage}`;
}

export interface DeadLetterSummary {
  total: number;
  /** `<stage>: <reason>` (shortened) -> count */
  reasons: Record<string, number>;
  /** Story keys of dead letters, to tell which lost story went where. */
  keys: Set<string>;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let readers = 0;
/** A group id of its own for every reader: readers sharing one would split the partitions between them. */
function readerGroup(purpose: string): string {
  readers += 1;
  return `faults-${purpose}-${process.pid}-${Date.now()}-${readers}`;
}

export class KafkaState {
  private readonly kafka: Kafka;
  private admin: Admin | undefined;

  constructor(
    private readonly brokers: string,
    private readonly namespace: string,
  ) {
    this.kafka = new Kafka({
      brokers: brokers.split(','),
      clientId: `faults-${namespace}`,
      logLevel: logLevel.NOTHING,
      retry: { retries: 2 },
      requestTimeout: 10_000,
      connectionTimeout: 3000,
    });
  }

  private async connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /** The stage group's members and the input partitions each one owns (client id -> partitions). */
  async assignment(stage: StageName): Promise<Map<string, number[]>> {
    const admin = await this.connected();
    const { groups } = await admin.describeGroups([groupOf(this.namespace, stage)]);
    const owned = new Map<string, number[]>();
    for (const member of groups[0]?.members ?? []) {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      const partitions = Object.values(decoded?.assignment ?? {}).flat();
      owned.set(`${member.clientId}/${member.memberId.slice(-6)}`, partitions.sort((a, b) => a - b));
    }
    return owned;
  }

  /** A fresh connection (after the broker was restarted or the link restored). */
  async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  async lag(stage: StageName): Promise<number> {
    const admin = await this.connected();
    const topic = physicalTopic(STAGE_INPUTS[stage], this.namespace);
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: groupOf(this.namespace, stage), topics: [topic] });
    return ends.reduce((sum, p) => {
      const c = Number(committed?.partitions.find((x) => x.partition === p.partition)?.offset ?? -1);
      return sum + Number(p.high) - Math.max(c, Number(p.low));
    }, 0);
  }

  /**
   * The stage's input lag as soon as it is not zero (it has work in hand),
   * or whatever it is after `timeoutMs`. A fast stage has work only in
   * bursts, hence the short poll.
   */
  async waitBusy(stage: StageName, timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = await this.lag(stage);
      if (lag > 0 || Date.now() > deadline) return lag;
      await delay(100);
    }
  }

  /** Messages ever written to a topic (sum of high watermarks minus log starts). */
  async count(logicalTopic: string): Promise<number> {
    const admin = await this.connected();
    const ends = await admin.fetchTopicOffsets(physicalTopic(logicalTopic, this.namespace));
    return ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  /** Lag of every stage, read upstream first: all zero means nothing is anywhere in the pipeline. */
  async lags(): Promise<Record<StageName, number>> {
    const out = {} as Record<StageName, number>;
    for (const stage of STAGES) out[stage] = await this.lag(stage);
    return out;
  }

  /**
   * Waits until every stage has committed everything (twice in a row, a
   * second apart). A bounded poll: there is no event for "lag is zero".
   * Gives up after `timeoutMs`, or earlier when nothing moved for
   * `stallMs`, and says where the pipeline stands.
   */
  async waitIdle(opts: {
    timeoutMs: number;
    stallMs: number;
    ready?: () => boolean;
    progress?: (lags: Record<string, number | string>) => void;
  }): Promise<{ idle: boolean; lags: Record<string, number | string>; ms: number }> {
    const started = Date.now();
    let reported = Date.now();
    let last = '';
    let lastChange = Date.now();
    let zeroes = 0;
    let lags: Record<string, number | string> = {};
    while (Date.now() - started < opts.timeoutMs && Date.now() - lastChange < opts.stallMs) {
      try {
        lags = await this.lags();
        const ready = opts.ready?.() ?? true;
        zeroes = ready && Object.values(lags).every((l) => l === 0) ? zeroes + 1 : 0;
        if (zeroes >= 2) return { idle: true, lags, ms: Date.now() - started };
      } catch (err) {
        lags = { error: (err as Error).message };
        await this.reset();
      }
      if (Date.now() - reported >= 30_000) {
        reported = Date.now();
        opts.progress?.(lags);
      }
      const now = JSON.stringify(lags);
      if (now !== last) {
        last = now;
        lastChange = Date.now();
      }
      await delay(1000);
    }
    return { idle: false, lags, ms: Date.now() - started };
  }

  /** Every record on the namespace's dead-letter topics, summarised by stage and reason. */
  async deadLetters(timeoutMs = 30_000): Promise<DeadLetterSummary> {
    const admin = await this.connected();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${this.namespace}.`) && t.endsWith('.dlq'));
    const summary: DeadLetterSummary = { total: 0, reasons: {}, keys: new Set() };
    const expected = new Map<string, number>();
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const n = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
      if (n > 0) expected.set(topic, n);
    }
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    if (total === 0) return summary;
    const consumer = this.kafka.consumer({ groupId: readerGroup('dlq'), maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topics: [...expected.keys()], fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const header = (name: string) => message.headers?.[name]?.toString() ?? '?';
          const reason = `${header(HEADERS.dlqStage)}: ${header(HEADERS.dlqReason).replace(/\s+/g, ' ').slice(0, 160)}`;
          summary.reasons[reason] = (summary.reasons[reason] ?? 0) + 1;
          if (message.key) summary.keys.add(message.key.toString());
          summary.total += 1;
          if (summary.total >= total) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    return summary;
  }

  /** Which of `keys` have at least one record on a topic (reads the whole topic once). */
  async keysOn(logicalTopic: string, keys: Set<string>, timeoutMs = 120_000): Promise<Set<string>> {
    const found = new Set<string>();
    const topic = physicalTopic(logicalTopic, this.namespace);
    const admin = await this.connected();
    const ends = new Map((await admin.fetchTopicOffsets(topic)).filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
    if (keys.size === 0 || ends.size === 0) return found;
    const consumer = this.kafka.consumer({ groupId: readerGroup('keys'), maxWaitTimeInMs: 200, maxBytes: 20 * 1024 * 1024 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const done = new Set<number>();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`could not read ${topic} within ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) {
            const key = m.key?.toString();
            if (key && keys.has(key)) found.add(key);
          }
          if (Number(batch.lastOffset()) + 1 >= (ends.get(batch.partition) ?? 0)) done.add(batch.partition);
          if (done.size === ends.size) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    return found;
  }

  /** The leader of partition 0 of a topic (the node to kill in the cluster case). */
  async leaderOf(logicalTopic: string, partition = 0): Promise<number> {
    const admin = await this.connected();
    const { topics } = await admin.fetchTopicMetadata({ topics: [physicalTopic(logicalTopic, this.namespace)] });
    const leader = topics[0]?.partitions.find((p) => p.partitionId === partition)?.leader;
    if (leader === undefined || leader < 0) throw new Error(`no leader for ${logicalTopic}[${partition}]`);
    return leader;
  }

  /** Committed offsets of a stage's group on its input, per partition (for the SIGTERM check). */
  async committed(stage: StageName): Promise<Map<number, number>> {
    const admin = await this.connected();
    const topic = physicalTopic(STAGE_INPUTS[stage], this.namespace);
    const [offsets] = await admin.fetchOffsets({ groupId: groupOf(this.namespace, stage), topics: [topic] });
    return new Map((offsets?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  }

  /** The article ids of a topic's records below the given offsets (what a group has committed past). */
  async articleIdsBelow(logicalTopic: string, below: Map<number, number>, timeoutMs = 60_000): Promise<string[]> {
    const wanted = [...below.values()].reduce((sum, o) => sum + Math.max(0, o), 0);
    if (wanted === 0) return [];
    const ids: string[] = [];
    let seen = 0;
    const consumer = this.kafka.consumer({ groupId: readerGroup('committed'), maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topics: [physicalTopic(logicalTopic, this.namespace)], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${seen} of ${wanted} records of ${logicalTopic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (Number(message.offset) >= (below.get(partition) ?? 0)) return;
          const value = JSON.parse(message.value?.toString() ?? '{}') as { article?: { id?: string } };
          if (value.article?.id) ids.push(value.article.id);
          seen += 1;
          if (seen >= wanted) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    return ids;
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
