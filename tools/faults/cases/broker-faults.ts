/**
 * Case 2: the broker SIGKILLed mid-stream and restarted on its data; and
 * SIGSTOPped mid-stream (a frozen broker: connections open, no answers),
 * then SIGCONT. While the killed broker is down, a stage is asked to stop
 * (it must exit) and the ingester must answer 503 promptly, not hang.
 */
import { type CaseContext, type FaultCase, faultFor } from '../harness/case';

const SLOW_ANSWER_MS = 10_000;
/** Kubernetes' default termination grace period: a stage slower to stop is SIGKILLed. */
const STOP_LIMIT_MS = 30_000;

function checkPromptAnswers(ctx: CaseContext, traffic: ReturnType<CaseContext['startTraffic']>): void {
  const s = traffic.stats();
  if (s.slowAnswers > 0 || s.timeouts > 0) {
    ctx.fail(`the ingester did not fail fast while the broker was down: ${s.slowAnswers} answers over ${SLOW_ANSWER_MS / 1000}s, ${s.timeouts} requests timed out, slowest ${s.maxLatencyMs}ms`);
  }
}

export const brokerSigkill: FaultCase = {
  name: 'broker-sigkill',
  short: false,
  async run(ctx) {
    const traffic = ctx.startTraffic({ count: 1500, concurrency: 16, ratePerSecond: 25, requestTimeoutMs: 90_000 });
    await traffic.whenAccepted(400);
    const pid = ctx.infra.signalKafka('SIGKILL');
    ctx.note(`broker ${pid} SIGKILLed at ${ctx.elapsed()} (${traffic.accepted} accepted)`);
    await faultFor(5000);
    const stop = await ctx.pipeline.stage('enricher').terminate(2 * STOP_LIMIT_MS);
    ctx.note(`enricher asked to stop with the broker down: ${stop.hung ? `HUNG (SIGKILLed after ${stop.ms}ms)` : `exited ${stop.code ?? stop.signal} in ${stop.ms}ms`}`);
    if (stop.hung || stop.ms > STOP_LIMIT_MS) ctx.fail(`a stage asked to stop while the broker was down took ${stop.ms}ms to exit (limit ${STOP_LIMIT_MS}ms)`);
    await faultFor(10_000);
    const t0 = Date.now();
    await ctx.infra.restartKafka();
    await ctx.kafka.reset();
    ctx.note(`broker back after ${((Date.now() - t0) / 1000).toFixed(1)}s restart at ${ctx.elapsed()}`);
    await ctx.pipeline.stage('enricher').start();
    await traffic.finish();
    checkPromptAnswers(ctx, traffic);
  },
};

export const brokerSigstop: FaultCase = {
  name: 'broker-sigstop',
  short: false,
  async run(ctx) {
    const traffic = ctx.startTraffic({ count: 1500, concurrency: 16, ratePerSecond: 25, requestTimeoutMs: 90_000 });
    await traffic.whenAccepted(400);
    const pid = ctx.infra.signalKafka('SIGSTOP');
    ctx.note(`broker ${pid} SIGSTOPped at ${ctx.elapsed()} for 25s`);
    await faultFor(25_000);
    ctx.infra.signalKafka('SIGCONT');
    ctx.note(`SIGCONT at ${ctx.elapsed()} (${traffic.accepted} accepted)`);
    await traffic.finish();
  },
};
