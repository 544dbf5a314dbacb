import type { ArticleDoc } from './article.model';

/** The nested parts of a story that FerretDB keeps as one JSON string. */
export const PACKED_FIELDS = ['article', 'enrichment', 'dedup'] as const;
type Packed = Pick<ArticleDoc, (typeof PACKED_FIELDS)[number]>;

/**
 * How a story is laid out in the store. FerretDB 1.x keeps each document as JSON text with a
 * schema entry for every value, and decodes both on every read: the nested article, enrichment
 * and dedup verdict, and an array of hundreds of search words, cost it several times more than
 * the rest of the story (21 stories: 280 ms plain, 45 ms packed, on the benchmark store). There
 * they are stored as one JSON string each (`packed`, `searchText`); the fields that queries filter,
 * sort and guard on stay as they are. MongoDB keeps the plain shape. Reads take either, so
 * stories stored before stay readable, and a new version rewrites them in the store's shape.
 */
export function toStored(current: Omit<ArticleDoc, '_id' | 'storedAt'>, compact: boolean): Omit<ArticleDoc, '_id' | 'storedAt'> {
  if (!compact) return current;
  const { searchTerms, article, enrichment, dedup, ...rest } = current;
  return { ...rest, searchText: (searchTerms ?? []).join(' '), packed: packStory({ article, enrichment, dedup }) } as Omit<ArticleDoc, '_id' | 'storedAt'>;
}

export function packStory(parts: Packed): string {
  return JSON.stringify(parts);
}

/** A story as the code uses it, whichever shape it was stored in. */
export function fromStored<T extends Partial<ArticleDoc>>(doc: T): T {
  if (typeof doc.packed !== 'string') return doc;
  const { packed, ...rest } = doc;
  return { ...rest, ...(JSON.parse(packed) as Packed) } as T;
}

/** The `$set` that replaces a stored story's enrichment, in the shape the story is stored in (tools, tests). */
export function enrichmentUpdate(stored: Partial<ArticleDoc>, enrichment: ArticleDoc['enrichment']): Partial<ArticleDoc> {
  if (typeof stored.packed !== 'string') return { enrichment };
  return { packed: packStory({ ...(JSON.parse(stored.packed) as Packed), enrichment }) };
}
