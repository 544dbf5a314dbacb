/** What travels between the stages (JSON values, one message per article). */
export interface Article {
  id: string;
  uri: string;
  provider?: string;
  headline: string;
  bodyText: string;
  /** When the ingester accepted it (ms since the epoch): the start of the end-to-end latency. */
  ingestedAt: number;
}

export interface Entities {
  people: string[];
  organizations: string[];
  places: string[];
}

export interface EnrichedArticle {
  article: Article;
  entities: Entities;
  summary: string;
  wordCount: number;
}

export interface DeduplicatedArticle extends EnrichedArticle {
  contentHash: string;
  duplicateOf?: string;
}

export interface StoredEvent {
  articleId: string;
  status: 'stored' | 'duplicate-recorded';
  storedAt: string;
  ingestedAt: number;
}
