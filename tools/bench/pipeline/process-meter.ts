/**
 * CPU time and peak memory of the processes a phase runs on, read from
 * Linux's /proc: user + system time (`/proc/<pid>/stat`, in clock ticks)
 * before and after the phase, and the peak resident set (`VmHWM` in
 * `/proc/<pid>/status`), reset at the phase's start (`clear_refs` 5) so each
 * phase reports its own peak. A process that forks workers (the clustered
 * enricher) is metered with each of its children as a row of its own.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export type Role = 'service' | 'infra' | 'load';

export interface MeteredProcess {
  label: string;
  role: Role;
  pid: () => number | undefined;
  /** Meter its child processes too (forked workers), each as `<label>-w<n>`. */
  children?: boolean;
}

export interface ProcessUsage {
  label: string;
  role: Role;
  cpuMs: number;
  /** Peak resident set during the phase, MB (since the process started where the reset was refused). */
  peakRssMb: number;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): [state, ppid, ...]. */
function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU milliseconds the process has used (all its threads). */
export function cpuMsOf(pid: number): number | undefined {
  const f = statFields(pid);
  // utime and stime are fields 14 and 15 of the line, 11 and 12 after the state.
  return f ? ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks() : undefined;
}

export function peakRssMbOf(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the peak resident set to the current one (Linux 4.0+). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (statFields(Number(entry))?.[1] === String(parent)) out.push(Number(entry));
  }
  return out.sort((a, b) => a - b);
}

interface Row {
  label: string;
  role: Role;
  pid: number;
}

export class ProcessMeter {
  private readonly startCpu = new Map<number, number>();

  constructor(private readonly targets: MeteredProcess[]) {}

  private rows(): Row[] {
    return this.targets.flatMap((t) => {
      const pid = t.pid();
      if (!pid) return [];
      const own: Row = { label: t.label, role: t.role, pid };
      if (!t.children) return [own];
      return [own, ...childrenOf(pid).map((child, i) => ({ label: `${t.label}-w${i + 1}`, role: t.role, pid: child }))];
    });
  }

  start(): this {
    this.startCpu.clear();
    for (const row of this.rows()) {
      this.startCpu.set(row.pid, cpuMsOf(row.pid) ?? 0);
      resetPeak(row.pid);
    }
    return this;
  }

  /** Usage since start(); a process started since (a restart) counts from zero. */
  read(): ProcessUsage[] {
    return this.rows().map((row) => ({
      label: row.label,
      role: row.role,
      cpuMs: Math.max(0, (cpuMsOf(row.pid) ?? 0) - (this.startCpu.get(row.pid) ?? 0)),
      peakRssMb: peakRssMbOf(row.pid) ?? Number.NaN,
    }));
  }
}
