/**
 * The run's tables and its last line:
 * `pipeline: e2e=N idiomatic=N b1=N limit=N p99ms@50=N`.
 */
import Table from 'cli-table3';
import type { PhaseResult } from './phase';
import type { ProcessUsage } from './process-meter';
import { cpuLimit } from './stats';
import type { ArchiveVerdict } from './verify';

export interface BenchSettings {
  count: number;
  idiomaticCount: number;
  preload: number;
  exact: number;
  near: number;
  concurrency: number;
  rateSeconds: number;
  enricherWorkers: number;
  seed: number;
  partitions: number;
}

export interface RunFigures {
  b1: PhaseResult;
  idiomatic: PhaseResult;
  saturation: PhaseResult;
  /** The fixed-rate phases, 50% then 80% of the saturation rate. */
  rates: PhaseResult[];
  archive: ArchiveVerdict[];
  preload?: { count: number; seconds: number; perSecond: number; bytesPerStory: number };
  cores: number;
  settings: BenchSettings;
}

// Compact, no colours, no frame: the output is read in terminals and in CI logs alike.
const NO_FRAME = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' };
const table = (head: string[]) => new Table({ head, chars: NO_FRAME, style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 } });
const round = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** CPU ms per stored article of each process that does the work (the load generator left out). */
export function cpuPerArticle(phase: PhaseResult, roles: ProcessUsage['role'][]): number[] {
  return phase.usage.filter((u) => roles.includes(u.role)).map((u) => u.cpuMs / Math.max(1, phase.stored));
}

function phaseTable(phases: PhaseResult[]): string {
  const t = table(['phase', 'stories', 'stored', 'stored/s', 'ingest/s', 'p50 ms', 'p95 ms', 'p99 ms', 'exact found', 'near found', 'missing', '503s']);
  for (const p of phases) {
    t.push([
      p.name,
      p.sent,
      p.stored,
      round(p.storedPerSecond, 1),
      round(p.acceptedPerSecond, 1),
      round(p.latency.p50),
      round(p.latency.p95),
      round(p.latency.p99),
      p.pairsFound.exact.of ? `${p.pairsFound.exact.found}/${p.pairsFound.exact.of}` : '-',
      p.pairsFound.near.of ? `${p.pairsFound.near.found}/${p.pairsFound.near.of}` : '-',
      p.missing.length,
      p.status503,
    ]);
  }
  return t.toString();
}

/** One row per process, one column per phase: CPU ms per stored article and peak RSS MB. */
function processTable(phases: PhaseResult[]): string {
  const labels = [...new Set(phases.flatMap((p) => p.usage.map((u) => u.label)))];
  const t = table(['process: cpu ms/article, peak MB', ...phases.map((p) => p.name)]);
  for (const label of labels) {
    t.push([
      label,
      ...phases.map((p) => {
        const u = p.usage.find((x) => x.label === label);
        return u ? `${round(u.cpuMs / Math.max(1, p.stored), 2)} ms ${round(u.peakRssMb)} MB` : '';
      }),
    ]);
  }
  for (const [name, roles] of [
    ['sum: services', ['service']],
    ['sum: + Kafka and store', ['service', 'infra']],
  ] as const) {
    t.push([name, ...phases.map((p) => `${round(cpuPerArticle(p, [...roles]).reduce((a, b) => a + b, 0), 2)} ms`)]);
  }
  return t.toString();
}

function archiveTable(verdicts: ArchiveVerdict[]): string {
  const t = table(['archive check', 'accepted', 'lost', 'doubled', 'extra', 'stories', 'duplicates']);
  for (const v of verdicts) t.push([v.phase, v.accepted, v.lost, v.doubled, v.extra ?? 'not checked', v.stories, v.duplicates]);
  return t.toString();
}

/** Prints everything; true when every accepted story was recorded exactly once. */
export function printReport(f: RunFigures): boolean {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const pipelinePhases = [f.saturation, ...f.rates];
  const boxLimit = cpuLimit(f.cores, cpuPerArticle(f.saturation, ['service', 'infra']));
  const stageLimit = cpuLimit(f.cores, cpuPerArticle(f.saturation, ['service']));
  const at50 = f.rates[0];
  const s = f.settings;

  out();
  out(`corpus: ${s.count} stories of 3-5 KB (${s.exact * 100}% exact and ${s.near * 100}% near re-sends under new uris), ${s.concurrency} connections at saturation, fixed rates for ${s.rateSeconds} s; idiomatic on the first ${s.idiomaticCount}; ${f.cores} cores, ${s.enricherWorkers} enricher worker(s), ${s.partitions} partitions`);
  if (f.preload) {
    out(`preload: ${f.preload.count} stories (archive + dedup state) in ${round(f.preload.seconds)} s, ${round(f.preload.perSecond)}/s, ${round(f.preload.bytesPerStory / 1024)} KB per story in the store`);
  }
  out();
  out(phaseTable([f.b1, f.idiomatic, ...pipelinePhases]));
  out('stored/s: from the first request to the last story stored; ingest/s: accepted (202) while posting; latency: ingest (x-ingested-at) to stored (storedAt), per story');
  out();
  out(processTable([f.b1, f.idiomatic, ...pipelinePhases]));
  out('cpu: user+system ms per stored article (/proc/<pid>/stat); peak: VmHWM during the phase; bench = the load generator and stored-event reader (left out of the limits)');
  out();
  out(archiveTable(f.archive));
  out();
  out(`box limit: ${f.cores} cores x 1000 / ${round(cpuPerArticle(f.saturation, ['service', 'infra']).reduce((a, b) => a + b, 0), 2)} ms per article (services, Kafka and FerretDB) = ${round(boxLimit)}/s`);
  out(`stage-work limit: ${f.cores} cores x 1000 / ${round(cpuPerArticle(f.saturation, ['service']).reduce((a, b) => a + b, 0), 2)} ms per article (the four services) = ${round(stageLimit)}/s`);
  const e2e = f.saturation.storedPerSecond;
  const maxRss = Math.max(...pipelinePhases.flatMap((p) => p.usage.filter((u) => u.role === 'service').map((u) => u.peakRssMb)));
  out(
    `against the targets: e2e/idiomatic=${round(e2e / Math.max(f.idiomatic.storedPerSecond, 1e-9), 1)}x (>=10) e2e/limit=${round(e2e / boxLimit, 2)} (>=0.5) e2e=${round(e2e)}/s (>=300) p99@50%=${round(at50?.latency.p99 ?? Number.NaN)} ms (<=250) max service RSS=${round(maxRss)} MB (<=300)`,
  );
  const exactlyOnce = f.archive.every((v) => v.lost === 0 && v.doubled === 0 && (v.extra ?? 0) === 0) && pipelinePhases.every((p) => p.missing.length === 0);
  const byId = f.archive.some((v) => v.extra === null) ? ', looked up by id: records nobody sent are not looked for over a preloaded archive' : '';
  out(`exactly once: ${exactlyOnce ? 'yes' : 'NO'} (${f.archive.reduce((n, v) => n + v.accepted, 0)} accepted stories checked in the archive${byId})`);
  out(`pipeline: e2e=${round(e2e)} idiomatic=${round(f.idiomatic.storedPerSecond)} b1=${round(f.b1.storedPerSecond)} limit=${round(boxLimit)} p99ms@50=${round(at50?.latency.p99 ?? Number.NaN)}`);
  return exactlyOnce;
}
