import { Kafka, type KafkaConfig, logLevel, type LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';
import type { KafkaSettings } from './kafka-config';

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

/** `tuning` overrides timeouts and retries for clients that must fail fast (health probes). */
export function createKafka(settings: Pick<KafkaSettings, 'brokers' | 'clientId'>, tuning: Pick<KafkaConfig, 'retry' | 'requestTimeout' | 'connectionTimeout' | 'logLevel'> = {}): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 10_000 },
    ...tuning,
  });
}
