import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const { heapFlagsOf } = require(join(ROOT, 'deploy/node-heap.js')) as { heapFlagsOf: (app: string) => string[] };
const budgets = JSON.parse(readFileSync(join(ROOT, 'deploy/node-heap.json'), 'utf8')) as { oldSpaceMb: Record<string, number> };

describe('the services heap budgets (deploy/node-heap.json)', () => {
  it('gives every deployable service one, within its smallest Kubernetes memory limit', () => {
    const apps = readdirSync(join(ROOT, 'apps')).filter((a) => a !== 'pipeline-e2e');
    expect(Object.keys(budgets.oldSpaceMb).sort()).toEqual(apps.sort());
    // The chart's smallest limit is 384 MiB: the old space plus code, buffers and the young generation must fit.
    for (const mb of Object.values(budgets.oldSpaceMb)) expect(mb).toBeLessThanOrEqual(256);
  });

  it('prints node flags V8 accepts, and nothing for an unknown service', () => {
    const flags = heapFlagsOf('deduplicator');
    expect(flags).toEqual([`--max-old-space-size=${budgets.oldSpaceMb['deduplicator']}`, expect.stringMatching(/^--max-semi-space-size=\d+$/)]);
    const limitMb = Number(execFileSync(process.execPath, [...flags, '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit / 1048576))']).toString());
    expect(limitMb).toBeGreaterThanOrEqual(budgets.oldSpaceMb['deduplicator']);
    expect(limitMb).toBeLessThan(budgets.oldSpaceMb['deduplicator'] * 1.5);
    expect(heapFlagsOf('not-a-service')).toEqual([]);
  });
});
