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

const unknownTopic = () => new KafkaJSProtocolError({ type: 'UNKNOWN_TOPIC_OR_PARTITION', code: 3, retriable: true, message: 'This server does not host this topic-partition' });

describe('subscribeWhenKnown', () => {
  it('subscribes again while the broker does not yet know a topic created a moment ago', async () => {
    const { consumer, calls } = consumerLearning(2, unknownTopic);
    await subscribeWhenKnown(consumer, ['news.article.received.v1'], true, 5_000);
    expect(calls).toHaveLength(3);
    expect(calls[2]).toEqual({ topics: ['news.article.received.v1'], fromBeginning: true });
  });

  it('fails at once on an error that asking again cannot mend', async () => {
    const denied = () => new KafkaJSProtocolError({ type: 'TOPIC_AUTHORIZATION_FAILED', code: 29, retriable: false, message: 'Not authorized to access topics' });
    const { consumer, calls } = consumerLearning(5, denied);
    await expect(subscribeWhenKnown(consumer, ['news.article.received.v1'], true, 5_000)).rejects.toThrow('Not authorized');
    expect(calls).toHaveLength(1);
  });
});
