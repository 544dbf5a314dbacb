import { resolveInfra, type TestInfra } from './infra';

declare global {
  var __NEWSWIRE_INFRA__: TestInfra | undefined;
}

/** Jest globalSetup: resolves the servers once and hands them to workers through the environment. */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__NEWSWIRE_INFRA__) return;
  const infra = await resolveInfra();
  globalThis.__NEWSWIRE_INFRA__ = infra;
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers;
  process.env['MONGODB_URI'] = infra.mongoUri;
  process.env['NEWSWIRE_TEST_INFRA'] = infra.source;
  Object.assign(process.env, infra.kafkaSecurity);
}
