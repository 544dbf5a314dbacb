import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidSourcesFile, parseSourcesDocument } from './registry.parse';
import { loadSourceRegistry, type SecretReaders } from './source-registry';

const SECRET = 'a'.repeat(40);
const readers = (env: Record<string, string> = {}, files: Record<string, string> = {}): SecretReaders => ({
  env,
  baseDir: '/etc/newswire',
  readFile: (path) => {
    if (path in files) return files[path];
    throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  },
});

const problemsOf = (text: string, file = 'sources.yaml'): string[] => {
  try {
    parseSourcesDocument(text, file);
  } catch (err) {
    if (err instanceof InvalidSourcesFile) return err.problems;
    throw err;
  }
  return [];
};

describe('sources file', () => {
  const yaml = `
sources:
  - id: acme
    name: ACME Wire
    provider: ACME
    push:
      keys:
        - { id: k2026, secretEnv: ACME_KEY }
        - { id: k2025, secretFile: secrets/acme-old }
    rateLimit: { perMinute: 120, burst: 20 }
  - id: beta
    name: Beta News
    enabled: false
    push:
      keys: [{ id: k1, secretEnv: BETA_KEY }]
  - id: gamma
    name: Gamma
    rateLimit: { perMinute: 30 }
`;

  it('reads YAML, applies defaults and loads the secrets of enabled sources only', () => {
    const doc = parseSourcesDocument(yaml, 'sources.yaml');
    expect(doc.sources.map((s) => [s.id, s.enabled])).toEqual([
      ['acme', true],
      ['beta', false],
      ['gamma', true],
    ]);
    const { registry, problems } = loadSourceRegistry(doc, readers({ ACME_KEY: SECRET }, { '/etc/newswire/secrets/acme-old': `${'b'.repeat(32)}\n` }));
    expect(problems).toEqual([]);
    const acme = registry.get('acme');
    expect(acme?.keys.map((k) => [k.id, k.secret.toString()])).toEqual([
      ['k2026', SECRET],
      ['k2025', 'b'.repeat(32)],
    ]);
    expect(acme?.rateLimit).toEqual({ perMinute: 120, burst: 20 });
    expect(registry.get('gamma')?.rateLimit).toEqual({ perMinute: 30, burst: 30 });
    // BETA_KEY is not set, and that is fine: a disabled source's secrets are never read.
    expect(registry.get('beta')).toMatchObject({ enabled: false, keys: [] });
    expect(registry.pushEnabled().map((s) => s.id)).toEqual(['acme']);
  });

  it('reads the documented example file', () => {
    const doc = parseSourcesDocument(readFileSync(join(__dirname, '../../sources.example.yaml'), 'utf8'), 'sources.example.yaml');
    expect(doc.sources.map((s) => [s.id, s.enabled, s.push?.keys.length])).toEqual([
      ['acme', true, 2],
      ['regional-daily', false, 1],
      ['metro-feed', true, undefined],
      ['acme-files', true, undefined],
    ]);
    expect(doc.sources[2].poll).toMatchObject({ everySeconds: 300, credentials: { secretEnv: 'METRO_FEED_TOKEN' } });
    expect(doc.sources[3].dropFolder).toEqual({ path: '/mnt/acme-drop', quietSeconds: 5, maxBytes: 4194304 });
  });

  it('reads the same document as JSON', () => {
    const json = JSON.stringify({ sources: [{ id: 'acme', name: 'ACME', push: { keys: [{ id: 'k', secretEnv: 'K' }] } }] });
    expect(parseSourcesDocument(json, 'sources.json').sources[0]).toMatchObject({ id: 'acme', enabled: true });
  });

  it('names the entry and field of every problem', () => {
    const problems = problemsOf(`
sources:
  - id: acme
    name: ACME
    push:
      keys:
        - { id: k1, secretEnv: A, secretFile: /x }
        - { id: k1, secret: hunter2 }
  - id: Bad Id
    name: ''
  - id: acme
    name: Again
    rateLimit: { perMinute: 0 }
    colour: blue
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sources\[0\] "acme": push\.keys\[0\]: give exactly one of secretEnv or secretFile/),
        expect.stringMatching(/^sources\[0\] "acme": push\.keys\[1\]\.secret: secrets are referenced/),
        expect.stringMatching(/^sources\[1\] "Bad Id": id: must be 1-64 characters/),
        expect.stringMatching(/^sources\[1\] "Bad Id": name:/),
        expect.stringMatching(/^sources\[2\] "acme": rateLimit\.perMinute:/),
        expect.stringMatching(/^sources\[2\] "acme": .*colour/),
      ]),
    );
  });

  it('refuses duplicate source ids and key ids once the entries are valid', () => {
    const problems = problemsOf(`
sources:
  - { id: acme, name: A, push: { keys: [{ id: k, secretEnv: A }, { id: k, secretEnv: B }] } }
  - { id: acme, name: B }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sources\[0\] "acme": push\.keys\[1\]\.id: key id "k" is listed twice/),
        expect.stringMatching(/^sources\[1\] "acme": id: source id "acme" is listed twice/),
      ]),
    );
  });

  it('refuses text that is not YAML or not a document of sources', () => {
    expect(problemsOf('sources: [', 'sources.yml')[0]).toMatch(/^not valid YAML/);
    expect(problemsOf('{"sources": ', 'sources.json')[0]).toMatch(/^not valid JSON/);
    expect(problemsOf('- just a list')[0]).toMatch(/^\(document\)/);
  });

  it('reports unset variables, unreadable files and short secrets, naming the key', () => {
    const doc = parseSourcesDocument(
      `
sources:
  - id: acme
    name: ACME
    push:
      keys:
        - { id: k1, secretEnv: UNSET }
        - { id: k2, secretFile: missing }
        - { id: k3, secretEnv: SHORT }
`,
      'sources.yaml',
    );
    const { problems, registry } = loadSourceRegistry(doc, readers({ SHORT: 'tooshort' }));
    expect(problems).toEqual([
      'sources[0] "acme": push.keys[0] "k1": environment variable UNSET is not set',
      'sources[0] "acme": push.keys[1] "k2": secret file /etc/newswire/missing cannot be read (ENOENT)',
      'sources[0] "acme": push.keys[2] "k3": the secret is 8 bytes; at least 32 are required',
    ]);
    expect(registry.pushEnabled()).toEqual([]);
  });
});
