#!/usr/bin/env node
// Type-checks every project's sources, tests and tools in one compiler run
// (ts-jest and the webpack builds only transpile tests and tools).
import { spawnSync } from 'node:child_process';

const res = spawnSync('npx', ['tsc', '-p', 'tsconfig.check.json'], { stdio: 'inherit' });
process.stdout.write(res.status === 0 ? 'typecheck: clean\n' : 'typecheck: errors above\n');
process.exit(res.status ?? 1);
