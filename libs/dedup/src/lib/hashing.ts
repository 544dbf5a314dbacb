/** FNV-1a: cheap, stable across processes and versions (the index outlives a deploy). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * fnv1a32 of `words[from..to)` joined by single spaces, without building the string: a text's
 * shingles and anchors hash hundreds of word k-grams, and the joins were most of their cost.
 */
export function fnv1a32Words(words: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < to; w++) {
    if (w > from) h = Math.imul(h ^ 0x20, 0x01000193);
    const word = words[w];
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: spreads every input bit over the output, so `x ^ seed` gives independent-looking permutations. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds: signatures stored today must compare with those computed after a restart. */
export function seeds(count: number): Uint32Array {
  const out = new Uint32Array(count);
  let s = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    out[i] = fmix32(s);
  }
  return out;
}
