import { type Connection, type Model, Schema } from 'mongoose';
import type { ArticleDeduplicated } from '@newswire/contracts';

/**
 * One enrichment of a stored article, kept when a replay replaced it or was
 * the replacement: the history of what the extractors said and when, with
 * their names and versions. `_id` is `<articleId>#e<version>`, so recording
 * one twice (a redelivered replay) finds it already there.
 */
export interface EnrichmentVersionDoc {
  _id: string;
  articleId: string;
  storyKey: string;
  version: number;
  enrichedAt: Date;
  provenance: ArticleDeduplicated['enrichment']['provenance'];
  enrichment: ArticleDeduplicated['enrichment'];
  /** `ingest`: the enrichment the story was stored with; `replay`: from an operator's replay. */
  origin: 'ingest' | 'replay';
  replayId?: string;
  recordedAt: Date;
}

export const EnrichmentVersionSchema = new Schema<EnrichmentVersionDoc>(
  {
    _id: { type: String, required: true },
    articleId: { type: String, required: true, index: true },
    storyKey: { type: String, required: true },
    version: { type: Number, required: true },
    enrichedAt: { type: Date, required: true },
    provenance: { type: Schema.Types.Mixed, required: true },
    enrichment: { type: Schema.Types.Mixed, required: true },
    origin: { type: String, required: true },
    replayId: String,
    recordedAt: { type: Date, required: true },
  },
  { collection: 'article_enrichments', versionKey: false, autoIndex: false, minimize: false },
);

export function enrichmentVersionId(articleId: string, version: number): string {
  return `${articleId}#e${version}`;
}

export function enrichmentVersionModel(connection: Connection): Model<EnrichmentVersionDoc> {
  return connection.models['EnrichmentVersion'] ?? connection.model<EnrichmentVersionDoc>('EnrichmentVersion', EnrichmentVersionSchema);
}
