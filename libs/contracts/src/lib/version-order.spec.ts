import fc from 'fast-check';
import { compareVersions, describeVersion, versionRankOf, type Versioned } from './version-order';

const at = (iso: string) => ({ receivedAt: iso });

describe('versionRankOf', () => {
  it('orders by version number, then version time; a version carrying neither by its arrival', () => {
    expect(versionRankOf({ version: 2 }) > versionRankOf({ version: 1, versionCreated: '2030-01-01T00:00:00Z' })).toBe(true);
    expect(versionRankOf({ version: 10 }) > versionRankOf({ version: 9 })).toBe(true);
    expect(versionRankOf({ versionCreated: '2024-05-20T10:00:00Z' }) > versionRankOf({ versionCreated: '2024-05-20T09:00:00Z' })).toBe(true);
    // A numbered version outranks an unnumbered one, whatever their times.
    expect(versionRankOf({ version: 1, source: at('2024-01-01T00:00:00Z') }) > versionRankOf({ versionCreated: '2030-01-01T00:00:00Z' })).toBe(true);
    // An unversioned re-send received later is newer; a re-sent numbered or timed version is not.
    expect(versionRankOf({ source: at('2024-01-02T00:00:00Z') }) > versionRankOf({ source: at('2024-01-01T00:00:00Z') })).toBe(true);
    expect(versionRankOf({ version: 2, source: at('2024-01-02T00:00:00Z') })).toBe(versionRankOf({ version: 2, source: at('2024-01-01T00:00:00Z') }));
    expect(versionRankOf({ versionCreated: '2024-01-01T08:00:00Z', source: at('2024-01-02T00:00:00Z') })).toBe(
      versionRankOf({ versionCreated: '2024-01-01T08:00:00Z', source: at('2024-01-01T09:00:00Z') }),
    );
  });

  it('is fixed-width and clamps what does not fit instead of breaking the order', () => {
    expect(versionRankOf({ version: 1e12, versionCreated: 'not a date' })).toBe('9999999999:000000000000000');
    expect(versionRankOf({ versionCreated: '1960-01-01T00:00:00Z' })).toBe('0000000000:000000000000000');
    expect(versionRankOf({})).toHaveLength(26);
  });

  it('names the version in explanations', () => {
    expect(describeVersion({ version: 3 })).toBe('version 3');
    expect(describeVersion({ versionCreated: '2024-01-01T00:00:00Z' })).toBe('version of 2024-01-01T00:00:00Z');
    expect(describeVersion({ source: at('2024-01-01T00:00:00Z') })).toBe('unversioned, received 2024-01-01T00:00:00Z');
  });
});

/** Versions as agencies send them: numbered or not, timed or not, received at any time, in any order. */
const instant = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
const versioned: fc.Arbitrary<Versioned> = fc.record(
  { version: fc.option(fc.nat({ max: 50 }), { nil: undefined }), versionCreated: fc.option(instant, { nil: undefined }), source: fc.record({ receivedAt: instant }) },
  { requiredKeys: ['source'] },
);

/** The tuple the order is defined by, written out independently of the string encoding. */
function tupleOf(v: Versioned): [number, number] {
  const time = v.versionCreated ?? (v.version === undefined ? v.source?.receivedAt : undefined);
  return [v.version ?? 0, time ? Date.parse(time) : 0];
}

describe('the version order (property)', () => {
  it('is the lexicographic order of (number, time), a total preorder: antisymmetric and transitive', () => {
    fc.assert(
      fc.property(versioned, versioned, versioned, (a, b, c) => {
        const [ta, tb] = [tupleOf(a), tupleOf(b)];
        const expected = Math.sign(ta[0] - tb[0] || ta[1] - tb[1]);
        expect(compareVersions(a, b)).toBe(expected);
        expect(compareVersions(b, a)).toBe(-expected || 0);
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('picks the same current version whatever order the versions arrive in', () => {
    fc.assert(
      fc.property(fc.array(versioned, { minLength: 1, maxLength: 8 }), fc.func(fc.integer()), (versions, shuffleKey) => {
        const current = (list: Versioned[]) => list.reduce((best, v) => (compareVersions(v, best) > 0 ? v : best));
        const shuffled = [...versions].sort((x, y) => shuffleKey(x) - shuffleKey(y));
        expect(versionRankOf(current(shuffled))).toBe(versionRankOf(current(versions)));
      }),
    );
  });
});
