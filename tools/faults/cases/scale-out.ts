/**
 * Scaling out under load: two instances of every stage share its input's
 * three partitions; mid-stream a third instance of each stage joins its
 * group. The group must rebalance so that every member owns a partition,
 * and nothing may be lost or stored twice across the rebalances.
 */
import { type FaultCase, faultFor } from '../harness/case';
import { STAGES } from '../harness/kafka-state';

const WAIT_FOR_BALANCE_MS = 60_000;

export const scaleOut: FaultCase = {
  name: 'scale-out',
  short: false,
  pipeline: { instances: { enricher: 2, deduplicator: 2, storage: 2 } },
  async run(ctx) {
    const traffic = ctx.startTraffic({ count: 1500, concurrency: 16, ratePerSecond: 25 });
    await traffic.whenAccepted(400);
    for (const stage of STAGES) {
      const before = await ctx.kafka.assignment(stage);
      const added = await ctx.pipeline.addInstance(stage);
      const deadline = Date.now() + WAIT_FOR_BALANCE_MS;
      let after = await ctx.kafka.assignment(stage);
      // Polled: the rebalance is the broker's, and no event of ours announces its end.
      while (Date.now() < deadline && !(after.size === 3 && [...after.values()].every((p) => p.length > 0))) {
        await faultFor(500);
        after = await ctx.kafka.assignment(stage);
      }
      const shown = (m: Map<string, number[]>) => [...m].map(([id, p]) => `${id}:[${p.join(',')}]`).join(' ');
      ctx.note(`${added.label} joined at ${ctx.elapsed()}: ${shown(before)} -> ${shown(after)}`);
      if (after.size !== 3 || [...after.values()].some((p) => p.length === 0)) {
        ctx.fail(`${stage}: after adding an instance the group is ${shown(after)}, not three members each owning a partition`);
      }
    }
    await traffic.finish();
  },
};
