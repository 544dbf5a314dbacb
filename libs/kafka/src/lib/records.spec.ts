import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { classifyPublishFailure, RecordTooLargeError } from './publish-failures';
import { BATCH_OVERHEAD, chunkByBytes } from './records';

const rec = (bytes: number, id = bytes) => ({ id, bytes });

describe('chunkByBytes', () => {
  it('keeps every request under the limit and the records in order', () => {
    const groups = Array.from({ length: 100 }, (_, i) => [rec(15_000, i)]);
    const chunks = chunkByBytes(groups, 1_048_576);
    for (const c of chunks) expect(c.reduce((s, r) => s + r.bytes, 0)).toBeLessThanOrEqual(1_048_576 - BATCH_OVERHEAD);
    expect(chunks.flat().map((r) => r.id)).toEqual(groups.flat().map((r) => r.id));
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('keeps the outputs of one input together unless they alone are over the limit', () => {
    const chunks = chunkByBytes([[rec(400, 1), rec(400, 2)], [rec(400, 3), rec(400, 4)]], 1500 + BATCH_OVERHEAD);
    expect(chunks.map((c) => c.map((r) => r.id))).toEqual([[1, 2], [3, 4]]);
    const split = chunkByBytes([[rec(800, 1), rec(800, 2), rec(800, 3)]], 1700 + BATCH_OVERHEAD);
    expect(split.map((c) => c.map((r) => r.id))).toEqual([[1, 2], [3]]);
  });
});

describe('classifyPublishFailure', () => {
  const protocol = (type: string, retriable: boolean) => new KafkaJSProtocolError({ message: type, type, code: 1, retriable } as never);

  it('charges refusals of the record itself to the record, through kafkajs wrappers', () => {
    const tooLarge = protocol('MESSAGE_TOO_LARGE', false);
    // kafkajs wraps a non-retriable answer with its cause (retry/index.js); its typings omit the options.
    const wrapped = Object.assign(new KafkaJSNonRetriableError(tooLarge), { cause: tooLarge });
    expect(classifyPublishFailure(wrapped).kind).toBe('record');
    expect(classifyPublishFailure(new RecordTooLargeError('t', 10, 5)).kind).toBe('record');
    expect(classifyPublishFailure(new TypeError('cannot encode')).kind).toBe('record');
  });

  it('treats an unreachable broker, moving leaders and exhausted retries as transient', () => {
    const refused = new KafkaJSConnectionError('connect ECONNREFUSED 127.0.0.1:9092');
    expect(classifyPublishFailure(refused).kind).toBe('transient');
    expect(classifyPublishFailure(new (KafkaJSNumberOfRetriesExceeded as unknown as new (e: Error, m: object) => Error)(refused, { retryCount: 5, retryTime: 1000 })).kind).toBe('transient');
    expect(classifyPublishFailure(protocol('NOT_ENOUGH_REPLICAS', true)).kind).toBe('transient');
    expect(classifyPublishFailure(protocol('TOPIC_AUTHORIZATION_FAILED', false)).kind).toBe('transient');
  });
});
