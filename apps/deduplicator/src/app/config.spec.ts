import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@newswire/config';
import { DedupEnv, dedupOptionsFrom } from './config';

describe('the deduplicator reads per-source dedup rules from the source registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dedup-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('merges the registry sources with dedup.distinctIds into the env list, once each', () => {
    const registry = file(
      'sources.yaml',
      [
        'sources:',
        '  - { id: strict-wire, name: Strict, dedup: { distinctIds: true }, push: { keys: [{ id: k, secretEnv: K }] } }',
        '  - { id: loose-wire, name: Loose, push: { keys: [{ id: k, secretEnv: K }] } }',
        '  - { id: env-too, name: Both, dedup: { distinctIds: true }, push: { keys: [{ id: k, secretEnv: K }] } }',
      ].join('\n'),
    );
    const options = dedupOptionsFrom(DedupEnv.parse({ SOURCES_FILE: registry, DEDUP_DISTINCT_ID_SOURCES: 'env-too,other' }));
    expect(options.sourceRules.map((r) => r.source).sort()).toEqual(['env-too', 'other', 'strict-wire']);
    expect(options.sourceRules.every((r) => r.distinctIds)).toBe(true);
  });

  it('without a registry only the env list counts', () => {
    expect(dedupOptionsFrom(DedupEnv.parse({ DEDUP_DISTINCT_ID_SOURCES: 'a' })).sourceRules).toEqual([{ source: 'a', distinctIds: true }]);
  });

  it('stops start-up on a registry that is missing or invalid, naming the entry', () => {
    expect(() => dedupOptionsFrom(DedupEnv.parse({ SOURCES_FILE: join(dir, 'absent.yaml') }))).toThrow(ConfigError);
    const bad = file('bad.yaml', 'sources:\n  - { id: BAD ID, name: x }\n');
    expect(() => dedupOptionsFrom(DedupEnv.parse({ SOURCES_FILE: bad }))).toThrow(/SOURCES_FILE .*bad\.yaml: sources\[0\]/);
  });
});
