import { Module } from '@nestjs/common';
import { KafkaClientModule } from '../kafka-client.module';
import { ArticlesController } from './articles.controller';

@Module({ imports: [KafkaClientModule], controllers: [ArticlesController] })
export class IngesterModule {}
