import { fmix32, fnv1a32Words } from './hashing';

const LEAD_WORDS = 24;

/** Every anchor 3-gram's hash, and apart those of the lead (the 3-grams within its first LEAD_WORDS words). */
function anchorHashes(words: readonly string[]): { all: Set<number>; lead: Set<number> } {
  const all = new Set<number>();
  const lead = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) {
    if (words[i].length < 5 && words[i + 1].length < 5 && words[i + 2].length < 5) continue;
    const hash = fmix32(fnv1a32Words(words, i, i + 3) ^ 0x5bd1e995);
    all.add(hash);
    if (i + 3 <= LEAD_WORDS) lead.add(hash);
  }
  return { all, lead };
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
  const { all, lead } = anchorHashes(words);
  let level = 0;
  let kept = [...all];
  while (kept.length > cap && level < 31) {
    level++;
    const mask = (1 << level) - 1;
    kept = kept.filter((h) => (h & mask) === 0);
  }
  return [...new Set([...kept, ...lead])].sort((x, y) => x - y).map((h) => `${ANCHOR_PREFIX}:${h.toString(16).padStart(8, '0')}`);
}
