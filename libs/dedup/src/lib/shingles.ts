import { fnv1a32 } from './hashing';
import { normaliseText } from './normalise';

export function wordsOf(text: string): string[] {
  const norm = normaliseText(text);
  return norm ? norm.split(' ') : [];
}

/**
 * Hashed word k-grams, deduplicated. Texts shorter than k words still get
 * one shingle so a one-liner is comparable at all.
 */
export function shingleHashes(text: string, k: number): Uint32Array {
  const words = wordsOf(text);
  const set = new Set<number>();
  if (words.length > 0 && words.length < k) set.add(fnv1a32(words.join(' ')));
  for (let i = 0; i + k <= words.length; i++) set.add(fnv1a32(words.slice(i, i + k).join(' ')));
  return Uint32Array.from(set);
}
