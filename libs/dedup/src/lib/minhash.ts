import { fmix32, seeds } from './hashing';

const SEED_CACHE = new Map<number, Uint32Array>();

function seedsFor(n: number): Uint32Array {
  let s = SEED_CACHE.get(n);
  if (!s) SEED_CACHE.set(n, (s = seeds(n)));
  return s;
}

/** MinHash signature: for each of n hash functions, the minimum over the shingles. */
export function minhash(shingles: Uint32Array, n: number): Uint32Array {
  const sd = seedsFor(n);
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (let j = 0; j < shingles.length; j++) {
    const x = shingles[j];
    for (let i = 0; i < n; i++) {
      const v = fmix32(x ^ sd[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/**
 * LSH band keys `"<band>:<hex>"`: two texts become candidates when all rows
 * of one band agree. The key is a plain string so the index can look it up by
 * `_id` equality, the one query FerretDB serves from an index.
 */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[b * rows + r], 0x01000193) >>> 0;
    keys.push(`${b}:${fmix32(h).toString(16).padStart(8, '0')}${(sig[b * rows] & 0xffff).toString(16).padStart(4, '0')}`);
  }
  return keys;
}

/**
 * Only the low 16 bits of each value are stored (b-bit minwise hashing): a
 * chance agreement is 1/65536, negligible, and a signature costs 256 bytes.
 */
export function compactSignature(sig: Uint32Array): string {
  const low = new Uint16Array(sig.length);
  for (let i = 0; i < sig.length; i++) low[i] = sig[i] & 0xffff;
  return Buffer.from(low.buffer).toString('base64');
}

export function expandSignature(encoded: string): Uint16Array {
  const buf = Buffer.from(encoded, 'base64');
  const out = new Uint16Array(buf.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt16LE(i * 2);
  return out;
}
