#!/usr/bin/env node
// Type-checks every project's sources and tests (ts-jest only transpiles).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const configs = ['apps', 'libs'].flatMap((root) =>
  readdirSync(root).flatMap((project) =>
    ['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json'].map((f) => join(root, project, f)).filter(existsSync),
  ),
);
configs.push('tsconfig.tools.json');
let failed = 0;
for (const config of configs) {
  const res = spawnSync('npx', ['tsc', '-p', config, '--noEmit'], { stdio: 'inherit' });
  if (res.status !== 0) failed += 1;
}
process.stdout.write(`typecheck: ${configs.length - failed} of ${configs.length} configs clean\n`);
process.exit(failed ? 1 : 0);
