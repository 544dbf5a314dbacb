import { type DynamicModule, Module } from '@nestjs/common';
import type { EnricherConfig } from './config';
import { ENRICH_OPTIONS, EnricherController } from './enricher.controller';

@Module({})
export class EnricherModule {
  static forRoot(config: Pick<EnricherConfig, 'ENTITY_TAGGER'>): DynamicModule {
    return { module: EnricherModule, controllers: [EnricherController], providers: [{ provide: ENRICH_OPTIONS, useValue: { tagger: config.ENTITY_TAGGER === 'on' } }] };
  }
}
