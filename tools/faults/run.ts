/**
 * The fault suite: the real pipeline (the four built bundles as processes,
 * a private Kafka and FerretDB per case) under injected faults, checking
 * that every story answered 202 is stored exactly once and nothing else is.
 *
 *   npm run test:faults                      # every case (about an hour on 2 cores)
 *   npm run test:faults -- --short           # the CI subset (about 10 minutes)
 *   npm run test:faults -- --only=store-down,saturation [--keep] [--no-build] [--dir=/tmp/x]
 *
 * --keep leaves each case's servers running (state and logs stay anyway);
 * --story-bytes=1000-1500 changes the story size (default 3000-5000), to
 * look past one failure at another.
 *
 * One line per case, `fault <name>: passed|failed lost=N duplicated=N
 * extra=N accepted=N (details)`, then `faults: N passed, N failed,
 * lost=N duplicated=N`; exits non-zero when a case failed. Each case's
 * service logs (and broker and store state and logs) go to its own folder.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokerSigkill, brokerSigstop } from './cases/broker-faults';
import { clusterLeader } from './cases/cluster-leader';
import { networkProxy } from './cases/network-proxy';
import { saturation } from './cases/saturation';
import { scaleOut } from './cases/scale-out';
import { sigtermDrain } from './cases/sigterm-drain';
import { slowHandler } from './cases/slow-handler';
import { stageSigkills } from './cases/stage-sigkill';
import { storeDown } from './cases/store-down';
import { twoInstances } from './cases/two-instances';
import { type CaseResult, type FaultCase, runCase } from './harness/case';
import { buildServices } from './harness/build-services';

const CASES: FaultCase[] = [
  saturation,
  brokerSigkill,
  brokerSigstop,
  networkProxy,
  ...stageSigkills,
  sigtermDrain,
  slowHandler,
  storeDown,
  twoInstances,
  scaleOut,
  clusterLeader,
];

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);


async function main(): Promise<number> {
  const short = flag('short');
  const only = option('only')?.split(',');
  const selected = CASES.filter((c) => (only ? only.includes(c.name) : !short || c.short));
  if (only && selected.length !== only.length) {
    throw new Error(`unknown case in --only; cases: ${CASES.map((c) => c.name).join(', ')}`);
  }
  if (!flag('no-build')) buildServices();
  const runDir = option('dir') ?? join(tmpdir(), 'newswire-faults', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(runDir, { recursive: true });
  process.stdout.write(`faults: ${selected.length} case(s), logs under ${runDir}\n`);
  const [minBytes, maxBytes] = (option('story-bytes') ?? '3000-5000').split('-').map(Number);
  if (!(minBytes > 0 && maxBytes > minBytes)) throw new Error('--story-bytes=MIN-MAX, e.g. 3000-5000');
  const results: CaseResult[] = [];
  for (const c of selected) {
    const result = await runCase(c, runDir, { short, keep: flag('keep'), storySize: { minBytes, maxBytes } });
    results.push(result);
    process.stdout.write(`${result.line}\n  logs: ${result.logDir}\n`);
  }
  const passed = results.filter((r) => r.passed).length;
  const lost = results.reduce((sum, r) => sum + r.verdict.lost, 0);
  const duplicated = results.reduce((sum, r) => sum + r.verdict.duplicated, 0);
  process.stdout.write(`faults: ${passed} passed, ${results.length - passed} failed, lost=${lost} duplicated=${duplicated}\n`);
  return passed === results.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.stdout.write('faults: 0 passed, 1 failed, lost=0 duplicated=0\n');
    process.exit(1);
  },
);
