import { loadConfig } from '@newswire/config';
import { TOPICS } from '@newswire/contracts';
import { createStage, kafkaSettingsFrom } from '@newswire/kafka';
import { EnricherEnv } from './app/config';
import { EnricherModule } from './app/enricher.module';

export async function startEnricher(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig('enricher', EnricherEnv, env);
  const stage = await createStage(EnricherModule, {
    settings: kafkaSettingsFrom(config, 'enricher'),
    stage: 'enricher',
    outputs: [TOPICS.articleEnriched],
    logLevel: config.LOG_LEVEL,
  });
  await stage.app.listen();
  return stage;
}
