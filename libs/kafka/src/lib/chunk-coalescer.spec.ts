import { ChunkCoalescer } from './chunk-coalescer';

describe('ChunkCoalescer', () => {
  const doubling = () => {
    const calls: number[][] = [];
    const coalescer = new ChunkCoalescer<number, string, number>(
      async (values) => {
        calls.push(values);
        return values.map((v) => v * 2);
      },
      { maxValues: 100, maxBytes: 1_000_000 },
    );
    return { calls, coalescer };
  };

  it('joins the chunks handed over in one turn into one handler call and gives each caller its own outputs, in order', async () => {
    const { calls, coalescer } = doubling();
    const [a, b, c] = await Promise.all([coalescer.call([1, 2], ['a', 'a']), coalescer.call([3], ['b']), coalescer.call([4, 5, 6], ['c', 'c', 'c'])]);
    expect(calls).toEqual([[1, 2, 3, 4, 5, 6]]);
    expect(a).toEqual({ outputs: [2, 4], joinedValues: 6 });
    expect(b).toEqual({ outputs: [6], joinedValues: 6 });
    expect(c).toEqual({ outputs: [8, 10, 12], joinedValues: 6 });
  });

  it('does not hold a chunk back for company: a call in a later turn is a call of its own', async () => {
    const { calls, coalescer } = doubling();
    expect((await coalescer.call([1], ['a'])).outputs).toEqual([2]);
    expect((await coalescer.call([2], ['b'])).outputs).toEqual([4]);
    expect(calls).toEqual([[1], [2]]);
  });

  it('passes the contexts along with their values', async () => {
    const seen: string[][] = [];
    const coalescer = new ChunkCoalescer<number, string, number>(
      async (values, ctxs) => {
        seen.push(ctxs);
        return values;
      },
      { maxValues: 100, maxBytes: 1_000_000 },
    );
    await Promise.all([coalescer.call([1], ['p0']), coalescer.call([2, 3], ['p1', 'p1'])]);
    expect(seen).toEqual([['p0', 'p1', 'p1']]);
  });

  it('fails every joined chunk when the call fails, so each caller can replay its own messages', async () => {
    const coalescer = new ChunkCoalescer<number, string, number>(
      async () => {
        throw new Error('poison');
      },
      { maxValues: 100, maxBytes: 1_000_000 },
    );
    const results = await Promise.allSettled([coalescer.call([1], ['a']), coalescer.call([2], ['b'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('poison'));
  });

  it('fails the joined chunks when the handler returns the wrong number of output lists', async () => {
    const coalescer = new ChunkCoalescer<number, string, number>(async (values) => values.slice(1), { maxValues: 100, maxBytes: 1_000_000 });
    await expect(Promise.all([coalescer.call([1], ['a']), coalescer.call([2], ['b'])])).rejects.toThrow('returned 1 output lists for 2 inputs');
  });

  it('never joins past the limits of one chunk: what does not fit waits for the next call, in arrival order', async () => {
    const calls: number[][] = [];
    const coalescer = new ChunkCoalescer<number, string, number>(
      async (values) => {
        calls.push(values);
        return values;
      },
      { maxValues: 4, maxBytes: 100 },
    );
    await Promise.all([
      coalescer.call([1, 2], ['a', 'a'], 10),
      coalescer.call([3, 4], ['b', 'b'], 10),
      coalescer.call([5], ['c'], 10),
      coalescer.call([6], ['d'], 95),
      coalescer.call([7, 8, 9, 10, 11], ['e', 'e', 'e', 'e', 'e'], 10),
    ]);
    // [5] would make five values; [6] alone is under the byte limit but not with [5]; a chunk over the limit goes alone.
    expect(calls).toEqual([[1, 2, 3, 4], [5], [6], [7, 8, 9, 10, 11]]);
  });

  it('runs one call at a time: chunks handed over while a call runs wait for it and are joined after', async () => {
    let running = 0;
    let most = 0;
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const coalescer = new ChunkCoalescer<number, string, number>(
      async (values) => {
        running += 1;
        most = Math.max(most, running);
        calls.push(values);
        if (values[0] === 1) await gate;
        running -= 1;
        return values;
      },
      { maxValues: 100, maxBytes: 1_000_000 },
    );
    const first = coalescer.call([1], ['a']);
    await new Promise((resolve) => setImmediate(resolve));
    // The first call is running (held at the gate): these two arrive meanwhile.
    const later = [coalescer.call([2], ['b']), coalescer.call([3], ['c'])];
    release();
    await Promise.all([first, ...later]);
    expect(most).toBe(1);
    expect(calls).toEqual([[1], [2, 3]]);
  });
});
