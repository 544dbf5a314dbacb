/**
 * The article's shingles as kept for exact verification: sorted unique
 * 32-bit hashes. A very long text keeps only its `cap` smallest hashes; the
 * kept part is then a consistent sample (every text keeps the same hash
 * values below a bound), so comparisons are made over the hashes both sides
 * kept, and containment stays unbiased.
 */
export interface ShingleSet {
  hashes: Uint32Array;
  /** The largest hash value the set covers (0xffffffff when nothing was cut). */
  bound: number;
}

export const FULL_BOUND = 0xffffffff;

export function shingleSetOf(shingles: Uint32Array, cap: number): ShingleSet {
  const sorted = Uint32Array.from(shingles).sort();
  if (sorted.length <= cap) return { hashes: sorted, bound: FULL_BOUND };
  return { hashes: sorted.slice(0, cap), bound: sorted[cap - 1] };
}

export function encodeShingleSet(s: ShingleSet): string {
  const buf = Buffer.alloc(4 + s.hashes.length * 4);
  buf.writeUInt32LE(s.bound >>> 0, 0);
  for (let i = 0; i < s.hashes.length; i++) buf.writeUInt32LE(s.hashes[i], 4 + i * 4);
  return buf.toString('base64');
}

export function decodeShingleSet(encoded: string): ShingleSet {
  const buf = Buffer.from(encoded, 'base64');
  const hashes = new Uint32Array((buf.length - 4) / 4);
  for (let i = 0; i < hashes.length; i++) hashes[i] = buf.readUInt32LE(4 + i * 4);
  return { hashes, bound: buf.readUInt32LE(0) };
}

/** Sizes of each side and of the intersection, over the hash values both sides kept. */
export function overlap(a: ShingleSet, b: ShingleSet): { a: number; b: number; shared: number } {
  const bound = Math.min(a.bound, b.bound);
  let i = 0, j = 0, na = 0, nb = 0, shared = 0;
  while (i < a.hashes.length && a.hashes[i] <= bound) {
    while (j < b.hashes.length && b.hashes[j] < a.hashes[i]) { j++; nb++; }
    if (j < b.hashes.length && b.hashes[j] === a.hashes[i]) { shared++; j++; nb++; }
    i++; na++;
  }
  while (j < b.hashes.length && b.hashes[j] <= bound) { j++; nb++; }
  return { a: na, b: nb, shared };
}
