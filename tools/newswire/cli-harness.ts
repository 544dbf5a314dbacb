import type { Io } from './context';
import { runCli } from './program';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in-process, as an operator would type it, and captures what it prints. For tests. */
export async function cli(env: Record<string, string | undefined>, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`), interactive: false };
  const code = await runCli(argv, env, io);
  return { code, out, err };
}

/** The JSON a `--json` run printed; fails loudly with its output when it did not succeed. */
export async function cliJson<T>(env: Record<string, string | undefined>, ...argv: string[]): Promise<T> {
  const run = await cli(env, '--json', ...argv);
  if (run.code !== 0) throw new Error(`newswire ${argv.join(' ')} exited ${run.code}:\n${run.err}\n${run.out}`);
  return JSON.parse(run.out) as T;
}
