/**
 * Case 1: the ingester driven at saturation with ordinary 3-5 KB stories
 * against a broker at its default settings (message.max.bytes 1 MB), so a
 * backlog builds up in front of every stage and they consume in big batches.
 */
import type { FaultCase } from '../harness/case';

export const saturation: FaultCase = {
  name: 'saturation',
  short: true,
  // The backlog is the point: the stages need time to work through it.
  idleTimeoutMs: 1_200_000,
  async run(ctx) {
    const count = ctx.short ? 2000 : 6000;
    const traffic = ctx.startTraffic({ count, concurrency: 32 });
    await traffic.finish();
    const s = traffic.stats();
    ctx.note(`ingested ${(s.accepted / (s.durationMs / 1000)).toFixed(0)} stories/s`);
    const backlog = await ctx.kafka.lags();
    ctx.note(`backlog when the traffic ended ${JSON.stringify(backlog)}`);
    if (Object.values(backlog).every((lag) => lag === 0)) ctx.note('no backlog built up: not a saturation run');
  },
};
