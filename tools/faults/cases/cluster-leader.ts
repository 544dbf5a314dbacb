/**
 * Case 9: a 3-node KRaft cluster (replication factor 3, min.insync.replicas
 * 2, producers with acks=all): the leader of the received topic's partition
 * 0 is SIGKILLed mid-stream, stays down for 30 s while the other two carry
 * on, then is restarted on its data.
 */
import { TOPICS } from '@newswire/contracts';
import { type FaultCase, faultFor } from '../harness/case';

export const clusterLeader: FaultCase = {
  name: 'cluster-leader-kill',
  short: false,
  infra: 'cluster',
  pipeline: { env: { KAFKA_REPLICATION_FACTOR: '3' } },
  async run(ctx) {
    const traffic = ctx.startTraffic({ count: 1500, concurrency: 16, ratePerSecond: 25, requestTimeoutMs: 90_000 });
    await traffic.whenAccepted(400);
    const leader = await ctx.kafka.leaderOf(TOPICS.articleReceived, 0);
    const pid = ctx.infra.signalKafka('SIGKILL', leader);
    ctx.note(`leader node ${leader} (pid ${pid}) SIGKILLed at ${ctx.elapsed()}`);
    await ctx.kafka.reset();
    await faultFor(30_000);
    const newLeader = await ctx.kafka.leaderOf(TOPICS.articleReceived, 0).catch((err: unknown) => `none (${(err as Error).message})`);
    ctx.note(`partition 0 led by ${newLeader} meanwhile (${traffic.accepted} accepted)`);
    await ctx.infra.restartKafka();
    ctx.note(`node ${leader} back at ${ctx.elapsed()}`);
    await traffic.finish();
  },
};
