/**
 * Case 8: two instances of every stage in one consumer group each; under
 * load one instance of each stage is SIGKILLed in turn and stays dead, so
 * the survivor must take over its partitions (after the 10 s session
 * timeout) and finish everything.
 */
import type { FaultCase } from '../harness/case';
import { STAGES } from '../harness/kafka-state';

export const twoInstances: FaultCase = {
  name: 'two-instances',
  short: false,
  pipeline: { env: { KAFKA_SESSION_TIMEOUT_MS: '10000' }, instances: { enricher: 2, deduplicator: 2, storage: 2 } },
  async run(ctx) {
    const traffic = ctx.startTraffic({ count: 1800, concurrency: 16, ratePerSecond: 25 });
    let at = 400;
    for (const stage of STAGES) {
      await traffic.whenAccepted(at);
      at += 400;
      const victim = ctx.pipeline.stage(stage, Math.round(Math.random()));
      const lag = await ctx.kafka.lag(stage);
      await victim.kill({ stay: true });
      ctx.note(`${victim.label} SIGKILLed for good at ${ctx.elapsed()} (lag ${lag})`);
    }
    await traffic.finish();
  },
};
