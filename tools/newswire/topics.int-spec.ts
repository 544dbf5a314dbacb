import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResourceTypes } from 'kafkajs';
import { physicalTopic, TOPICS } from '@newswire/contracts';
import { publishRaw, testEnv, testKafka } from '@newswire/testing';
import { cli, cliJson } from './cli-harness';
import type { ApplyResult, TopicStatus } from './topics';

describe('newswire topics (real broker)', () => {
  const env = testEnv('cli-topics');
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const received = physicalTopic(TOPICS.articleReceived, ns);
  const dir = mkdtempSync(join(tmpdir(), 'newswire-topics-'));
  const kafka = testKafka(`${ns}-admin`, env['KAFKA_BROKERS'], env);

  const configsOf = async (topic: string) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
      return Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    } finally {
      await admin.disconnect();
    }
  };

  it('creates topics and their dead-letter twins from a file, then updates partitions and retention keeping the other settings', async () => {
    const file = join(dir, 'topics.yaml');
    writeFileSync(file, `defaults:\n  partitions: 2\n  retention: 7d\n  maxMessageBytes: 1048576\ntopics:\n  ${TOPICS.articleReceived}:\n  ${TOPICS.articleStored}:\n    deadLetter: false\n`);
    const created = await cliJson<ApplyResult>(env, 'topics', 'apply', file);
    expect(created.changes.map((c) => [c.topic, c.action, c.partitions])).toEqual([
      [received, 'create', 2],
      [`${received}.dlq`, 'create', 1],
      [physicalTopic(TOPICS.articleStored, ns), 'create', 2],
    ]);
    expect(await configsOf(received)).toMatchObject({ 'retention.ms': String(7 * 86400e3), 'max.message.bytes': '1048576' });
    // The dead-letter twin gets the services' headroom for headers.
    expect((await configsOf(`${received}.dlq`))['max.message.bytes']).toBe(String(1048576 + 64 * 1024));

    // Only retention changes in the file for received; AlterConfigs must not reset max.message.bytes.
    writeFileSync(file, `topics:\n  ${TOPICS.articleReceived}:\n    partitions: 4\n    retention: 2d\n`);
    const dry = await cliJson<ApplyResult>(env, 'topics', 'apply', file, '--dry-run');
    expect(dry.changes[0]).toMatchObject({ action: 'update', changed: ['partitions', 'retention.ms'] });
    const updated = await cliJson<ApplyResult>(env, 'topics', 'apply', file);
    expect(updated.changes[0]).toMatchObject({ topic: received, action: 'update' });
    expect(await configsOf(received)).toMatchObject({ 'retention.ms': String(2 * 86400e3), 'max.message.bytes': '1048576' });
    const again = await cliJson<ApplyResult>(env, 'topics', 'apply', file);
    expect(again.changes[0].action).toBe('unchanged');

    writeFileSync(file, `topics:\n  ${TOPICS.articleReceived}:\n    partitions: 1\n`);
    expect((await cliJson<ApplyResult>(env, 'topics', 'apply', file)).changes[0]).toMatchObject({ action: 'refused' });

    writeFileSync(file, `topics:\n  ${TOPICS.articleReceived}:\n    retention: soon\n`);
    const bad = await cli(env, 'topics', 'apply', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('topics.news.article.received.v1.retention');
  });

  it('shows partitions, retained records and the lag of each consumer group', async () => {
    const topic = physicalTopic(TOPICS.articleEnriched, ns);
    await publishRaw(env['KAFKA_BROKERS'], topic, [0, 1, 2, 3, 4].map((i) => ({ key: 'same-key', value: `m${i}` })), env);
    const admin = kafka.admin();
    await admin.connect();
    const partition = (await admin.fetchTopicOffsets(topic)).find((p) => Number(p.high) === 5)?.partition ?? -1;
    // A group that has read two of the five records.
    await admin.setOffsets({ groupId: `${ns}-enricher`, topic, partitions: [{ partition, offset: '2' }] });
    await admin.disconnect();

    const status = await cliJson<TopicStatus[]>(env, 'topics', 'status', '--topic', TOPICS.articleEnriched);
    expect(status).toEqual([{ topic, partitions: 2, messages: 5, groups: [expect.objectContaining({ groupId: `${ns}-enricher`, lag: 3 })] }]);
    const text = await cli(env, 'topics', 'status');
    expect(text.out).toMatch(new RegExp(`${ns}-enricher\\s*│\\s*3`));
  });

  it('answers --help on every verb', async () => {
    for (const verb of [['topics', 'apply'], ['topics', 'status'], ['dlq', 'list'], ['dlq', 'show'], ['dlq', 'redrive'], ['replay'], ['backfill'], ['tail'], ['story']]) {
      const run = await cli(env, ...verb, '--help');
      expect(run.code).toBe(0);
      expect(run.out).toContain(`Usage: newswire ${verb.join(' ')}`);
    }
  });
});
