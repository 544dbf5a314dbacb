/** Numbers seen in one series: number -> when it last arrived (ms since the epoch). */
export type SeenNumbers = ReadonlyMap<number, number>;

/** At most this many missing numbers are listed (the count is always whole). */
export const MAX_LISTED_MISSING = 20;

export interface SeriesGaps {
  missing: number;
  /** The first missing numbers, in order. */
  listed: number[];
}

const noGaps = (): SeriesGaps => ({ missing: 0, listed: [] });

function add(gaps: SeriesGaps, numbers: Iterable<number>): void {
  for (const n of numbers) {
    gaps.missing += 1;
    if (gaps.listed.length < MAX_LISTED_MISSING) gaps.listed.push(n);
  }
}

function* holeOf(from: number, size: number, modulus: number): Generator<number> {
  for (let i = 1; i < size; i++) {
    const n = (from + i) % modulus;
    // Senders differ on whether 0 follows the last number or 1 does: 0 is never counted as lost.
    if (n !== 0) yield n;
  }
}

/**
 * Numbers missing from a wrapping agency sequence (ANPA's 0001-9999, then
 * again from the start). Order-free: the seen numbers are placed on the
 * ring, the widest stretch without any is where the window begins and ends
 * (not yet sent, or long gone), and every other hole is a lost message. A
 * number that arrives late fills its hole. Only holes whose upper number
 * arrived before `settledBefore` count, so a reordering in flight is not a gap.
 * The wrap may skip 0 (9999 -> 0001), so 0 is never counted as missing.
 */
export function wrappingGaps(seen: SeenNumbers, wrapsAfter: number, settledBefore: number): SeriesGaps {
  const modulus = wrapsAfter + 1;
  const numbers = [...seen.keys()].filter((n) => n >= 0 && n < modulus).sort((a, b) => a - b);
  if (numbers.length < 2) return noGaps();
  const steps = numbers.map((n, i) => ({ from: n, to: numbers[(i + 1) % numbers.length], size: (numbers[(i + 1) % numbers.length] - n + modulus) % modulus || modulus }));
  const widest = steps.reduce((w, s) => (s.size > w.size ? s : w));
  const gaps = noGaps();
  for (const step of steps) {
    if (step === widest || step.size < 2) continue;
    if ((seen.get(step.to) ?? Infinity) > settledBefore) continue;
    add(gaps, holeOf(step.from, step.size, modulus));
  }
  return gaps;
}

/**
 * Versions missing from a NewsML-G2 version chain (one item's versions
 * 1, 2, 3, ...): holes between the lowest and the highest seen. A chain
 * joined late (first seen at version 4) has no gap for 1-3.
 */
export function chainGaps(seen: SeenNumbers, settledBefore: number): SeriesGaps {
  const versions = [...seen.keys()].sort((a, b) => a - b);
  const gaps = noGaps();
  for (let i = 1; i < versions.length; i++) {
    const size = versions[i] - versions[i - 1];
    if (size >= 2 && (seen.get(versions[i]) ?? Infinity) <= settledBefore) add(gaps, Array.from({ length: size - 1 }, (_, k) => versions[i - 1] + 1 + k));
  }
  return gaps;
}
