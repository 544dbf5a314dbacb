/** Settings from the environment, read once (what the benchmark harness sets). */
export const config = {
  stage: process.env['IDIOMATIC_STAGE'] ?? '',
  brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  mongoUri: process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/idiomatic',
  port: Number(process.env['PORT'] ?? 3000),
  namespace: process.env['IDIOMATIC_NAMESPACE'] ?? 'idiomatic',
};

/** One topic per hop, as the platform has. */
export const topics = {
  received: `${config.namespace}.article.received`,
  enriched: `${config.namespace}.article.enriched`,
  deduplicated: `${config.namespace}.article.deduplicated`,
  stored: `${config.namespace}.article.stored`,
};

export const KAFKA_CLIENT = 'KAFKA_CLIENT';
