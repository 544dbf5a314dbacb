import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { devModeBanner, enforceSecurity, loadConfig } from '@newswire/config';
import { logLevelsUpTo } from '@newswire/kafka';
import { assessMongoSecurity } from '@newswire/mongo';
import { ApiEnv } from './app/config';
import { ApiModule } from './app/api.module';

export async function startApi(env: Record<string, string | undefined> = process.env): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig('api', ApiEnv, env);
  const open = enforceSecurity('api', config, [assessMongoSecurity(config)]);
  if (config.NEWSWIRE_DEV_MODE) new Logger('api').warn(devModeBanner('api', ['open to anyone who can reach it: no credentials are checked', ...open]));
  // Read-only GET API: no body parser at all.
  const app = await NestFactory.create(ApiModule.forRoot(config), { bodyParser: false, logger: logLevelsUpTo(config.LOG_LEVEL) });
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  new Logger('api').log(`ready: GET ${url}/v1/articles`);
  return { app, url };
}
