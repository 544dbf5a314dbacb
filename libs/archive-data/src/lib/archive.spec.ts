import { capabilitiesFromBuildInfo } from './capabilities';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import { queryTerms, searchTermsOf } from './search-terms';
import { toStorable } from './storable';

describe('toStorable (what FerretDB 1.x refuses)', () => {
  it('renames dotted and $-prefixed keys, drops NaN and NUL, wraps nested arrays', () => {
    const out = toStorable({ 'a.b': 1, $where: 'x\u0000y', n: NaN, i: Infinity, grid: [[1, 2], 3], when: new Date(0), u: undefined });
    expect(out).toEqual({ 'a\uFF0Eb': 1, '\uFF04where': 'xy', n: null, i: null, grid: [{ items: [1, 2] }, 3], when: new Date(0) });
  });
});

describe('search terms', () => {
  it('folds case and accents and drops stopwords, identically for documents and queries', () => {
    expect(searchTermsOf('Díaz-Canel meets the President', 'of Cuba')).toEqual(['diaz', 'canel', 'meets', 'president', 'cuba']);
    expect(queryTerms('the DIAZ diaz')).toEqual(['diaz']);
    expect(queryTerms('the of')).toEqual([]);
  });
});

describe('capabilities', () => {
  it('tells FerretDB from MongoDB by its own buildInfo fields', () => {
    expect(capabilitiesFromBuildInfo({ version: '7.0.42', ferretdbVersion: 'v1.24.0' })).toEqual({ server: 'ferretdb', textSearch: false, listIndex: true });
    expect(capabilitiesFromBuildInfo({ version: '7.0.12' })).toEqual({ server: 'mongodb', textSearch: true, listIndex: false });
  });
});

describe('cursor', () => {
  it('round-trips and refuses anything it did not issue', () => {
    const at = { storedAt: new Date(1_700_000_000_123), id: 'wire|42' };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
    expect(() => decodeCursor('not-a-cursor')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(InvalidCursorError);
  });
});
