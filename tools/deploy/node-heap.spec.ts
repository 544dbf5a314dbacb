import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../..');
const { heapFlagsOf, mallocEnvOf } = require(join(ROOT, 'deploy/node-heap.js')) as {
  heapFlagsOf: (app: string) => string[];
  mallocEnvOf: (app: string, env?: NodeJS.ProcessEnv) => Record<string, string>;
};
const budgets = JSON.parse(readFileSync(join(ROOT, 'deploy/node-heap.json'), 'utf8')) as { oldSpaceMb: Record<string, number>; mallocEnv: Record<string, string> };

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

  it('gives a service the allocator settings its environment lacks, and nothing to anything else', () => {
    expect(mallocEnvOf('enricher', {})).toEqual(budgets.mallocEnv);
    expect(Object.keys(budgets.mallocEnv).sort()).toEqual(['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']);
    // An operator's own value is kept: only the settings it does not give are added.
    expect(mallocEnvOf('storage', { MALLOC_ARENA_MAX: '4' })).toEqual({ MALLOC_MMAP_THRESHOLD_: budgets.mallocEnv['MALLOC_MMAP_THRESHOLD_'] });
    expect(mallocEnvOf('not-a-service', {})).toEqual({});
  });

  it('prints them for the image start script as NAME=value words env(1) takes', () => {
    const env = { PATH: process.env['PATH'] ?? '', MALLOC_ARENA_MAX: '3' };
    const printed = execFileSync(process.execPath, [join(ROOT, 'deploy/node-heap.js'), '--malloc-env', 'api'], { env }).toString();
    expect(printed).toBe(`MALLOC_MMAP_THRESHOLD_=${budgets.mallocEnv['MALLOC_MMAP_THRESHOLD_']}`);
    const seen = execFileSync('env', [...printed.split(' '), process.execPath, '-e', 'process.stdout.write(process.env.MALLOC_MMAP_THRESHOLD_ + " " + process.env.MALLOC_ARENA_MAX)'], { env }).toString();
    expect(seen).toBe(`${budgets.mallocEnv['MALLOC_MMAP_THRESHOLD_']} 3`);
  });

  it("the image's start script runs the service with both, and keeps an operator's NODE_OPTIONS heap", () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-sh-'));
    // The script as the image has it, reading this checkout's budget file instead of the image's copy.
    const script = readFileSync(join(ROOT, 'deploy/docker/start.sh'), 'utf8').replace('/usr/local/lib/newswire/node-heap.js', join(ROOT, 'deploy/node-heap.js'));
    writeFileSync(join(dir, 'start.sh'), script);
    writeFileSync(join(dir, 'main.js'), 'process.stdout.write(JSON.stringify({ args: process.execArgv, arenas: process.env.MALLOC_ARENA_MAX, threshold: process.env.MALLOC_MMAP_THRESHOLD_ }))');
    const run = (env: Record<string, string>) =>
      JSON.parse(execFileSync('sh', ['start.sh'], { cwd: dir, env: { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`, NEWSWIRE_APP: 'storage', ...env } }).toString()) as { args: string[]; arenas?: string; threshold?: string };
    expect(run({})).toEqual({ args: heapFlagsOf('storage'), arenas: budgets.mallocEnv['MALLOC_ARENA_MAX'], threshold: budgets.mallocEnv['MALLOC_MMAP_THRESHOLD_'] });
    expect(run({ NODE_OPTIONS: '--max-old-space-size=300', MALLOC_ARENA_MAX: '1' })).toEqual({ args: [], arenas: '1', threshold: budgets.mallocEnv['MALLOC_MMAP_THRESHOLD_'] });
    rmSync(dir, { recursive: true });
  });
});

