import { InvalidSourcesFile, parseSourcesDocument } from './registry.parse';
import { durationSeconds } from './registry.schema';
import { loadDropTargets } from './drop-targets';
import { loadPollTargets, loadSourceRegistry, type SecretReaders } from './source-registry';
import { redactQuery, sourceView } from './source-view';

const readers = (env: Record<string, string> = {}, files: Record<string, string> = {}): SecretReaders => ({
  env,
  baseDir: '/etc/newswire',
  readFile: (path) => {
    if (path in files) return files[path];
    throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  },
});

const problemsOf = (text: string): string[] => {
  try {
    parseSourcesDocument(text, 'sources.yaml');
  } catch (err) {
    if (err instanceof InvalidSourcesFile) return err.problems;
    throw err;
  }
  return [];
};

const full = `
sources:
  - id: acme
    name: ACME Wire
    provider: ACME
    providerId: acme.example
    format: application/rss+xml
    language: en
    expectedCadence: PT15M
    trust: trusted
    dedup: { distinctIds: true }
    push:
      keys: [{ id: k1, secretEnv: ACME_KEY }]
    poll:
      url: https://feeds.acme.example/top.xml?apikey=abc123&lang=en
      everySeconds: 60
      credentials: { header: Authorization, prefix: "Bearer ", secretFile: secrets/acme-feed }
    dropFolder: { path: /var/spool/acme }
  - id: lab
    name: Lab feed
    poll: { url: "http://127.0.0.1:8080/feed", everySeconds: 5, timeoutMs: 500, maxBytes: 2048, allowInternal: ["127.0.0.1/32"], format: application/atom+xml }
  - id: old
    name: Old feed
    enabled: false
    poll: { url: "https://old.example/feed", everySeconds: 300, credentials: { header: X-Api-Key, secretEnv: OLD_KEY } }
`;

describe('sources file: metadata and channels', () => {
  it('reads every field, with defaults for what is left out', () => {
    const [acme, lab] = parseSourcesDocument(full, 'sources.yaml').sources;
    expect(acme).toMatchObject({ providerId: 'acme.example', format: 'application/rss+xml', language: 'en', expectedCadence: 'PT15M', trust: 'trusted', dedup: { distinctIds: true } });
    expect(acme.poll).toEqual({
      url: 'https://feeds.acme.example/top.xml?apikey=abc123&lang=en',
      everySeconds: 60,
      timeoutMs: 10_000,
      maxBytes: 4 * 1024 * 1024,
      maxRedirects: 5,
      allowInternal: false,
      credentials: { header: 'Authorization', prefix: 'Bearer ', secretFile: 'secrets/acme-feed' },
    });
    expect(acme.dropFolder).toEqual({ path: '/var/spool/acme', quietSeconds: 5, maxBytes: 4 * 1024 * 1024 });
    expect(lab).toMatchObject({ trust: 'standard', poll: { timeoutMs: 500, maxBytes: 2048, allowInternal: ['127.0.0.1/32'], format: 'application/atom+xml' } });
  });

  it('names the entry and field of every bad channel setting', () => {
    const problems = problemsOf(`
sources:
  - id: a
    name: A
    poll: { url: "ftp://a.example/feed", everySeconds: 0 }
  - id: b
    name: B
    poll: { url: "https://user:pw@b.example/feed", everySeconds: 60, credentials: { header: "Bad Header", value: "s3cret" } }
  - id: c
    name: C
    language: english
    expectedCadence: 15 minutes
    format: rss
    trust: total
    poll: { url: "https://c.example/", everySeconds: 60, allowInternal: ["not an address"], timeout: 5 }
    dropFolder: { quietSeconds: 5 }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'sources[0] "a": poll.url: must be an http or https URL',
        expect.stringMatching(/^sources\[0\] "a": poll\.everySeconds: /),
        'sources[1] "b": poll.url: must not carry a user name or password: use credentials',
        'sources[1] "b": poll.credentials.header: must be an HTTP header name',
        'sources[1] "b": poll.credentials.value: credentials are referenced with secretEnv or secretFile, never written in the registry',
        'sources[2] "c": language: must be a BCP 47 language tag such as en or de-CH',
        'sources[2] "c": expectedCadence: must be an ISO 8601 duration in days, hours, minutes or seconds, such as PT15M or P1D',
        'sources[2] "c": format: must be a media type such as application/rss+xml',
        expect.stringMatching(/^sources\[2\] "c": trust: /),
        'sources[2] "c": poll.allowInternal[0]: must be an IP address or CIDR range',
        expect.stringMatching(/^sources\[2\] "c": poll: .*timeout/),
        expect.stringMatching(/^sources\[2\] "c": dropFolder.path: /),
      ]),
    );
  });

  it('loads the credentials of enabled pulled feeds only, and reports a missing one by entry', () => {
    const doc = parseSourcesDocument(full, 'sources.yaml');
    const ok = loadPollTargets(doc, readers({}, { '/etc/newswire/secrets/acme-feed': 'tok-123\n' }));
    expect(ok.problems).toEqual([]);
    expect(ok.targets.map((t) => [t.sourceId, t.format, t.credential])).toEqual([
      ['acme', 'application/rss+xml', { header: 'Authorization', value: 'Bearer tok-123' }],
      ['lab', 'application/atom+xml', undefined],
    ]);
    expect(ok.targets[0]).toMatchObject({ provider: 'ACME', language: 'en' });
    const missing = loadPollTargets(doc, readers());
    expect(missing.problems).toEqual(['sources[0] "acme": poll.credentials: secret file /etc/newswire/secrets/acme-feed cannot be read (ENOENT)']);
    // The ingester's registry does not need the poll credential, and carries the default language.
    const { registry } = loadSourceRegistry(doc, readers({ ACME_KEY: 'k'.repeat(32) }));
    expect(registry.get('acme')).toMatchObject({ language: 'en', keys: [{ id: 'k1' }] });
  });

  it('gives the poller every enabled drop folder, a relative path read from the registry folder', () => {
    const doc = parseSourcesDocument(
      `
sources:
  - { id: a, name: A, format: application/ninjs+json, language: de, dropFolder: { path: /srv/drop/a } }
  - { id: b, name: B, dropFolder: { path: drops/b, quietSeconds: 0, maxBytes: 2048 } }
  - { id: c, name: C, enabled: false, dropFolder: { path: /srv/drop/c } }
  - { id: d, name: D, poll: { url: "https://d.example/feed", everySeconds: 60 } }
`,
      'sources.yaml',
    );
    expect(loadDropTargets(doc, '/etc/newswire')).toEqual({
      targets: [
        { sourceId: 'a', format: 'application/ninjs+json', language: 'de', dropFolder: { path: '/srv/drop/a', quietSeconds: 5, maxBytes: 4 * 1024 * 1024 } },
        { sourceId: 'b', dropFolder: { path: '/etc/newswire/drops/b', quietSeconds: 0, maxBytes: 2048 } },
      ],
      problems: [],
    });
  });

  it('refuses two sources sharing a drop folder (each would ingest the other\'s files)', () => {
    const doc = parseSourcesDocument('sources:\n  - { id: a, name: A, dropFolder: { path: /srv/drop } }\n  - { id: b, name: B, dropFolder: { path: ../../srv/drop/ } }\n', 'sources.yaml');
    expect(loadDropTargets(doc, '/etc/newswire').problems).toEqual(['sources[1] "b": dropFolder.path: /srv/drop is already the drop folder of "a"']);
  });

  it('lists a source with references in place of secrets and API keys', () => {
    const [acme, lab] = parseSourcesDocument(full, 'sources.yaml').sources;
    const view = sourceView(acme);
    expect(view).toMatchObject({
      id: 'acme',
      channels: ['push', 'poll', 'dropFolder'],
      expectedCadenceSeconds: 900,
      push: { keys: [{ id: 'k1', secret: 'env:ACME_KEY' }] },
      poll: { url: 'https://feeds.acme.example/top.xml?apikey=REDACTED&lang=REDACTED', credentials: { header: 'Authorization', secret: 'file:secrets/acme-feed' } },
    });
    expect(JSON.stringify(view)).not.toContain('abc123');
    expect(sourceView(lab)).toMatchObject({ channels: ['poll'], push: null, dropFolder: null, provider: null, rateLimit: null });
  });

  it('reads ISO 8601 durations', () => {
    expect(['PT15M', 'P1D', 'PT1H30M', 'PT45S', 'P1DT1S'].map(durationSeconds)).toEqual([900, 86_400, 5_400, 45, 86_401]);
    expect(() => durationSeconds('P')).toThrow(RangeError);
    expect(() => durationSeconds('PT')).toThrow(RangeError);
    expect(redactQuery('https://x.example/a')).toBe('https://x.example/a');
  });
});
