import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';
import { z } from 'zod';
import { logLevelsUpTo } from '@newswire/platform';
import { currentStoryScope } from './story-context';
import { activeTraceId } from './tracing';

/** LOG_FORMAT: JSON lines (the default, and what the images use), or Nest's coloured format for development. */
export const envLogFormat = z.enum(['json', 'pretty']).default('json');

/** Log shippers know `info`; Nest calls it `log`. */
const LEVEL_NAMES: Partial<Record<LogLevel, string>> = { log: 'info' };

interface JsonLogOptions {
  context: string;
  logLevel: LogLevel;
  writeStreamType?: 'stdout' | 'stderr';
  errorStack?: unknown;
}

/**
 * Nest's own logger (JSON lines, Nest 11's `json: true`), with the service
 * name on every line and, inside a story's scope (set by the stage consumer
 * per message and by the ingester per item), the story's articleId,
 * storyKey, source and traceId. kafkajs logs through it too (libs/kafka).
 * `pretty` keeps Nest's coloured development format.
 */
export class ServiceLogger extends ConsoleLogger {
  constructor(
    private readonly service: string,
    { level = 'log', format = 'json' }: { level?: LogLevel; format?: 'json' | 'pretty' } = {},
  ) {
    super({ logLevels: logLevelsUpTo(level), json: format === 'json', colors: format === 'pretty' && !process.env['NO_COLOR'] });
  }

  /** One line per entry, all on stdout: a collector reads one stream and the level says what it is. */
  protected override printAsJson(message: unknown, options: JsonLogOptions): void {
    process.stdout.write(`${this.stringifyJsonLogObject(this.lineOf(message, options))}\n`);
  }

  protected lineOf(message: unknown, options: JsonLogOptions): Record<string, unknown> {
    const scope = currentStoryScope();
    const line: Record<string, unknown> = {
      level: LEVEL_NAMES[options.logLevel] ?? options.logLevel,
      time: new Date().toISOString(),
      service: scope?.service ?? this.service,
    };
    if (options.context) line['context'] = options.context;
    line['message'] = message;
    if (scope) {
      if (scope.articleId) line['articleId'] = scope.articleId;
      if (scope.storyKey) line['storyKey'] = scope.storyKey;
      if (scope.source) line['source'] = scope.source;
      if (scope.stories) line['stories'] = scope.stories;
    }
    const traceId = scope?.traceId ?? activeTraceId();
    if (traceId) line['traceId'] = traceId;
    line['pid'] = process.pid;
    if (options.errorStack) line['stack'] = options.errorStack;
    return line;
  }
}

/**
 * Makes `logger` the one every `new Logger(context)` of the process writes
 * through (Nest's static logger), before any app exists: start-up and
 * configuration lines come out in the same format as the rest.
 */
export function installLogger(logger: ServiceLogger): ServiceLogger {
  Logger.overrideLogger(logger);
  return logger;
}
