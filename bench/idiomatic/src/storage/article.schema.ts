import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/** One document per article received; copies point at the first article with their text. */
@Schema({ collection: 'articles', timestamps: { createdAt: 'storedAt', updatedAt: false } })
export class StoredArticle {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  uri: string;

  @Prop()
  provider?: string;

  @Prop({ required: true })
  headline: string;

  @Prop({ required: true })
  bodyText: string;

  @Prop({ type: [String], index: true })
  people: string[];

  @Prop({ type: [String], index: true })
  organizations: string[];

  @Prop({ type: [String], index: true })
  places: string[];

  @Prop()
  summary: string;

  @Prop()
  wordCount: number;

  @Prop({ required: true })
  contentHash: string;

  @Prop({ index: true })
  duplicateOf?: string;

  @Prop({ required: true })
  ingestedAt: Date;
}

export type StoredArticleDocument = HydratedDocument<StoredArticle>;
export const StoredArticleSchema = SchemaFactory.createForClass(StoredArticle);
