import { type Kafka, logLevel } from 'kafkajs';
import { ConfigError } from '@newswire/config';
import { type ArticleEnriched, storyKeyOf, TOPICS } from '@newswire/contracts';
import { kafkaFromEnv } from '@newswire/kafka';
import { type PrivateKafka, publishRaw, receivedArticle, stageHarness, startPrivateKafka, TopicProbe, uniqueName } from '@newswire/testing';
import { startEnricher } from '../bootstrap';

// Fail fast: a refused client must not spend the test retrying.
const once = { logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 5_000 };

function without(env: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

async function listTopics(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

async function produce(kafka: Kafka, topic: string, value: string): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ value }] });
  } finally {
    await producer.disconnect();
  }
}

describe('Kafka over SASL_SSL with SCRAM-SHA-512 (a private secure broker from the local stack)', () => {
  let broker: PrivateKafka;
  let anonymousOverTls: Record<string, string>;

  beforeAll(async () => {
    broker = await startPrivateKafka({ secure: true });
    anonymousOverTls = without(broker.env, 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD_FILE');
  }, 300_000);

  afterAll(async () => {
    await broker?.stop();
  }, 60_000);

  it('hands out what a client needs: TLS with the CA, SCRAM user and password file', () => {
    expect(broker.env).toEqual(
      expect.objectContaining({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'newswire',
        KAFKA_SSL_CA_FILE: expect.stringContaining(broker.stateDir),
        KAFKA_SASL_PASSWORD_FILE: expect.stringContaining(broker.stateDir),
      }),
    );
  });

  it('refuses clients without credentials (over TLS and in plain text) and with a wrong password; lets the SCRAM user produce and consume', async () => {
    const topic = uniqueName('secure-roundtrip');
    const probe = await new TopicProbe(broker.env.KAFKA_BROKERS, [topic], `${topic}-probe`, broker.env).start();
    try {
      // The broker closes the connection of a client that skips SASL, or that does not speak TLS.
      await expect(produce(kafkaFromEnv('anonymous-tls', anonymousOverTls, once), topic, 'stranger over TLS')).rejects.toThrow(/Closed connection/);
      await expect(produce(kafkaFromEnv('anonymous-plain', { KAFKA_BROKERS: broker.env.KAFKA_BROKERS }, once), topic, 'stranger in plain text')).rejects.toThrow(/Closed connection/);
      const wrongPassword = { ...anonymousOverTls, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'newswire', KAFKA_SASL_PASSWORD: 'not-the-password' };
      await expect(listTopics(kafkaFromEnv('wrong-password', wrongPassword, once))).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
      await expect(produce(kafkaFromEnv('wrong-password', wrongPassword, once), topic, 'wrong password')).rejects.toThrow(/authentication failed/);
      // And the client verifies the broker: without the private CA it does not trust the certificate.
      await expect(listTopics(kafkaFromEnv('no-ca', without(broker.env, 'KAFKA_SSL_CA_FILE'), once))).rejects.toThrow(/self-signed certificate/);

      await publishRaw(broker.env.KAFKA_BROKERS, topic, [{ key: 'k', value: 'from the SCRAM user' }], broker.env);
      await probe.waitForCount(topic, 1);
      expect(await listTopics(kafkaFromEnv('scram-user', broker.env, once))).toContain(topic);
    } finally {
      await probe.stop();
    }
    // Only the authenticated message reached the topic: none of the refused clients wrote anything.
    expect(probe.on(topic).map((m) => m.value)).toEqual(['from the SCRAM user']);
  });

  it('runs a real stage (the enricher) on the secure broker outside development mode', async () => {
    const h = await stageHarness('enricher-secure', TOPICS.articleReceived, TOPICS.articleEnriched, { ...broker.env, NEWSWIRE_DEV_MODE: 'false', NEWSWIRE_ALLOW_INSECURE: '' });
    const enricher = await startEnricher(h.env);
    try {
      const article = receivedArticle();
      await h.publish([{ key: storyKeyOf(article), value: article }]);
      await h.probe.waitForCount(h.topics.output, 1);
      const [out] = h.probe.on(h.topics.output);
      expect(out.key).toBe(storyKeyOf(article));
      expect((out.value as ArticleEnriched).article.id).toBe(article.id);
      expect((out.value as ArticleEnriched).enrichment.language).toBe('en');
    } finally {
      await enricher.app.close();
      await h.probe.stop();
    }
  });

  it('refuses to start a stage without credentials outside development mode, naming each missing variable', async () => {
    const started = startEnricher({ KAFKA_BROKERS: broker.env.KAFKA_BROKERS, LOG_LEVEL: 'error' });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    const problems = await started.catch((err: ConfigError) => err.problems);
    expect((problems as string[]).map((p) => p.split(':')[0])).toEqual([
      'KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE',
      'KAFKA_SSL',
    ]);
  });
});
