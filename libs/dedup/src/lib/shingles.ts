import { fnv1a32Words } from './hashing';
import { normaliseText } from './normalise';

export function wordsOf(text: string, normalised = normaliseText(text)): string[] {
  return normalised ? normalised.split(' ') : [];
}

/**
 * Hashed word k-grams, deduplicated. Texts shorter than k words still get
 * one shingle so a one-liner is comparable at all.
 */
export function shingleHashes(text: string, k: number): Uint32Array {
  return shingleHashesOfWords(wordsOf(text), k);
}

/** shingleHashes over words already split (wordsOf), so a caller that needs both normalises once. */
export function shingleHashesOfWords(words: readonly string[], k: number): Uint32Array {
  const set = new Set<number>();
  if (words.length > 0 && words.length < k) set.add(fnv1a32Words(words, 0, words.length));
  for (let i = 0; i + k <= words.length; i++) set.add(fnv1a32Words(words, i, i + k));
  return Uint32Array.from(set);
}
