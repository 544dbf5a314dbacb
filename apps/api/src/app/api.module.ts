import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Connection } from 'mongoose';
import { ArticleQueries, detectCapabilities, type StoreCapabilities } from '@newswire/archive-data';
import { MONGO_CONNECTION, MongoModule, storeOptionsFrom } from '@newswire/mongo';
import { HealthModule, Readiness, type ServiceTelemetry } from '@newswire/observability';
import { HttpErrorFilter } from '@newswire/platform';
import { storeErrors } from './api-exception.filter';
import { ArticlesController } from './articles.controller';
import { AuthGuard } from './auth/auth.guard';
import { RATE_LIMIT_WINDOWS, TokenRateLimitGuard } from './auth/rate-limit.guard';
import { TokenRegistry } from './auth/token-registry';
import { API_CONFIG, type ApiConfig } from './config';
import { Open } from './auth/decorators';
import { OpenApiController, OpenApiDocument } from './openapi.controller';
import { CAPABILITIES } from './tokens';
import { SourceCatalogue } from './sources/source-catalogue';
import { SourceHealthReader } from './sources/source-health';
import { SourcesController } from './sources/sources.controller';

/** Reads the archive only: indexes are the storage stage's job. */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig, tokens: TokenRegistry, telemetry: ServiceTelemetry, readiness: Readiness, sources: SourceCatalogue): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        MongoModule.forRoot(config.MONGODB_URI, { service: 'api', ...storeOptionsFrom(config) }),
        // In-process counters: with several API instances each enforces its own share.
        ThrottlerModule.forRoot({ throttlers: RATE_LIMIT_WINDOWS, setHeaders: false }),
        // Probes and metrics are open (no token), as probes and scrapers expect; their bodies name checks only.
        HealthModule.forRoot({ readiness, metrics: telemetry.metrics, tracing: telemetry.tracing, decorators: [Open()] }),
      ],
      controllers: [ArticlesController, SourcesController, OpenApiController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        OpenApiDocument,
        { provide: TokenRegistry, useValue: tokens },
        { provide: SourceCatalogue, useValue: sources },
        // Global guards run in this order: who is asking, then how often they asked.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: TokenRateLimitGuard },
        { provide: APP_FILTER, useFactory: () => new HttpErrorFilter([storeErrors]) },
        { provide: CAPABILITIES, inject: [MONGO_CONNECTION], useFactory: (c: Connection) => detectCapabilities(c) },
        { provide: SourceHealthReader, inject: [MONGO_CONNECTION], useFactory: (c: Connection) => new SourceHealthReader(c, config.API_QUERY_MAX_TIME_MS) },
        {
          provide: ArticleQueries,
          inject: [MONGO_CONNECTION, CAPABILITIES],
          useFactory: (c: Connection, caps: StoreCapabilities) => new ArticleQueries(c, caps, { maxTimeMS: config.API_QUERY_MAX_TIME_MS, listIndex: config.API_LIST_INDEX }, telemetry.tracing.tracer),
        },
      ],
    };
  }
}
