/**
 * Case 3: every client connection to the broker goes through a TCP proxy
 * (the broker advertises the proxy's port): first 150 ms of latency each
 * way, then the link blackholed (nothing passes, nothing is reset), then
 * restored, then cut with resets, then restored.
 */
import { type FaultCase, faultFor } from '../harness/case';

export const networkProxy: FaultCase = {
  name: 'network-proxy',
  short: false,
  infra: 'proxy',
  async run(ctx) {
    const proxy = ctx.infra.proxy;
    if (!proxy) throw new Error('no proxy');
    const traffic = ctx.startTraffic({ count: 1500, concurrency: 16, ratePerSecond: 25, requestTimeoutMs: 90_000 });
    await traffic.whenAccepted(300);
    proxy.setLatency(150);
    ctx.note(`latency 150ms each way at ${ctx.elapsed()}`);
    await faultFor(20_000);
    proxy.setLatency(0);
    proxy.cutLink('blackhole');
    ctx.note(`link blackholed at ${ctx.elapsed()} (${traffic.accepted} accepted) for 30s`);
    await faultFor(30_000);
    proxy.restore();
    ctx.note(`restored at ${ctx.elapsed()}`);
    await traffic.whenAccepted(traffic.accepted + 300);
    proxy.cutLink('reset');
    ctx.note(`link cut with resets at ${ctx.elapsed()} (${traffic.accepted} accepted) for 15s`);
    await faultFor(15_000);
    proxy.restore();
    ctx.note(`restored at ${ctx.elapsed()}; ${proxy.connections} connections through the proxy so far`);
    await traffic.finish();
  },
};
