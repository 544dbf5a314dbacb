/**
 * Case 6: a handler slower than the session timeout. Stages run with the
 * smallest session timeout the config allows (6 s); one of two storage
 * instances, then the single deduplicator, is frozen (SIGSTOP) for 20 s
 * with a batch in hand, so the group evicts it and (for storage) hands its
 * partitions to the other instance; then it is resumed (SIGCONT) and must
 * notice it lost its partitions without losing or doubling a story.
 */
import { type FaultCase, faultFor } from '../harness/case';

const FREEZE_MS = 20_000;

export const slowHandler: FaultCase = {
  name: 'slow-handler',
  short: false,
  pipeline: {
    stageEnv: { deduplicator: { KAFKA_SESSION_TIMEOUT_MS: '6000' }, storage: { KAFKA_SESSION_TIMEOUT_MS: '6000' } },
    instances: { storage: 2 },
  },
  async run(ctx) {
    const traffic = ctx.startTraffic({ count: 1500, concurrency: 16, ratePerSecond: 25 });
    for (const [label, target, at] of [
      ['storage-1', ctx.pipeline.stage('storage', 0), 300],
      ['deduplicator', ctx.pipeline.stage('deduplicator'), 900],
    ] as const) {
      await traffic.whenAccepted(at);
      await target.whenReady();
      const lag = await ctx.kafka.waitBusy(label.startsWith('storage') ? 'storage' : 'deduplicator');
      target.pause();
      ctx.note(`${label} frozen at ${ctx.elapsed()} (lag ${lag}) for ${FREEZE_MS / 1000}s`);
      await faultFor(FREEZE_MS);
      target.resume();
    }
    await traffic.finish();
  },
};
