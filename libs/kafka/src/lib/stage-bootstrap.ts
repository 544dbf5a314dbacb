import { type INestMicroservice, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { KafkaStageServer, type KafkaStageServerOptions, RethrowRpcErrorsFilter } from './nest-stage-server';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function logLevelsUpTo(level: LogLevel): LogLevel[] {
  return ORDER.slice(0, ORDER.indexOf(level) + 1);
}

/**
 * Creates a stage as a pure Nest microservice, so that on shutdown the
 * consumer drains before modules (and their database connections) close.
 */
export async function createStage(
  module: unknown,
  options: KafkaStageServerOptions & { logLevel?: LogLevel },
): Promise<{ app: INestMicroservice; server: KafkaStageServer }> {
  const server = new KafkaStageServer(options);
  const app = await NestFactory.createMicroservice(module as never, {
    strategy: server,
    logger: logLevelsUpTo(options.logLevel ?? 'log'),
  });
  app.useGlobalFilters(new RethrowRpcErrorsFilter());
  return { app, server };
}

export async function runStage(module: unknown, options: KafkaStageServerOptions & { logLevel?: LogLevel }): Promise<void> {
  const { app } = await createStage(module, options);
  app.enableShutdownHooks();
  await app.listen();
  new Logger(options.stage).log('started');
}
