import type { Consumer } from 'kafkajs';
import { KafkaJSProtocolError } from 'kafkajs';
import { subscribeWhenKnown } from './subscribe';

/** A consumer whose broker learns the topic only after `unknownFor` metadata requests. */
function consumerLearning(unknownFor: number, error: () => Error) {
  const calls: unknown[] = [];
  const consumer = {
    subscribe: async (args: unknown) => {
      calls.push(args);
      if (calls.length <= unknownFor) throw error();
    },
  } as unknown as Consumer;
  return { consumer, calls };
}

/** Built as kafkajs builds one from a broker's error code (its constructor reads these fields off the error it is given). */
const protocolError = (message: string, type: string, code: number, retriable: boolean) => new KafkaJSProtocolError(Object.assign(new Error(message), { type, code, retriable }));

const unknownTopic = () => protocolError('This server does not host this topic-partition', 'UNKNOWN_TOPIC_OR_PARTITION', 3, true);

describe('subscribeWhenKnown', () => {
  it('subscribes again while the broker does not yet know a topic created a moment ago', async () => {
    const { consumer, calls } = consumerLearning(2, unknownTopic);
    await subscribeWhenKnown(consumer, ['news.article.received.v1'], true, 5_000);
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual({ topics: ['news.article.received.v1'], fromBeginning: true });
  });

  it('fails at once on an error that asking again cannot mend', async () => {
    const denied = () => protocolError('Not authorized to access topics', 'TOPIC_AUTHORIZATION_FAILED', 29, false);
    const { consumer, calls } = consumerLearning(5, denied);
    await expect(subscribeWhenKnown(consumer, ['news.article.received.v1'], true, 5_000)).rejects.toThrow('Not authorized');
    expect(calls).toHaveLength(1);
  });
});
