import { loadConfig } from '@newswire/config';
import { TOPICS } from '@newswire/contracts';
import { createStage, kafkaSettingsFrom } from '@newswire/kafka';
import { DeduplicatorEnv } from './app/config';
import { DeduplicatorModule } from './app/deduplicator.module';

export async function startDeduplicator(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig('deduplicator', DeduplicatorEnv, env);
  const stage = await createStage(DeduplicatorModule.forRoot(config), {
    settings: kafkaSettingsFrom(config, 'deduplicator'),
    stage: 'deduplicator',
    outputs: [TOPICS.articleDeduplicated, TOPICS.storyKilled, TOPICS.storyCorrected],
    logLevel: config.LOG_LEVEL,
  });
  await stage.app.listen();
  return stage;
}
