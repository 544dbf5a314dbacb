import { Kafka, logLevel, type LogEntry, type RetryOptions } from 'kafkajs';
import { Logger } from '@nestjs/common';
import type { KafkaSettings } from './kafka-config';
import { fixKafkajsIdleTimer } from './kafkajs-idle-timer';

const levels: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through Nest's logger so one LOG_LEVEL governs both. */
function nestLogCreator() {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const logger = new Logger(`kafkajs:${namespace}`);
      const method = levels[level] ?? 'debug';
      logger[method](`${message} ${Object.keys(extra).length ? JSON.stringify(extra) : ''}`.trim());
    };
}

/** What tools and tests tune; services keep the defaults. */
export interface KafkaClientOptions {
  logLevel?: logLevel;
  retry?: RetryOptions;
  connectionTimeout?: number;
  /** Health probes fail fast instead of waiting out kafkajs' 30 s default. */
  requestTimeout?: number;
}

/** The one place a kafkajs client is built, so every client applies the same TLS and SASL settings. */
export function createKafka(settings: Pick<KafkaSettings, 'brokers' | 'clientId' | 'security'>, options: KafkaClientOptions = {}): Kafka {
  // Before any connection exists: kafkajs' idle timer loop (kafkajs-idle-timer.ts).
  fixKafkajsIdleTimer();
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ...settings.security,
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: nestLogCreator,
    retry: options.retry ?? { retries: 8, initialRetryTime: 200, maxRetryTime: 10_000 },
    ...(options.connectionTimeout !== undefined && { connectionTimeout: options.connectionTimeout }),
    ...(options.requestTimeout !== undefined && { requestTimeout: options.requestTimeout }),
  });
}
