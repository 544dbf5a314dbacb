import { Command, InvalidArgumentError, Option } from 'commander';
import { CliContext, type GlobalOptions, type Io, UsageError } from './context';
import { type DeadLetterFilter, dlqList, dlqRedrive, dlqShow, renderList, renderRedrive, renderShow } from './dlq';
import { renderApply, renderStatus, topicsApply, topicsStatus } from './topics';
import { backfill, renderBackfill } from './backfill';
import { renderReplay, replay } from './replay';
import { renderStory, story } from './story';
import { tail } from './tail';

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('a positive whole number');
  return n;
};
const positiveNumber = (value: string) => {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('a positive number');
  return n;
};
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The filter options of `dlq show` and `dlq redrive`. */
function withLetterFilters(cmd: Command): Command {
  return cmd
    .option('--source <id>', 'only letters of this source (the story key part before "|")')
    .option('--since <time>', 'failed at or after (ISO date, or an age: 30m, 6h, 7d)')
    .option('--until <time>', 'failed before (ISO date, or an age)')
    .option('--code <code>', 'error class: the x-dlq-error-code or the error type (repeatable)', collect)
    .option('--stage <stage>', 'only letters of this stage (x-dlq-stage)')
    .option('--retriable', 'only failures marked retriable')
    .option('--poison', 'only failures not marked retriable');
}

function letterFilter(o: Record<string, unknown>): DeadLetterFilter {
  if (o['retriable'] && o['poison']) throw new UsageError('--retriable and --poison exclude each other');
  return {
    source: o['source'] as string | undefined,
    since: o['since'] as string | undefined,
    until: o['until'] as string | undefined,
    code: o['code'] as string[] | undefined,
    stage: o['stage'] as string | undefined,
    retriable: o['retriable'] ? true : o['poison'] ? false : undefined,
  };
}

/**
 * The `newswire` command. `env` and `io` are parameters so the integration
 * tests run exactly what an operator runs, in-process, and read its output.
 */
export function buildProgram(env: Record<string, string | undefined>, io: Io): Command {
  const program = new Command('newswire')
    .description('Operate a newswire deployment: topics, dead letters, replays, backfills, live topics and stories.')
    .addOption(new Option('--json', 'print results as JSON (no tables, no progress bars)'))
    .addOption(new Option('--namespace <ns>', 'topic namespace (default: KAFKA_TOPIC_NAMESPACE)'))
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError()
    .exitOverride();

  /** Runs a verb with its context and always closes the clients it opened. */
  const run =
    <A extends unknown[]>(fn: (ctx: CliContext, ...args: A) => Promise<void>) =>
    async (...args: A) => {
      const cmd = args[args.length - 1] as Command;
      const ctx = new CliContext(env, io, cmd.optsWithGlobals<GlobalOptions>());
      try {
        await fn(ctx, ...args);
      } finally {
        await ctx.close();
      }
    };

  const topics = program.command('topics').description('create, update and inspect topics');
  topics
    .command('apply <file>')
    .description('create or update topics from a declarative YAML or JSON file (partitions, retention, max.message.bytes, dead-letter topics)')
    .option('--dry-run', 'show what would change, change nothing')
    .addHelpText('after', '\nExample:\n  newswire topics apply deploy/topics.yaml --dry-run')
    .action(run(async (ctx, file: string, o: { dryRun?: boolean }) => ctx.emit(await topicsApply(ctx, file, o), renderApply)));
  topics
    .command('status')
    .description('partitions, retained records and lag per consumer group')
    .option('--group <id>', 'only this consumer group (repeatable)', collect)
    .option('--topic <name>', 'only this topic (repeatable)', collect)
    .action(run(async (ctx, o: { group?: string[]; topic?: string[] }) => ctx.emit(await topicsStatus(ctx, o), renderStatus)));

  const dlq = program.command('dlq').description('dead letters: count, inspect and send back');
  dlq
    .command('list')
    .description('dead-letter topics with their letters counted by reason (pending = not sent back yet)')
    .option('--topic <name>', 'only this topic')
    .action(run(async (ctx, o: { topic?: string }) => ctx.emit(await dlqList(ctx, o), renderList)));
  withLetterFilters(
    dlq
      .command('show <topic> [id]')
      .description('the dead letters of a topic, or one (id = <partition>@<offset>) with its headers and value')
      .option('--limit <n>', 'at most this many', positiveInt, 50)
      .option('--pending', 'only letters not sent back yet'),
  ).action(
    run(async (ctx, topic: string, id: string | undefined, o: Record<string, unknown>) =>
      ctx.emit(await dlqShow(ctx, topic, id, { ...letterFilter(o), limit: o['limit'] as number, pending: Boolean(o['pending']) }), renderShow),
    ),
  );
  withLetterFilters(
    dlq
      .command('redrive <topic>')
      .description('send matching dead letters back to their topic; each letter goes back once, whatever the filters of any run')
      .option('--dry-run', 'count what would go, send nothing')
      .addHelpText('after', '\nExample:\n  newswire dlq redrive news.article.deduplicated.v1 --code store_unavailable --since 6h'),
  ).action(run(async (ctx, topic: string, o: Record<string, unknown>) => ctx.emit(await dlqRedrive(ctx, topic, { ...letterFilter(o), dryRun: Boolean(o['dryRun']) }), renderRedrive)));

  program
    .command('replay')
    .description('re-run stored stories (or a range of the received topic) through enrichment; each result is a new enrichment version of its story, never a new story')
    .option('--stage <stage>', 'the stage to re-run', 'enrichment')
    .option('--id <articleId>', 'this stored story (repeatable)', collect)
    .option('--source <id>', 'stored stories of this source')
    .option('--since <time>', 'stored at or after (ISO date, or an age: 30m, 6h, 7d)')
    .option('--until <time>', 'stored before')
    .option('--limit <n>', 'at most this many stories', positiveInt)
    .option('--from-topic', 'replay the received topic instead of the archive (with --partition, --from, --to)')
    .option('--partition <n>', 'with --from-topic: the partition (default: all)', (v) => Number(v))
    .option('--from <offset>', 'with --from-topic: first offset (default: the oldest retained)', (v) => Number(v))
    .option('--to <offset>', 'with --from-topic: offset to stop before (default: the end now)', (v) => Number(v))
    .option('--timeout <seconds>', 'how long to wait for the results', positiveNumber, 300)
    .option('--no-wait', 'publish and return without waiting for the results')
    .addHelpText('after', '\nExample:\n  newswire replay --source reuters --since 7d')
    .action(run(async (ctx, o: Parameters<typeof replay>[1]) => ctx.emit(await replay(ctx, o), renderReplay)));

  program
    .command('backfill <path>')
    .description('ingest a folder, .zip or .tar.gz of wire files through the ingester HTTP API; resumable')
    .option('--url <base>', 'ingester base URL', env['NEWSWIRE_INGESTER_URL'] ?? 'http://127.0.0.1:3000')
    .option('--rate <n>', 'at most this many files per second', positiveNumber, 20)
    .option('--state <file>', 'state file recording each file done (default: .newswire-backfill-<hash>.json in the current folder)')
    .option('--restart', 'forget the state file and send everything again')
    .option('--source <id>', 'sign every request as this source (see README "Security")')
    .option('--secret-env <name>', 'environment variable holding the source secret', 'NEWSWIRE_SOURCE_SECRET')
    .option('--secret-file <path>', 'file holding the source secret')
    .addHelpText('after', '\nExample:\n  ACME_KEY=... newswire backfill archive-2024.tar.gz --source acme --secret-env ACME_KEY --rate 50')
    .action(run(async (ctx, path: string, o: Parameters<typeof backfill>[2]) => ctx.emit(await backfill(ctx, path, o), renderBackfill)));

  program
    .command('tail <topic>')
    .description('follow a topic in readable form: headline, source, verdict, latency (Ctrl-C stops)')
    .option('--from-beginning', 'start at the oldest retained record')
    .option('--limit <n>', 'stop after this many records', positiveInt)
    .action(run(async (ctx, topic: string, o: { fromBeginning?: boolean; limit?: number }) => tail(ctx, topic, o)));

  program
    .command('story <id>')
    .description('everything known about one story (article id or story key): versions, duplicates, verdicts, enrichment versions, trace id')
    .action(run(async (ctx, id: string) => ctx.emit(await story(ctx, id), renderStory)));

  return program;
}

/** Runs the command line; resolves to the exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  const program = buildProgram(env, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) return e.exitCode ?? 2;
    if (err instanceof UsageError) {
      io.err(`newswire: ${e.message}`);
      return 2;
    }
    io.err(`newswire: ${e.message ?? String(err)}`);
    return 1;
  }
}
