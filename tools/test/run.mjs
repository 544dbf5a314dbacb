#!/usr/bin/env node
// `npm test`: builds the services (the end-to-end test runs their bundles),
// runs every project's unit, integration and end-to-end tests in one Jest
// run, and ends with one line: `tests: N passed, N failed`.
//
// Servers come from KAFKA_BROKERS / MONGODB_URI, else testcontainers, else
// the local stack (see libs/testing). Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env.NX_DAEMON ?? 'false' };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const build = spawnSync(npx, ['nx', 'run-many', '-t', 'build', '--projects=ingester,poller,enricher,deduplicator,storage,api', '--output-style=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) {
  process.stdout.write('tests: 0 passed, 1 failed\n');
  process.exit(1);
}

const results = join(mkdtempSync(join(tmpdir(), 'newswire-jest-')), 'results.json');
const jest = spawnSync(
  npx,
  ['jest', '-c', 'jest.config.ts', '--maxWorkers=2', '--forceExit', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
}
if (jest.status !== 0 && failed === 0) failed = 1; // Jest failed outside any test: never report green.
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
