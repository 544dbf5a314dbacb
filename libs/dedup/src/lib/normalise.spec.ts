import fc from 'fast-check';
import { anchorKeys } from './anchors';
import { fnv1a32, fnv1a32Words, fmix32 } from './hashing';
import { createHash } from 'node:crypto';
import { contentHash, normaliseText } from './normalise';
import { shingleHashes } from './shingles';

// Stored content hashes, shingle sets, band and anchor keys depend on these functions' exact output:
// the faster forms are checked against the forms they replaced (kept here as the reference).
const referenceNormalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const referenceShingles = (words: string[], k: number) => {
  const set = new Set<number>();
  if (words.length > 0 && words.length < k) set.add(fnv1a32(words.join(' ')));
  for (let i = 0; i + k <= words.length; i++) set.add(fnv1a32(words.slice(i, i + k).join(' ')));
  return Uint32Array.from(set);
};

const referenceAnchors = (words: string[], cap: number) => {
  const hashesOf = (ws: string[]) => {
    const hashes = new Set<number>();
    for (let i = 0; i + 3 <= ws.length; i++) {
      const gram = ws.slice(i, i + 3);
      if (gram.some((w) => w.length >= 5)) hashes.add(fmix32(fnv1a32(gram.join(' ')) ^ 0x5bd1e995));
    }
    return hashes;
  };
  const lead = hashesOf(words.slice(0, 24));
  let kept = [...hashesOf(words)];
  for (let level = 1; kept.length > cap && level <= 31; level++) kept = kept.filter((h) => (h & ((1 << level) - 1)) === 0);
  return [...new Set([...kept, ...lead])].sort((x, y) => x - y).map((h) => `a:${h.toString(16).padStart(8, '0')}`);
};

const wireText = fc.array(fc.constantFrom('The', 'minister', "said", 'Économie', '‘quoted’', '“words”', '—', '–', '−', '′', '″', '«', '»', 'ﬁnance', 'Ⅻ', '2024', 'İstanbul', ' ', '\n', '...', 'straße', 'x'), { maxLength: 80 }).map((w) => w.join(' '));
const words = fc.array(fc.stringMatching(/^[a-zé0-9]{1,9}$/), { maxLength: 60 });

describe('normalisation and hashing keep their stored output', () => {
  it('normaliseText gives what the four-pass form gave', () => {
    fc.assert(fc.property(fc.oneof(wireText, fc.string({ unit: 'grapheme' })), (text) => normaliseText(text) === referenceNormalise(text)), { numRuns: 2000 });
  });

  it('contentHash, from the parts normalised apart, is the hash of the headline and body normalised together', () => {
    // Edges where joining could matter: Greek final sigma, combining marks, parts with no letters at all.
    const edge = fc.constantFrom('', 'ΟΔΟΣ', 'Σ', 'ς.', '\u0301', 'e\u0301', '...', ' \n', '\n\n', "'", 'ﬁ', 'İ');
    const part = fc.oneof(wireText, fc.string({ unit: 'grapheme' }), fc.tuple(edge, wireText, edge).map((p) => p.join('')));
    const joint = (h: string, b: string) => createHash('sha256').update(referenceNormalise(`${h}\n${b}`)).digest('hex');
    fc.assert(fc.property(part, part, (h, b) => contentHash(h, b) === joint(h, b) && contentHash(h, b, normaliseText(b)) === joint(h, b)), { numRuns: 3000 });
  });

  it('fnv1a32Words hashes the words as the joined string', () => {
    fc.assert(fc.property(words, fc.nat(60), fc.nat(60), (ws, a, b) => {
      const [from, to] = [Math.min(a, b, ws.length), Math.min(Math.max(a, b), ws.length)];
      return fnv1a32Words(ws, from, to) === fnv1a32(ws.slice(from, to).join(' '));
    }), { numRuns: 2000 });
  });

  it('shingles and anchor keys are those of the string-joining forms', () => {
    fc.assert(fc.property(words, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 }), (ws, k, cap) => {
      expect([...shingleHashes(ws.join(' '), k)]).toEqual([...referenceShingles(ws, k)]);
      expect(anchorKeys(ws, cap)).toEqual(cap <= 0 ? [] : referenceAnchors(ws, cap));
    }), { numRuns: 1000 });
  });
});
