import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { config } from '../config';
import { KafkaClientModule } from '../kafka-client.module';
import { ContentHash, ContentHashSchema } from './content-hash.schema';
import { DedupController } from './dedup.controller';

@Module({
  imports: [
    KafkaClientModule,
    MongooseModule.forRoot(config.mongoUri),
    MongooseModule.forFeature([{ name: ContentHash.name, schema: ContentHashSchema }]),
  ],
  controllers: [DedupController],
})
export class DedupModule {}
