import { Module } from '@nestjs/common';
import { EnricherController } from './enricher.controller';

@Module({ controllers: [EnricherController] })
export class EnricherModule {}
