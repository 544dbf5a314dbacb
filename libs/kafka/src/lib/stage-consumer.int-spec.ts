import { deadLetterTopicOf, HEADERS, physicalTopic } from '@newswire/contracts';
import { createTestTopics, publishRaw, testEnv, TopicProbe } from '@newswire/testing';
import { BatchingProducer } from './batching-producer';
import { kafkaFromEnv } from './kafka-from-env';
import { replayDeadLetters } from './dead-letter-replay';
import { PoisonMessageError, TransientError } from './errors';
import { type StageBatchHandler, StageConsumer, type StageHandler } from './stage-consumer';
import { ensureTopics } from './topics-admin';

const IN = 'test.item.received.v1';
const OUT = 'test.item.handled.v1';

interface StageOptions {
  /** Topic limits created on the broker, per logical topic (default: the broker's own default). */
  topicLimits?: Record<string, number>;
  isOutage?: (err: unknown) => boolean;
  partitionsAtOnce?: number;
  handlerStallMs?: number;
  /** Published (keys k0, k1, ...) before the consumer starts, so its first fetch finds them all. */
  sendFirst?: string[];
}

/** A stage over a real broker whose handler behaviour each test chooses. */
async function startStage(handler: StageHandler, maxAttempts = 3, batchHandler?: StageBatchHandler, options: StageOptions = {}) {
  const env = testEnv('stage');
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const kafka = kafkaFromEnv(ns, env);
  if (options.topicLimits) await createTopicsWithLimits(kafka, ns, options.topicLimits);
  await ensureTopics(kafka, [IN, OUT], { namespace: ns, partitions: 2, replicationFactor: 1 });
  if (options.sendFirst) await publishRaw(env['KAFKA_BROKERS'], physicalTopic(IN, ns), options.sendFirst.map((value, i) => ({ key: `k${i}`, value })));
  // The producer is not told the topics' limits: what the broker refuses is found out the hard way.
  const producer = new BatchingProducer(kafka, { namespace: ns });
  await producer.connect();
  const consumer = new StageConsumer({
    kafka,
    producer,
    stage: 'test-stage',
    groupId: `${ns}-group`,
    namespace: ns,
    handlers: new Map([[IN, handler]]),
    batchHandlers: batchHandler ? new Map([[IN, batchHandler]]) : undefined,
    validate: (_topic, value) => {
      if (typeof value !== 'object' || value === null || !('n' in value)) throw new PoisonMessageError('field n is required');
      return value;
    },
    maxAttempts,
    retryBackoffMs: 10,
    sessionTimeoutMs: 10_000,
    fetchMaxWaitMs: 200,
    isOutage: options.isOutage,
    maxOutageBackoffMs: 50,
    partitionsAtOnce: options.partitionsAtOnce,
    handlerStallMs: options.handlerStallMs,
  });
  await consumer.start();
  const probe = await new TopicProbe(env['KAFKA_BROKERS'], [physicalTopic(OUT, ns), physicalTopic(deadLetterTopicOf(IN), ns)], `${ns}-probe`).start();
  const send = (values: string[], key?: string) =>
    publishRaw(env['KAFKA_BROKERS'], physicalTopic(IN, ns), values.map((value, i) => ({ key: key ?? `k${i % 2}`, value })));
  return {
    ns,
    probe,
    send,
    out: physicalTopic(OUT, ns),
    dlq: physicalTopic(deadLetterTopicOf(IN), ns),
    kafka,
    close: async () => {
      await probe.stop();
      await consumer.stop();
      await producer.disconnect();
    },
  };
}

async function createTopicsWithLimits(kafka: ReturnType<typeof kafkaFromEnv>, ns: string, limits: Record<string, number>) {
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(
    admin,
    Object.entries(limits).map(([topic, limit]) => ({
      topic: physicalTopic(topic, ns),
      numPartitions: topic.endsWith('.dlq') ? 1 : 2,
      configEntries: [{ name: 'max.message.bytes', value: String(limit) }],
    })),
  );
  await admin.disconnect();
}

const echo: StageHandler = async (value, ctx) => [{ topic: OUT, key: ctx.key ?? 'k', value }];

describe('StageConsumer on a real broker', () => {
  it('dead-letters poison input with the reason in headers and keeps consuming', async () => {
    const stage = await startStage(echo);
    try {
      await stage.send(['{"n":1}', 'not json', '{"other":true}', '{"n":2}']);
      await stage.probe.waitForCount(stage.out, 2);
      await stage.probe.waitForCount(stage.dlq, 2);
      expect(stage.probe.on(stage.out).map((m) => m.value)).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }]));
      const dead = stage.probe.on(stage.dlq);
      const reasons = dead.map((m) => m.headers[HEADERS.dlqReason]);
      expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('not valid JSON'), 'field n is required']));
      for (const m of dead) {
        expect(m.headers[HEADERS.dlqErrorType]).toBe('PoisonMessageError');
        expect(m.headers[HEADERS.dlqRetriable]).toBe('false');
        expect(m.headers[HEADERS.dlqAttempts]).toBe('1');
        expect(m.headers[HEADERS.dlqSourceTopic]).toBe(physicalTopic(IN, stage.ns));
        expect(m.headers[HEADERS.dlqStage]).toBe('test-stage');
      }
      expect(dead.map((m) => m.value)).toEqual(expect.arrayContaining(['not json', { other: true }]));
    } finally {
      await stage.close();
    }
  });

  it('retries transient failures within the bound, then succeeds', async () => {
    let calls = 0;
    const stage = await startStage(async (value, ctx) => {
      calls += 1;
      if (calls < 3) throw new TransientError('database election in progress');
      return echo(value, ctx);
    });
    try {
      await stage.send(['{"n":7}']);
      await stage.probe.waitForCount(stage.out, 1);
      expect(calls).toBe(3);
      expect(stage.probe.on(stage.dlq)).toHaveLength(0);
    } finally {
      await stage.close();
    }
  });

  it('dead-letters a message whose transient failure outlasts the retries, marked retriable', async () => {
    const stage = await startStage(async (value, ctx) => {
      if ((value as { n: number }).n === 13) throw new TransientError('still down');
      return echo(value, ctx);
    }, 2);
    try {
      await stage.send(['{"n":13}', '{"n":14}']);
      await stage.probe.waitForCount(stage.dlq, 1);
      await stage.probe.waitForCount(stage.out, 1);
      const [dead] = stage.probe.on(stage.dlq);
      expect(dead.headers[HEADERS.dlqRetriable]).toBe('true');
      expect(dead.headers[HEADERS.dlqAttempts]).toBe('2');
      expect(dead.headers[HEADERS.dlqReason]).toBe('still down');
    } finally {
      await stage.close();
    }
  });
});

describe('StageConsumer with a batch handler', () => {
  it('hands valid messages over in chunks and isolates a chunk that fails', async () => {
    const chunkSizes: number[] = [];
    const batch: StageBatchHandler = async (values, ctxs) => {
      chunkSizes.push(values.length);
      if (values.some((v) => (v as { n: number }).n === 13)) throw new PoisonMessageError('thirteen is unlucky');
      return values.map((value, i) => [{ topic: OUT, key: ctxs[i].key ?? 'k', value }]);
    };
    const stage = await startStage(echo, 2, batch);
    try {
      await stage.send(['{"n":1}', '{"n":2}', '{"n":13}', 'not json', '{"n":3}']);
      await stage.probe.waitForCount(stage.out, 3);
      await stage.probe.waitForCount(stage.dlq, 2);
      expect(stage.probe.on(stage.out).map((m) => (m.value as { n: number }).n).sort()).toEqual([1, 2, 3]);
      const reasons = stage.probe.on(stage.dlq).map((m) => m.headers[HEADERS.dlqReason]);
      expect(reasons).toHaveLength(2);
      expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('not valid JSON'), 'thirteen is unlucky']));
      // At least one call carried more than one message: the work was batched, not per message.
      expect(Math.max(...chunkSizes)).toBeGreaterThan(1);
    } finally {
      await stage.close();
    }
  });
});

describe('StageConsumer handling partitions at once', () => {
  it('joins the chunks of partitions fetched together into one handler call, each partition in its own order, every output published', async () => {
    const calls: { partition: number; offset: number; n: number }[][] = [];
    const batch: StageBatchHandler = async (values, ctxs) => {
      calls.push(ctxs.map((c, i) => ({ partition: c.partition, offset: Number(c.offset), n: (values[i] as { n: number }).n })));
      return values.map((value, i) => [{ topic: OUT, key: ctxs[i].key ?? 'k', value }]);
    };
    const values = Array.from({ length: 12 }, (_, n) => JSON.stringify({ n }));
    const stage = await startStage(echo, 2, batch, { partitionsAtOnce: 2, sendFirst: values });
    // Delivery is at least once: a rebalance while the group settles may hand a fetched chunk over again.
    const distinct = (topic: string) => new Set(stage.probe.on(topic).map((m) => (m.value as { n: number }).n));
    try {
      await stage.probe.waitFor(() => distinct(stage.out).size === 12, 30_000, 'all 12 outputs');
      // Twelve keys spread over both partitions; the first fetch holds both, so one call carries both.
      expect(calls.some((call) => new Set(call.map((c) => c.partition)).size === 2)).toBe(true);
      for (const call of calls)
        for (const partition of [0, 1]) {
          const offsets = call.filter((c) => c.partition === partition).map((c) => c.offset);
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        }
      expect([...distinct(stage.out)].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
      expect(stage.probe.on(stage.dlq)).toHaveLength(0);
    } finally {
      await stage.close();
    }
  });

  it('commits every handled chunk itself (kafkajs autoCommit is off): the group resumes after the last message of each partition', async () => {
    const batch: StageBatchHandler = async (values, ctxs) => values.map((value, i) => [{ topic: OUT, key: ctxs[i].key ?? 'k', value }]);
    const values = Array.from({ length: 12 }, (_, n) => JSON.stringify({ n }));
    const stage = await startStage(echo, 2, batch, { partitionsAtOnce: 2, sendFirst: values });
    const admin = stage.kafka.admin();
    await admin.connect();
    let closed = false;
    try {
      await stage.probe.waitFor(() => new Set(stage.probe.on(stage.out).map((m) => (m.value as { n: number }).n)).size === 12, 30_000, 'all 12 outputs');
      // Stopping waits for the chunk in hand, which commits before its batch returns.
      await stage.close();
      closed = true;
      const input = physicalTopic(IN, stage.ns);
      const ends = await admin.fetchTopicOffsets(input);
      const [committed] = await admin.fetchOffsets({ groupId: `${stage.ns}-group`, topics: [input] });
      const byPartition = (list: { partition: number; offset: string }[]) => Object.fromEntries(list.map((p) => [p.partition, p.offset]));
      expect(byPartition(committed.partitions)).toEqual(byPartition(ends.map((e) => ({ partition: e.partition, offset: e.high }))));
    } finally {
      await admin.disconnect();
      if (!closed) await stage.close();
    }
  });

  it('dead-letters a poison message of a joined call alone: the other partition\'s messages are handled', async () => {
    const batch: StageBatchHandler = async (values, ctxs) => {
      if (values.some((v) => (v as { n: number }).n === 13)) throw new PoisonMessageError('thirteen is unlucky');
      return values.map((value, i) => [{ topic: OUT, key: ctxs[i].key ?? 'k', value }]);
    };
    const values = [1, 2, 3, 13, 4, 5, 6, 7].map((n) => JSON.stringify({ n }));
    const stage = await startStage(echo, 2, batch, { partitionsAtOnce: 2, sendFirst: values });
    const distinct = (topic: string) => new Set(stage.probe.on(topic).map((m) => (m.value as { n: number }).n));
    try {
      await stage.probe.waitFor(() => distinct(stage.out).size === 7, 30_000, 'all 7 good outputs');
      await stage.probe.waitForCount(stage.dlq, 1);
      expect([...distinct(stage.out)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      // Only the poison message is dead-lettered (a redelivered chunk may dead-letter it again, never another).
      expect(new Set(stage.probe.on(stage.dlq).map((m) => m.headers[HEADERS.dlqReason]))).toEqual(new Set(['thirteen is unlucky']));
    } finally {
      await stage.close();
    }
  });
});

describe('StageConsumer and the broker\'s size limits', () => {
  it('splits a backlog of outputs that together exceed the broker default, so nothing stops', async () => {
    // 150 inputs of one story key, each giving a 15 KB output: a chunk of 100 is 1.5 MB on one partition,
    // over the broker's default max.message.bytes (1 MB) that the topics here keep.
    const padding = 'x'.repeat(15_000);
    const batch: StageBatchHandler = async (values, ctxs) => values.map((value, i) => [{ topic: OUT, key: ctxs[i].key ?? 'k', value: { ...(value as object), padding } }]);
    const stage = await startStage(echo, 2, batch);
    try {
      await stage.send(
        Array.from({ length: 150 }, (_, n) => JSON.stringify({ n })),
        'one-story',
      );
      await stage.probe.waitForCount(stage.out, 150, 60_000);
      expect(stage.probe.on(stage.dlq)).toHaveLength(0);
      expect(new Set(stage.probe.on(stage.out).map((m) => (m.value as { n: number }).n)).size).toBe(150);
    } finally {
      await stage.close();
    }
  });

  it('dead-letters the input whose output the broker refuses as too large, and keeps going', async () => {
    // The output topic takes 100 KB; the producer does not know, so the broker's refusal is what it meets.
    const stage = await startStage(
      async (value, ctx) => {
        const n = (value as { n: number }).n;
        return [{ topic: OUT, key: ctx.key ?? 'k', value: n === 5 ? { n, big: 'y'.repeat(200_000) } : { n } }];
      },
      3,
      undefined,
      { topicLimits: { [OUT]: 100_000 } },
    );
    try {
      await stage.send(['{"n":4}', '{"n":5}', '{"n":6}'], 'same-key');
      await stage.probe.waitForCount(stage.dlq, 1);
      await stage.probe.waitForCount(stage.out, 2);
      const [dead] = stage.probe.on(stage.dlq);
      expect(dead.value).toEqual({ n: 5 });
      expect(dead.headers[HEADERS.dlqReason]).toContain('MESSAGE_TOO_LARGE');
      expect(dead.headers[HEADERS.dlqRetriable]).toBe('false');
      expect(stage.probe.on(stage.out).map((m) => (m.value as { n: number }).n)).toEqual([4, 6]);
      // Still consuming after it.
      await stage.send(['{"n":7}'], 'same-key');
      await stage.probe.waitForCount(stage.out, 3);
    } finally {
      await stage.close();
    }
  });

  it('still records the failure when the dead-letter topic refuses the record itself', async () => {
    const stage = await startStage(
      async () => {
        throw new PoisonMessageError('unreadable');
      },
      1,
      undefined,
      { topicLimits: { [deadLetterTopicOf(IN)]: 2_000 } },
    );
    try {
      await stage.send([JSON.stringify({ n: 1, text: 'z'.repeat(5_000) })]);
      await stage.probe.waitForCount(stage.dlq, 1);
      const [dead] = stage.probe.on(stage.dlq);
      expect(dead.headers[HEADERS.dlqReason]).toBe('unreadable');
      expect(dead.headers['x-dlq-value-omitted']).toContain('MESSAGE_TOO_LARGE');
      expect(dead.headers[HEADERS.dlqSourceOffset]).toBe('0');
    } finally {
      await stage.close();
    }
  });
});

describe('StageConsumer during a dependency outage', () => {
  class StoreDown extends Error {}

  it('waits out an outage far longer than the retry bound, dead-letters nothing, then carries on', async () => {
    let calls = 0;
    const stage = await startStage(
      async (value, ctx) => {
        calls += 1;
        if (calls <= 12) throw new StoreDown('connection refused');
        return echo(value, ctx);
      },
      2,
      undefined,
      { isOutage: (err) => err instanceof StoreDown },
    );
    try {
      await stage.send(['{"n":31}', '{"n":32}'], 'k');
      await stage.probe.waitForCount(stage.out, 2, 60_000);
      expect(calls).toBe(14);
      expect(stage.probe.on(stage.dlq)).toHaveLength(0);
      expect(stage.probe.on(stage.out).map((m) => (m.value as { n: number }).n)).toEqual([31, 32]);
    } finally {
      await stage.close();
    }
  });

  it('waits out an outage for a whole chunk of a batch handler', async () => {
    let calls = 0;
    const batch: StageBatchHandler = async (values, ctxs) => {
      calls += 1;
      if (calls <= 6) throw new StoreDown('no primary');
      return values.map((value, i) => [{ topic: OUT, key: ctxs[i].key ?? 'k', value }]);
    };
    const stage = await startStage(echo, 1, batch, { isOutage: (err) => err instanceof StoreDown });
    try {
      await stage.send(['{"n":1}', '{"n":2}', '{"n":3}'], 'k');
      await stage.probe.waitForCount(stage.out, 3, 60_000);
      expect(stage.probe.on(stage.dlq)).toHaveLength(0);
    } finally {
      await stage.close();
    }
  });
});

describe('StageConsumer and a handler call that never settles', () => {
  it('gives a stalled batch call up as an outage and tries the chunk again: nothing dead-lettered, nothing held', async () => {
    let calls = 0;
    const batch: StageBatchHandler = async (values, ctxs) => {
      calls += 1;
      // The first call waits forever, as a store command left unanswered did.
      if (calls === 1) return new Promise<never>(() => undefined);
      return values.map((value, i) => [{ topic: OUT, key: ctxs[i].key ?? 'k', value }]);
    };
    const stage = await startStage(echo, 1, batch, { handlerStallMs: 300 });
    try {
      await stage.send(['{"n":1}', '{"n":2}'], 'k');
      await stage.probe.waitForCount(stage.out, 2, 60_000);
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(stage.probe.on(stage.dlq)).toHaveLength(0);
      expect(stage.probe.on(stage.out).map((m) => (m.value as { n: number }).n)).toEqual([1, 2]);
    } finally {
      await stage.close();
    }
  });

  it('gives a stalled per-message call up the same way', async () => {
    let calls = 0;
    const stage = await startStage(
      async (value, ctx) => {
        calls += 1;
        if (calls === 1) return new Promise<never>(() => undefined);
        return echo(value, ctx);
      },
      1,
      undefined,
      { handlerStallMs: 300 },
    );
    try {
      await stage.send(['{"n":7}'], 'k');
      await stage.probe.waitForCount(stage.out, 1, 60_000);
      expect(stage.probe.on(stage.dlq)).toHaveLength(0);
    } finally {
      await stage.close();
    }
  });
});

describe('dead-letter replay', () => {
  it('sends retriable dead letters back once the cause is gone, leaves poison alone, and never replays twice', async () => {
    let databaseUp = false;
    const stage = await startStage(async (value, ctx) => {
      if (!databaseUp) throw new TransientError('database unavailable');
      return echo(value, ctx);
    }, 1);
    try {
      await stage.send(['{"n":21}', 'not json', '{"n":22}']);
      await stage.probe.waitForCount(stage.dlq, 3);
      expect(stage.probe.on(stage.out)).toHaveLength(0);

      databaseUp = true;
      const first = await replayDeadLetters(stage.kafka, { topic: IN, namespace: stage.ns });
      expect(first).toEqual({ replayed: 2, skipped: 1 });
      await stage.probe.waitForCount(stage.out, 2);
      expect(stage.probe.on(stage.out).map((m) => (m.value as { n: number }).n).sort()).toEqual([21, 22]);

      // The poison record was only left out, never marked: it is still pending, and a run that takes everything takes it.
      expect(await replayDeadLetters(stage.kafka, { topic: IN, namespace: stage.ns })).toEqual({ replayed: 0, skipped: 1 });
      expect(await replayDeadLetters(stage.kafka, { topic: IN, namespace: stage.ns, onlyRetriable: false })).toEqual({ replayed: 1, skipped: 0 });
    } finally {
      await stage.close();
    }
  });
});
