import { logLevel, type Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { ArticleRepository } from '@newswire/archive-data';
import { kafkaFromEnv } from '@newswire/kafka';
import { connectMongo, MongoEnv } from '@newswire/mongo';

/** Where a command writes: stdout for results, stderr for progress and notes. Tests capture both. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Progress bars only on an interactive terminal (never in tests, pipes or `--json`). */
  interactive: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** Options every verb understands (commander's global options). */
export interface GlobalOptions {
  json?: boolean;
  namespace?: string;
}

/**
 * What a verb runs with: the environment (the same variables as the services:
 * KAFKA_BROKERS, KAFKA_SSL*, KAFKA_SASL*, MONGODB_URI, KAFKA_TOPIC_NAMESPACE)
 * and the output. Clients are made on first use and closed by `close()`.
 */
export class CliContext {
  private kafkaClient: Kafka | undefined;
  private db: Connection | undefined;

  constructor(
    readonly env: Record<string, string | undefined>,
    readonly io: Io,
    readonly options: GlobalOptions,
  ) {}

  get json(): boolean {
    return Boolean(this.options.json);
  }

  get namespace(): string {
    return this.options.namespace ?? this.env['KAFKA_TOPIC_NAMESPACE'] ?? '';
  }

  /** Progress bars are for people watching: not in JSON mode, not without a terminal. */
  get showProgress(): boolean {
    return this.io.interactive && !this.json;
  }

  kafka(): Kafka {
    // kafkajs logs every retry at INFO; an operator sees the command's own errors instead.
    this.kafkaClient ??= kafkaFromEnv('newswire-cli', this.env, { logLevel: logLevel.ERROR });
    return this.kafkaClient;
  }

  async archive(): Promise<ArticleRepository> {
    if (!this.db) {
      const { MONGODB_URI, STORE_REPLY_TIMEOUT_MS } = MongoEnv.parse({ MONGODB_URI: this.env['MONGODB_URI'], STORE_REPLY_TIMEOUT_MS: this.env['STORE_REPLY_TIMEOUT_MS'] });
      this.db = await connectMongo(MONGODB_URI, { replyTimeoutMs: STORE_REPLY_TIMEOUT_MS });
    }
    return new ArticleRepository(this.db);
  }

  /** Prints a result: as JSON with `--json`, else through the verb's own renderer. */
  emit<T>(result: T, render: (result: T) => string): void {
    this.io.out(this.json ? JSON.stringify(result, null, 2) : render(result));
  }

  async close(): Promise<void> {
    await this.db?.close();
    this.db = undefined;
  }
}

/** A usage mistake (bad argument, missing file): printed without a stack, exit code 2. */
export class UsageError extends Error {}
