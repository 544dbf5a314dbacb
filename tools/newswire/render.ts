import Table from 'cli-table3';
import { Presets, SingleBar } from 'cli-progress';
import { type CliContext, UsageError } from './context';

/** A plain table: no colours, so it reads the same in a terminal, a pipe or a log. */
export function table(head: string[], rows: (string | number | undefined | null)[][]): string {
  const t = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) t.push(row.map((cell) => (cell === undefined || cell === null ? '' : String(cell))));
  return t.toString();
}

/** `key: value` lines for one record, in the order given; empty values are left out. */
export function fields(entries: [string, unknown][]): string {
  const shown = entries.filter(([, v]) => v !== undefined && v !== null && v !== '');
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${k.padEnd(width)}  ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
}

export interface Progress {
  setTotal(total: number): void;
  update(done: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { setTotal: () => undefined, update: () => undefined, stop: () => undefined };

/** A progress bar on stderr when someone is watching; otherwise nothing at all. */
export function progressBar(ctx: CliContext, label: string, total: number): Progress {
  if (!ctx.showProgress) return NO_PROGRESS;
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} {note}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  bar.start(total, 0, { note: '' });
  return {
    setTotal: (n) => bar.setTotal(n),
    update: (done, payload) => bar.update(done, { note: '', ...payload }),
    stop: () => bar.stop(),
  };
}

/** Parses an ISO date or a relative age (`30m`, `6h`, `7d` before now). */
export function parseTime(value: string, now = Date.now()): Date {
  const rel = /^(\d+)(s|m|h|d)$/.exec(value.trim());
  if (rel) return new Date(now - Number(rel[1]) * { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[rel[2] as 's' | 'm' | 'h' | 'd']);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`not a time: ${value} (an ISO date, or an age such as 30m, 6h, 7d)`);
  return date;
}
