#!/usr/bin/env node
// Type-checks every project's sources, tests and tools in one compiler run, then the benchmark baseline
// (ts-jest and the webpack builds only transpile tests and tools).
import { spawnSync } from 'node:child_process';

// bench/idiomatic (the benchmark's NestJS baseline) has its own compiler settings and no workspace paths.
const runs = ['tsconfig.check.json', 'bench/idiomatic/tsconfig.json'].map((project) =>
  spawnSync('npx', ['tsc', '-p', project, '--noEmit'], { stdio: 'inherit' }),
);
const status = runs.find((res) => res.status !== 0)?.status ?? 0;
process.stdout.write(status === 0 ? 'typecheck: clean\n' : 'typecheck: errors above\n');
process.exit(status ?? 1);
