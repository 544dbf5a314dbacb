import { ConfigError } from '@newswire/config';
import { startIngester } from '../bootstrap';

// Refused before anything connects, so no server is needed.
describe('ingester outside development mode', () => {
  it('refuses Kafka without SASL and TLS, naming each variable', async () => {
    const err = await startIngester({ KAFKA_BROKERS: '127.0.0.1:9', PORT: '0', LOG_LEVEL: 'error' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE', 'KAFKA_SSL']),
    );
  });
});
