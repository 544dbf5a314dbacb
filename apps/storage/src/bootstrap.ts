import { loadConfig } from '@newswire/config';
import { TOPICS } from '@newswire/contracts';
import { createStage, kafkaSettingsFrom } from '@newswire/kafka';
import { StorageEnv } from './app/config';
import { StorageModule } from './app/storage.module';

export async function startStorage(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig('storage', StorageEnv, env);
  const stage = await createStage(StorageModule.forRoot(config), {
    settings: kafkaSettingsFrom(config, 'storage'),
    stage: 'storage',
    outputs: [TOPICS.articleStored],
    logLevel: config.LOG_LEVEL,
  });
  await stage.app.listen();
  return stage;
}
