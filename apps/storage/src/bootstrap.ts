import { TOPICS } from '@newswire/contracts';
import { startStageService } from '@newswire/kafka';
import { assessMongoSecurity, isStoreUnavailable, storeReadiness } from '@newswire/mongo';
import { StorageEnv } from './app/config';
import { StorageModule } from './app/storage.module';

export function startStorage(env: Record<string, string | undefined> = process.env) {
  return startStageService({
    service: 'storage',
    schema: StorageEnv,
    env,
    module: (config, telemetry) => StorageModule.forRoot(config, { tracer: telemetry.tracing.tracer, metrics: telemetry.metrics }),
    // A store outage is waited out (the partition pauses), never dead-lettered.
    isOutage: isStoreUnavailable,
    readiness: storeReadiness,
    security: (config) => [assessMongoSecurity(config)],
    // The ninjs topic is created whether or not NINJS_TOPIC fills it, so a subscriber can start first.
    outputs: [TOPICS.articleStored, TOPICS.storyReleased, TOPICS.articleNinjs],
  });
}
