import { Module } from '@nestjs/common';
import { KafkaClientModule } from '../kafka-client.module';
import { EnricherController } from './enricher.controller';

@Module({ imports: [KafkaClientModule], controllers: [EnricherController] })
export class EnricherModule {}
