/**
 * The idiomatic baseline: the newswire pipeline as most NestJS teams would
 * write it in a day. One codebase, one process per stage (IDIOMATIC_STAGE):
 * an HTTP ingester, then enricher, dedup and storage as Kafka microservices
 * on Nest's own transport (@EventPattern handlers, one message at a time,
 * ClientKafka.emit per message), compromise for entities, mongoose
 * (@nestjs/mongoose) with one Model.create per article.
 */
import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { config } from './config';

async function stageModule(stage: string): Promise<Type<unknown>> {
  switch (stage) {
    case 'enricher':
      return (await import('./enricher/enricher.module')).EnricherModule;
    case 'dedup':
      return (await import('./dedup/dedup.module')).DedupModule;
    case 'storage':
      return (await import('./storage/storage.module')).StorageModule;
    default:
      throw new Error(`IDIOMATIC_STAGE must be ingester, enricher, dedup or storage, not "${stage}"`);
  }
}

async function main(): Promise<void> {
  if (config.stage === 'ingester') {
    const { IngesterModule } = await import('./ingester/ingester.module');
    const app = await NestFactory.create(IngesterModule, { logger: ['error', 'warn', 'log'] });
    app.enableShutdownHooks();
    await app.listen(config.port, '127.0.0.1');
    console.log(`idiomatic ingester listening on http://127.0.0.1:${config.port}`);
    return;
  }
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(await stageModule(config.stage), {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: `idiomatic-${config.stage}`, brokers: config.brokers },
      consumer: { groupId: `${config.namespace}-${config.stage}` },
      subscribe: { fromBeginning: true },
    },
  });
  app.enableShutdownHooks();
  await app.listen();
  console.log(`idiomatic ${config.stage} consuming`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
