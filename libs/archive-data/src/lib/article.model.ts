import { type Connection, type Model, Schema } from 'mongoose';
import type { ArticleDeduplicated } from '@newswire/contracts';

/**
 * The stored article: canonical fields, enrichment and the dedup verdict as
 * they arrived, under the platform id. Nested parts are kept schemaless here
 * because the contracts lib already validated them on consume.
 */
export interface ArticleDoc {
  _id: string;
  uri: string;
  headline: string;
  bodyText: string;
  firstCreated?: Date;
  language?: string;
  publisher?: string;
  clusterId: string;
  article: ArticleDeduplicated['article'];
  enrichment: ArticleDeduplicated['enrichment'];
  dedup: ArticleDeduplicated['dedup'];
  storedAt: Date;
}

export const ArticleSchema = new Schema<ArticleDoc>(
  {
    _id: { type: String, required: true },
    uri: { type: String, required: true },
    headline: { type: String, required: true },
    bodyText: { type: String, required: true },
    firstCreated: Date,
    language: String,
    publisher: String,
    clusterId: { type: String, required: true },
    article: { type: Schema.Types.Mixed, required: true },
    enrichment: { type: Schema.Types.Mixed, required: true },
    dedup: { type: Schema.Types.Mixed, required: true },
    storedAt: { type: Date, required: true },
  },
  { collection: 'articles', versionKey: false, autoIndex: false, minimize: false },
);

export interface DuplicateDoc {
  _id: string;
  clusterId: string;
  duplicateOf: string;
  uri: string;
  headline: string;
  method: string;
  receivedAt: Date;
  recordedAt: Date;
}

/** A duplicate is recorded against its cluster, never stored as a second full copy. */
export const DuplicateSchema = new Schema<DuplicateDoc>(
  {
    _id: { type: String, required: true },
    clusterId: { type: String, required: true, index: true },
    duplicateOf: { type: String, required: true },
    uri: { type: String, required: true },
    headline: { type: String, required: true },
    method: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'article_duplicates', versionKey: false, autoIndex: false },
);

export function articleModel(connection: Connection): Model<ArticleDoc> {
  return connection.models['Article'] ?? connection.model<ArticleDoc>('Article', ArticleSchema);
}

export function duplicateModel(connection: Connection): Model<DuplicateDoc> {
  return connection.models['Duplicate'] ?? connection.model<DuplicateDoc>('Duplicate', DuplicateSchema);
}
