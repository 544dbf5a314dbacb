/**
 * Case 7: the store (FerretDB) stopped for 2 minutes under traffic (45 s
 * in the short run, still longer than the retry budget of the stages),
 * then started again on the same state folder.
 */
import { type FaultCase, faultFor } from '../harness/case';

export const storeDown: FaultCase = {
  name: 'store-down',
  short: true,
  async run(ctx) {
    const outageMs = ctx.short ? 45_000 : 120_000;
    const rate = 20;
    const count = Math.round(((outageMs + 40_000) / 1000) * rate);
    const traffic = ctx.startTraffic({ count, concurrency: 8, ratePerSecond: rate });
    await traffic.whenAccepted(300);
    await ctx.infra.stopFerretDb();
    ctx.note(`store stopped at ${ctx.elapsed()} for ${outageMs / 1000}s`);
    await faultFor(outageMs);
    await ctx.infra.startFerretDb();
    ctx.note(`store back at ${ctx.elapsed()} (${traffic.accepted} accepted)`);
    await traffic.finish();
  },
};
