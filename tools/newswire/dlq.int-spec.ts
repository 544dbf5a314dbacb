import { deadLetterTopicOf, HEADERS, physicalTopic, TOPICS } from '@newswire/contracts';
import { readRange, topicBounds, wholeTopic } from '@newswire/kafka';
import { createTestTopics, publishRaw, testEnv, testKafka } from '@newswire/testing';
import { cli, cliJson } from './cli-harness';
import type { DlqSummary, LetterOut } from './dlq';

describe('newswire dlq (real broker)', () => {
  const env = testEnv('cli-dlq');
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const logical = TOPICS.articleDeduplicated;
  const target = physicalTopic(logical, ns);
  const dlq = physicalTopic(deadLetterTopicOf(logical), ns);
  const kafka = testKafka(`${ns}-reader`, env['KAFKA_BROKERS'], env);
  const hourAgo = new Date(Date.now() - 3600e3).toISOString();
  const twoDaysAgo = new Date(Date.now() - 2 * 86400e3).toISOString();

  const letter = (key: string, code: string, retriable: boolean, failedAt: string) => ({
    key,
    value: JSON.stringify({ article: { id: key, headline: `Story ${key}` } }),
    headers: {
      [HEADERS.dlqReason]: `${code} while storing ${key}`,
      [HEADERS.dlqErrorCode]: code,
      [HEADERS.dlqErrorType]: retriable ? 'DependencyUnavailableError' : 'PoisonMessageError',
      [HEADERS.dlqRetriable]: String(retriable),
      [HEADERS.dlqStage]: 'storage',
      [HEADERS.dlqFailedAt]: failedAt,
      [HEADERS.dlqSourceTopic]: target,
    },
  });

  /** Every record on the stage's input topic: what redrive sent back. */
  const sentBack = async () => {
    const admin = kafka.admin();
    await admin.connect();
    const bounds = await topicBounds(admin, target).finally(() => admin.disconnect());
    const out: { key: string; origin: string; dlqHeaders: number }[] = [];
    await readRange(kafka, target, wholeTopic(bounds), (_p, messages) => {
      for (const m of messages) {
        const headers = Object.keys(m.headers ?? {});
        out.push({ key: String(m.key), origin: String(m.headers?.[HEADERS.redrivenFrom]), dlqHeaders: headers.filter((h) => h.startsWith('x-dlq-')).length });
      }
    });
    return out;
  };

  beforeAll(async () => {
    // One partition, as the services create dead-letter topics: letters in arrival order.
    const admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic: dlq, numPartitions: 1 }]);
    await admin.disconnect();
    await publishRaw(env['KAFKA_BROKERS'], target, [{ key: 'warm-up', value: '{}' }], env);
    await publishRaw(
      env['KAFKA_BROKERS'],
      dlq,
      [
        letter('reuters|u1', 'store_unavailable', true, hourAgo),
        letter('reuters|u2', 'store_unavailable', true, hourAgo),
        letter('reuters|u3', 'store_unavailable', true, hourAgo),
        letter('afp|p1', 'poison_message', false, twoDaysAgo),
        letter('afp|p2', 'poison_message', false, twoDaysAgo),
        letter('afp|x', 'store_unavailable', true, twoDaysAgo),
      ],
      env,
    );
  });

  it('lists dead letters by topic with counts per reason', async () => {
    const [summary] = await cliJson<DlqSummary[]>(env, 'dlq', 'list');
    expect(summary).toMatchObject({ topic: dlq, total: 6, pending: 6, redriven: 0 });
    expect(summary.reasons.map((r) => [r.code, r.stage, r.retriable, r.count])).toEqual([
      ['store_unavailable', 'storage', true, 4],
      ['poison_message', 'storage', false, 2],
    ]);
    const text = await cli(env, 'dlq', 'list');
    expect(text.out).toContain('store_unavailable');
    expect(text.out).toMatch(/6\/6/);
  });

  it('shows the letters that match a filter, and one letter in full', async () => {
    const poison = await cliJson<LetterOut[]>(env, 'dlq', 'show', logical, '--code', 'poison_message');
    expect(poison.map((l) => l.key)).toEqual(['afp|p1', 'afp|p2']);
    const recent = await cliJson<LetterOut[]>(env, 'dlq', 'show', logical, '--since', '6h');
    expect(recent.map((l) => l.key)).toEqual(['reuters|u1', 'reuters|u2', 'reuters|u3']);
    const [one] = await cliJson<LetterOut[]>(env, 'dlq', 'show', logical, poison[0].id);
    expect(one.headers?.[HEADERS.dlqReason]).toBe('poison_message while storing afp|p1');
    expect(one.value).toEqual({ article: { id: 'afp|p1', headline: 'Story afp|p1' } });
    const missing = await cli(env, 'dlq', 'show', logical, '0@999');
    expect(missing.code).toBe(2);
  });

  it('redrives by source, time and error class, each dead letter once whatever the filters of later runs', async () => {
    const dry = await cliJson<{ redriven: number }>(env, 'dlq', 'redrive', logical, '--source', 'reuters', '--dry-run');
    expect(dry.redriven).toBe(3);
    expect(await sentBack()).toHaveLength(1); // only the warm-up record

    const first = await cliJson<{ redriven: number; notSelected: number }>(env, 'dlq', 'redrive', logical, '--source', 'reuters', '--code', 'store_unavailable', '--since', '6h');
    expect(first).toMatchObject({ redriven: 3, notSelected: 3 });
    const repeat = await cliJson<{ redriven: number; alreadyRedriven: number }>(env, 'dlq', 'redrive', logical, '--code', 'store_unavailable');
    expect(repeat).toMatchObject({ redriven: 1, alreadyRedriven: 3 }); // afp|x only
    const rest = await cliJson<{ redriven: number; alreadyRedriven: number }>(env, 'dlq', 'redrive', logical);
    expect(rest).toMatchObject({ redriven: 2, alreadyRedriven: 4 });
    const none = await cliJson<{ redriven: number; alreadyRedriven: number }>(env, 'dlq', 'redrive', logical);
    expect(none).toMatchObject({ redriven: 0, alreadyRedriven: 6 });

    const records = (await sentBack()).filter((r) => r.key !== 'warm-up');
    expect(records.map((r) => r.key).sort()).toEqual(['afp|p1', 'afp|p2', 'afp|x', 'reuters|u1', 'reuters|u2', 'reuters|u3']);
    expect(new Set(records.map((r) => r.origin)).size).toBe(6);
    expect(records.every((r) => r.origin.startsWith(`${dlq}[0]@`) && r.dlqHeaders === 0)).toBe(true);
    const [after] = await cliJson<DlqSummary[]>(env, 'dlq', 'list');
    expect(after).toMatchObject({ total: 6, pending: 0, redriven: 6 });
  });
});
