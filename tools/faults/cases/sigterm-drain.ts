/**
 * Case 5: each stage sent SIGTERM while it has work in hand. It must exit
 * by itself (code 0, or the SIGTERM Nest re-raises after closing), its
 * Kafka consumer must disconnect before its store connection closes (the
 * shutdown probe prints both), and everything it committed must be in the
 * store: storage's committed offsets are checked against the archive
 * before it is restarted. Then it is restarted and the invariants hold.
 */
import { recordedIds } from '../harness/archive-check';
import { type FaultCase, faultFor } from '../harness/case';
import { type StageName, STAGE_INPUTS } from '../harness/kafka-state';

const ORDER: StageName[] = ['deduplicator', 'enricher', 'storage'];
const DRAIN_LIMIT_MS = 30_000;

export const sigtermDrain: FaultCase = {
  name: 'sigterm-drain',
  short: false,
  async run(ctx) {
    const traffic = ctx.startTraffic({ count: 1500, concurrency: 16, ratePerSecond: 25 });
    await traffic.whenAccepted(400);
    for (const stage of ORDER) {
      const target = ctx.pipeline.stage(stage);
      await target.whenReady();
      await faultFor(3000);
      const lag = await ctx.kafka.waitBusy(stage);
      const exit = await target.terminate(DRAIN_LIMIT_MS * 2);
      const log = target.process.runLog;
      ctx.note(`${stage} SIGTERM at lag ${lag}: ${exit.hung ? 'HUNG' : `exit ${exit.code ?? exit.signal}`} after ${exit.ms}ms`);
      if (exit.hung || exit.ms > DRAIN_LIMIT_MS) ctx.fail(`${stage} took ${exit.ms}ms to stop (limit ${DRAIN_LIMIT_MS}ms)`);
      if (!exit.hung && !(exit.code === 0 || exit.signal === 'SIGTERM')) ctx.fail(`${stage} exited with ${exit.code ?? exit.signal} on SIGTERM`);
      if (/ERROR/.test(log.slice(log.lastIndexOf('[fault-probe] consumer disconnecting')))) {
        ctx.fail(`${stage} logged errors while draining: ${log.split('\n').find((l) => /ERROR/.test(l))?.slice(0, 200)}`);
      }
      if (stage !== 'enricher') {
        const disconnected = log.lastIndexOf('[fault-probe] consumer disconnected');
        const closing = log.lastIndexOf('[fault-probe] store connection closing');
        if (disconnected < 0 || closing < 0 || closing < disconnected) {
          ctx.fail(`${stage}: the store connection did not close after the consumer (consumer disconnected at ${disconnected}, store closing at ${closing} in its log)`);
        }
      }
      if (stage === 'storage') {
        const committed = await ctx.kafka.committed('storage');
        const ids = await ctx.kafka.articleIdsBelow(STAGE_INPUTS.storage, committed);
        const recorded = await recordedIds(ctx.pipeline.mongoUri, ids);
        const missing = ids.filter((id) => !recorded.has(id));
        ctx.note(`storage had committed ${ids.length} messages, ${missing.length} of them not in the store`);
        if (missing.length) ctx.fail(`storage committed ${missing.length} messages it had not stored, e.g. ${missing[0]}`);
      }
      await target.start();
    }
    await traffic.finish();
  },
};
