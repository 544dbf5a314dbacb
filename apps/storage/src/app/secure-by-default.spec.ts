import { ConfigError } from '@newswire/config';
import { startStorage } from '../bootstrap';

async function refusal(env: Record<string, string>): Promise<string[]> {
  const err = await startStorage({ LOG_LEVEL: 'error', ...env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems.map((p) => p.split(':')[0]);
}

// Refused before anything connects, so no server is needed.
describe('storage outside development mode', () => {
  it('refuses Kafka without SASL and TLS and a store URI without credentials, naming each variable', async () => {
    expect(await refusal({ KAFKA_BROKERS: '127.0.0.1:9', MONGODB_URI: 'mongodb://127.0.0.1:9/newswire' })).toEqual([
      'KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE',
      'KAFKA_SSL',
      'MONGODB_URI',
    ]);
  });

  it('names only the store when Kafka is secured', async () => {
    const kafka = { KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'newswire', KAFKA_SASL_PASSWORD: 'secret' };
    expect(await refusal({ ...kafka, KAFKA_BROKERS: '127.0.0.1:9', MONGODB_URI: 'mongodb://127.0.0.1:9/newswire' })).toEqual(['MONGODB_URI']);
  });
});
