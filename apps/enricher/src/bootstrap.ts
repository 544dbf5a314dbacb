import { TOPICS } from '@newswire/contracts';
import { startStageService } from '@newswire/kafka';
import type { ServiceTelemetry } from '@newswire/observability';
import { EnricherEnv } from './app/config';
import { EnricherModule } from './app/enricher.module';

/** `onTelemetry`: a cluster worker hands its registry to the primary, which serves the health port. */
export function startEnricher(env: Record<string, string | undefined> = process.env, options: { onTelemetry?: (telemetry: ServiceTelemetry) => void } = {}) {
  return startStageService({ service: 'enricher', schema: EnricherEnv, env, module: (config) => EnricherModule.forRoot(config), outputs: [TOPICS.articleEnriched], onTelemetry: options.onTelemetry });
}
