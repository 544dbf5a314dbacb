import { type Connection, type Model, Schema } from 'mongoose';

export interface ContentHashDoc {
  _id: string;
  articleId: string;
  firstSeenAt: Date;
}

/** One document per normalised-text hash; `_id` equality is what FerretDB indexes best. */
export const ContentHashSchema = new Schema<ContentHashDoc>(
  {
    _id: { type: String, required: true },
    articleId: { type: String, required: true },
    firstSeenAt: { type: Date, required: true },
  },
  { collection: 'dedup_content_hashes', versionKey: false, autoIndex: false },
);

export function contentHashModel(connection: Connection): Model<ContentHashDoc> {
  return connection.models['ContentHash'] ?? connection.model<ContentHashDoc>('ContentHash', ContentHashSchema);
}
