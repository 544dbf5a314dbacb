import { spawnSync } from 'node:child_process';

/** Builds the four pipeline services the harness runs (dist/apps/*), as CI does; throws if the build fails. */
export function buildServices(): void {
  const res = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=ingester,enricher,deduplicator,storage', '--output-style=static'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: process.env['NX_DAEMON'] ?? 'false' },
  });
  if (res.status !== 0) throw new Error('the service build failed');
}
