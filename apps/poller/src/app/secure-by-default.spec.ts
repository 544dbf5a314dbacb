import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@newswire/config';
import { startPoller } from '../bootstrap';

async function problems(env: Record<string, string>): Promise<string[]> {
  const err = await startPoller({ LOG_LEVEL: 'error', ...env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems;
}

// Refused before anything connects, so no server is needed.
describe('poller start-up checks', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'poller-config-'));
    writeFileSync(join(dir, 'ok.yaml'), 'sources:\n  - id: a\n    name: A\n    poll: { url: "https://a.example/feed", everySeconds: 60 }\n');
    writeFileSync(join(dir, 'bad.yaml'), 'sources:\n  - id: a\n    name: A\n    poll: { url: "https://a.example/feed", everySeconds: 60, maxBytes: 10 }\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('needs a sources file', async () => {
    expect(await problems({ NEWSWIRE_DEV_MODE: 'true' })).toEqual(['SOURCES_FILE: required: the registry of sources whose feeds are polled']);
  });

  it('refuses a bad sources file, naming the entry and field', async () => {
    const [problem] = await problems({ NEWSWIRE_DEV_MODE: 'true', SOURCES_FILE: join(dir, 'bad.yaml') });
    expect(problem).toMatch(/^SOURCES_FILE .*bad\.yaml: sources\[0\] "a": poll\.maxBytes: /);
  });

  it('refuses two sources sharing a drop folder', async () => {
    writeFileSync(join(dir, 'shared.yaml'), 'sources:\n  - { id: a, name: A, dropFolder: { path: drops } }\n  - { id: b, name: B, dropFolder: { path: ./drops } }\n');
    const [problem] = await problems({ NEWSWIRE_DEV_MODE: 'true', SOURCES_FILE: join(dir, 'shared.yaml') });
    expect(problem).toMatch(/^SOURCES_FILE .*shared\.yaml: sources\[1\] "b": dropFolder\.path: .*drops is already the drop folder of "a"$/);
  });

  it('outside development mode refuses Kafka and a store without credentials, naming each variable', async () => {
    const names = (await problems({ SOURCES_FILE: join(dir, 'ok.yaml'), KAFKA_BROKERS: '127.0.0.1:9', MONGODB_URI: 'mongodb://127.0.0.1:9/newswire' })).map((p) => p.split(':')[0]);
    expect(names).toEqual(['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE', 'KAFKA_SSL', 'MONGODB_URI']);
  });
});
