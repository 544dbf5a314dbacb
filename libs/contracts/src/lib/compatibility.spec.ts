import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractTopics, topicJsonSchema } from './json-schema';
import { breakingChanges } from './schema-compat';

const SNAPSHOTS = join(__dirname, '../../../../deploy/contracts/schemas');
const REGENERATE = 'npm run asyncapi:generate (npx ts-node -P tsconfig.tools.json tools/contracts/asyncapi.ts)';

/**
 * The committed schemas are what subscribers were promised. A topic's schema
 * may grow (optional fields, enum values) but never break; a breaking change
 * needs a new topic version (`...v2`), whose snapshot starts fresh.
 */
describe('topic contracts stay compatible with their committed snapshots', () => {
  it.each(contractTopics())('%s', (topic) => {
    const file = join(SNAPSHOTS, `${topic}.json`);
    if (!existsSync(file)) {
      // A new topic (or a new version of one): nothing to be compatible with yet.
      console.warn(`${topic}: no committed schema; run ${REGENERATE} and commit deploy/contracts`);
      return;
    }
    const committed = JSON.parse(readFileSync(file, 'utf8'));
    const current = topicJsonSchema(topic);
    const breaking = breakingChanges(committed, current);
    if (breaking.length) {
      throw new Error(`${topic} changed incompatibly; publish a new topic version instead:\n  ${breaking.join('\n  ')}`);
    }
    if (JSON.stringify(committed) !== JSON.stringify(current)) {
      console.warn(`${topic}: compatible change; run ${REGENERATE} and commit deploy/contracts`);
    }
  });
});

describe('breakingChanges', () => {
  const base = {
    type: 'object',
    required: ['id', 'status'],
    properties: { id: { type: 'string' }, status: { enum: ['a', 'b'] }, n: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } },
  };
  const change = (f: (s: typeof base & Record<string, unknown>) => void) => {
    const next = JSON.parse(JSON.stringify(base));
    f(next);
    return breakingChanges(base, next);
  };

  it('lets additive optional changes through', () => {
    expect(change((s) => Object.assign(s.properties, { extra: { type: 'string' } }))).toEqual([]);
    expect(change((s) => s.properties.status.enum.push('c'))).toEqual([]);
    expect(change((s) => (s.required = ['id']))).toEqual([]);
    expect(change((s) => Object.assign(s.properties.n, { type: ['number', 'null'] }))).toEqual([]);
  });

  it('catches removed fields, new required fields and narrowed types, enums and bounds', () => {
    expect(change((s) => delete (s.properties as Record<string, unknown>)['n'])).toEqual(['$.n: field removed']);
    expect(change((s) => s.required.push('n'))).toEqual(['$.n: newly required']);
    expect(change((s) => Object.assign(s.properties.n, { type: 'integer' }))).toEqual(['$.n: type narrowed (no longer number)']);
    expect(change((s) => s.properties.status.enum.pop())).toEqual([expect.stringContaining('$.status: enum narrowed')]);
    expect(change((s) => Object.assign(s.properties.tags.items, { maxLength: 5 }))).toEqual(['$.tags[]: maxLength lowered to 5']);
    expect(change((s) => Object.assign(s.properties.id, { format: 'uuid' }))).toEqual(['$.id: format now uuid']);
  });
});
