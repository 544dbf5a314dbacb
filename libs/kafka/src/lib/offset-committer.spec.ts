import { byTopic, OffsetCommitter, type PartitionOffset } from './offset-committer';

/** A commit request the test answers by hand. */
interface Request {
  offsets: PartitionOffset[];
  answer: (err?: Error) => void;
}

function committer() {
  const requests: Request[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const c = new OffsetCommitter(
    (offsets) =>
      new Promise<void>((resolve, reject) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        requests.push({ offsets, answer: (err) => (inFlight--, err ? reject(err) : resolve()) });
      }),
  );
  return { c, requests, mostInFlight: () => mostInFlight };
}

/** Lets setImmediate callbacks (the committer's flush) run. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const at = (partition: number, offset: number): PartitionOffset => ({ topic: 't', partition, offset: String(offset) });

describe('OffsetCommitter', () => {
  it('sends the offsets committed in one turn in one request, and settles no caller before it is answered', async () => {
    const { c, requests } = committer();
    const settled: number[] = [];
    const done = [c.commit(at(0, 5)), c.commit(at(1, 7)), c.commit(at(2, 9))].map((p, i) => p.then(() => settled.push(i)));
    await nextTurn();
    expect(requests.map((r) => r.offsets)).toEqual([[at(0, 5), at(1, 7), at(2, 9)]]);
    expect(settled).toEqual([]);
    requests[0].answer();
    await Promise.all(done);
    expect(settled.sort()).toEqual([0, 1, 2]);
  });

  it('holds a commit made while a request is in flight for the next request, which carries each partition’s latest offset', async () => {
    const { c, requests, mostInFlight } = committer();
    const first = c.commit(at(0, 5));
    await nextTurn();
    const second = c.commit(at(0, 6));
    const third = c.commit(at(0, 8));
    const other = c.commit(at(1, 3));
    await nextTurn();
    expect(requests).toHaveLength(1);
    requests[0].answer();
    await first;
    await nextTurn();
    expect(requests).toHaveLength(2);
    expect(requests[1].offsets).toEqual([at(0, 8), at(1, 3)]);
    requests[1].answer();
    await Promise.all([second, third, other]);
    expect(mostInFlight()).toBe(1);
  });

  it('fails every caller of a refused request with its error, and commits again afterwards', async () => {
    const { c, requests } = committer();
    const a = c.commit(at(0, 5));
    const b = c.commit(at(1, 5));
    await nextTurn();
    requests[0].answer(new Error('REBALANCE_IN_PROGRESS'));
    await expect(a).rejects.toThrow('REBALANCE_IN_PROGRESS');
    await expect(b).rejects.toThrow('REBALANCE_IN_PROGRESS');
    const later = c.commit(at(0, 5));
    await nextTurn();
    expect(requests[1].offsets).toEqual([at(0, 5)]);
    requests[1].answer();
    await expect(later).resolves.toBeUndefined();
  });
});

describe('byTopic', () => {
  it('groups offsets by topic in the shape kafkajs commits', () => {
    expect(byTopic([{ topic: 'a', partition: 0, offset: '5' }, { topic: 'b', partition: 1, offset: '7' }, { topic: 'a', partition: 2, offset: '9' }])).toEqual({
      topics: [
        { topic: 'a', partitions: [{ partition: 0, offset: '5' }, { partition: 2, offset: '9' }] },
        { topic: 'b', partitions: [{ partition: 1, offset: '7' }] },
      ],
    });
  });
});
