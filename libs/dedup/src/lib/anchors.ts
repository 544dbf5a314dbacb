import { fmix32, fnv1a32 } from './hashing';

const LEAD_WORDS = 24;

function anchorHashes(words: readonly string[]): Set<number> {
  const hashes = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) {
    const gram = words.slice(i, i + 3);
    if (gram.some((w) => w.length >= 5)) hashes.add(fmix32(fnv1a32(gram.join(' ')) ^ 0x5bd1e995));
  }
  return hashes;
}

/** Index keys of this kind sort after every LSH band (see bandOf). */
export const ANCHOR_PREFIX = 'a';

/**
 * Rare-phrase anchors: a second index beside the LSH bands, for texts that
 * share most of one side but differ in size (a short re-send, a roundup
 * carrying a story). MinHash bands find pairs by Jaccard, which is small
 * when one text is a fifth of the other, whatever their containment.
 *
 * Anchors are word 3-grams with a word of 5+ characters (so "of the year"
 * is not one), sampled by their hash: a text keeps the 3-grams whose hash
 * has its low `level` bits zero, with the smallest level that leaves at most
 * `cap`. Sampling by value is consistent (a 3-gram kept at a level is kept at
 * every lower one), so a short text, sampled at a lower level, carries every
 * anchor a long text keeps from the part they share: with containment c
 * and size ratio r, about c * cap * r of them, and a miss needs all to fail.
 * That thins out for a one-paragraph text against a long one, so the lead
 * (the first LEAD_WORDS words, what a short re-send or an alert repeats)
 * adds all its anchors, unsampled: the re-send's lead is the original's.
 */
export function anchorKeys(words: readonly string[], cap: number): string[] {
  if (cap <= 0) return [];
  const hashes = anchorHashes(words);
  const lead = anchorHashes(words.slice(0, LEAD_WORDS));
  let level = 0;
  let kept = [...hashes];
  while (kept.length > cap && level < 31) {
    level++;
    const mask = (1 << level) - 1;
    kept = kept.filter((h) => (h & mask) === 0);
  }
  return [...new Set([...kept, ...lead])].sort((x, y) => x - y).map((h) => `${ANCHOR_PREFIX}:${h.toString(16).padStart(8, '0')}`);
}
