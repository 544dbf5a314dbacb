import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/** The first article seen with a given text. */
@Schema({ collection: 'content_hashes', timestamps: { createdAt: true, updatedAt: false } })
export class ContentHash {
  @Prop({ required: true, unique: true })
  hash: string;

  @Prop({ required: true })
  articleId: string;
}

export type ContentHashDocument = HydratedDocument<ContentHash>;
export const ContentHashSchema = SchemaFactory.createForClass(ContentHash);
