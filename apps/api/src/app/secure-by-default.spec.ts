import { ConfigError } from '@newswire/config';
import { startApi } from '../bootstrap';

// Refused before anything connects, so no server is needed.
describe('api outside development mode', () => {
  it('refuses a store URI without credentials, naming MONGODB_URI', async () => {
    const err = await startApi({ MONGODB_URI: 'mongodb://127.0.0.1:9/newswire', PORT: '0', LOG_LEVEL: 'error' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toContain('MONGODB_URI');
  });
});
