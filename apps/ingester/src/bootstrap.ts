import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { devModeBanner, loadConfig } from '@newswire/config';
import { logLevelsUpTo } from '@newswire/kafka';
import { IngesterEnv, type IngesterConfig } from './app/config';
import { IngesterModule } from './app/ingester.module';
import { ApiErrorFilter } from './app/http-errors';

export async function startIngester(env: Record<string, string | undefined> = process.env): Promise<{ app: INestApplication; url: string; config: IngesterConfig }> {
  const config = loadConfig('ingester', IngesterEnv, env);
  if (config.NEWSWIRE_DEV_MODE) new Logger('ingester').warn(devModeBanner('ingester', ['open to anyone who can reach it: no credentials are checked']));
  const app = await NestFactory.create(IngesterModule.forRoot(config), {
    bodyParser: false,
    logger: logLevelsUpTo(config.LOG_LEVEL),
  });
  app.useGlobalFilters(new ApiErrorFilter(app.getHttpAdapter()));
  // Nothing about the stack is the sender's business.
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  new Logger('ingester').log(`ready: POST ${url}/v1/articles`);
  return { app, url, config };
}
