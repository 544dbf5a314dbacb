import { TOPICS } from '@newswire/contracts';
import { startStageService } from '@newswire/kafka';
import { assessMongoSecurity, isStoreUnavailable, storeReadiness } from '@newswire/mongo';
import { DeduplicatorEnv } from './app/config';
import { DeduplicatorModule } from './app/deduplicator.module';

export function startDeduplicator(env: Record<string, string | undefined> = process.env) {
  return startStageService({
    service: 'deduplicator',
    schema: DeduplicatorEnv,
    env,
    module: (config, telemetry) => DeduplicatorModule.forRoot(config, telemetry.tracing.tracer),
    // A store outage is waited out (the partition pauses), never dead-lettered.
    isOutage: isStoreUnavailable,
    readiness: storeReadiness,
    security: (config) => [assessMongoSecurity(config)],
    outputs: [TOPICS.articleDeduplicated, TOPICS.storyKilled, TOPICS.storyCorrected],
  });
}
