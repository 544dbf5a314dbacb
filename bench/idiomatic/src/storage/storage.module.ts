import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { config } from '../config';
import { KafkaClientModule } from '../kafka-client.module';
import { StoredArticle, StoredArticleSchema } from './article.schema';
import { StorageController } from './storage.controller';

@Module({
  imports: [
    KafkaClientModule,
    MongooseModule.forRoot(config.mongoUri),
    MongooseModule.forFeature([{ name: StoredArticle.name, schema: StoredArticleSchema }]),
  ],
  controllers: [StorageController],
})
export class StorageModule {}
