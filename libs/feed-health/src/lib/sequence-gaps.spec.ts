import { chainGaps, wrappingGaps } from './sequence-gaps';

const seenAt = (numbers: number[], at = 0) => new Map(numbers.map((n) => [n, at]));

describe('wrappingGaps (ANPA 1312 / IPTC 7901 sequence numbers)', () => {
  it('finds the numbers missing between those seen, whatever order they came in', () => {
    expect(wrappingGaps(seenAt([12, 10, 15, 11]), 9999, 1)).toEqual({ missing: 2, listed: [13, 14] });
    expect(wrappingGaps(seenAt([10, 11, 12]), 9999, 1)).toEqual({ missing: 0, listed: [] });
  });

  it('runs across the wrap of a four-digit sequence (9998, 9999, 0001 is whole; 9997, 0002 misses three: 0 is never counted)', () => {
    expect(wrappingGaps(seenAt([9998, 9999, 1, 2]), 9999, 1)).toEqual({ missing: 0, listed: [] });
    expect(wrappingGaps(seenAt([9996, 9997, 2, 3]), 9999, 1)).toEqual({ missing: 3, listed: [9998, 9999, 1] });
    expect(wrappingGaps(seenAt([9999, 0, 1]), 9999, 1)).toEqual({ missing: 0, listed: [] });
  });

  it('does not count a hole until the number after it has settled (a message overtaken in flight)', () => {
    const seen = new Map([
      [1, 0],
      [3, 5_000],
    ]);
    expect(wrappingGaps(seen, 9999, 4_000).missing).toBe(0);
    expect(wrappingGaps(seen, 9999, 5_000)).toEqual({ missing: 1, listed: [2] });
  });
});

describe('chainGaps (NewsML-G2 versions of one item)', () => {
  it('counts versions missing between the lowest and highest seen, not those before the first seen', () => {
    expect(chainGaps(seenAt([4, 5, 8]), 1)).toEqual({ missing: 2, listed: [6, 7] });
    expect(chainGaps(seenAt([3]), 1)).toEqual({ missing: 0, listed: [] });
  });
});
