import { TOPICS } from '@newswire/contracts';
import { startStageService } from '@newswire/kafka';
import { EnricherEnv } from './app/config';
import { EnricherModule } from './app/enricher.module';

export function startEnricher(env: Record<string, string | undefined> = process.env) {
  return startStageService({ service: 'enricher', schema: EnricherEnv, env, module: () => EnricherModule, outputs: [TOPICS.articleEnriched] });
}
