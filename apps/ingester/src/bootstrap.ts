import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { devModeBanner, enforceSecurity, loadConfig } from '@newswire/config';
import { assessKafkaSecurity, logLevelsUpTo } from '@newswire/kafka';
import { IngesterEnv } from './app/config';
import { IngesterModule } from './app/ingester.module';

export async function startIngester(env: Record<string, string | undefined> = process.env): Promise<{ app: INestApplication; url: string }> {
  const config = loadConfig('ingester', IngesterEnv, env);
  const open = enforceSecurity('ingester', config, [assessKafkaSecurity(config)]);
  if (config.NEWSWIRE_DEV_MODE) new Logger('ingester').warn(devModeBanner('ingester', ['open to anyone who can reach it: no credentials are checked', ...open]));
  const app = await NestFactory.create(IngesterModule.forRoot(config), {
    bodyParser: false,
    logger: logLevelsUpTo(config.LOG_LEVEL),
  });
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  new Logger('ingester').log(`ready: POST ${url}/v1/articles`);
  return { app, url };
}
