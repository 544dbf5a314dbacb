/**
 * Case 4: one service SIGKILLed five times at random points while it has
 * work in hand (its input lag is not zero; waited for up to 20 s),
 * restarted by the supervisor each time. One case per service; a short
 * session timeout keeps each restart's rebalance short (the dead member is
 * evicted after 10 s).
 */
import { type FaultCase, faultFor, randomBetween } from '../harness/case';
import type { StageName } from '../harness/kafka-state';

const KILLS = 5;

function stageSigkill(service: StageName | 'ingester', short: boolean): FaultCase {
  return {
    name: `sigkill-${service}`,
    short,
    pipeline: { env: { KAFKA_SESSION_TIMEOUT_MS: '10000' } },
    async run(ctx) {
      const target = service === 'ingester' ? ctx.pipeline.ingester : ctx.pipeline.stage(service);
      const traffic = ctx.startTraffic({ count: ctx.short ? 1200 : 2000, concurrency: 16, ratePerSecond: 25 });
      await traffic.whenAccepted(300);
      const kills: string[] = [];
      for (let i = 0; i < KILLS; i++) {
        await target.whenReady();
        await faultFor(randomBetween(1000, 8000));
        const lag = service === 'ingester' ? undefined : await ctx.kafka.waitBusy(service);
        await target.kill();
        kills.push(`${ctx.elapsed()}${lag === undefined ? '' : ` lag=${lag}`}`);
      }
      await target.whenReady();
      ctx.note(`${KILLS} SIGKILLs of ${service} at ${kills.join(', ')}`);
      await traffic.finish();
    },
  };
}

export const stageSigkills: FaultCase[] = [
  stageSigkill('enricher', false),
  stageSigkill('deduplicator', false),
  stageSigkill('storage', true),
  stageSigkill('ingester', false),
];
