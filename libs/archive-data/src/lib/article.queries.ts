import type { Connection, FilterQuery, Model } from 'mongoose';
import { type ArticleDoc, articleModel, type ArticleVersionDoc, articleVersionModel, type DuplicateDoc, duplicateModel } from './article.model';
import type { StoreCapabilities } from './capabilities';
import { type CursorPosition, decodeCursor, encodeCursor } from './cursor';
import { queryTerms } from './search-terms';

export interface ArticleFilter {
  from?: Date;
  to?: Date;
  /** Which instant from/to bound: when we first stored the story, or when the source created it. */
  timeField?: 'storedAt' | 'firstCreated';
  source?: string;
  provider?: string;
  publisher?: string;
  language?: string;
  person?: string;
  organisation?: string;
  place?: string;
  subject?: string;
  cluster?: string;
  /** The dedup verdict of the stored version. */
  status?: string;
  q?: string;
  includeKilled?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Thrown when a keyword query has no searchable word left after tokenising. */
export class EmptySearchError extends Error {
  override readonly name = 'EmptySearchError';
}

const LIST_PROJECTION = { searchTerms: 0 } as const;

/** The archive's read side; the query API holds no other database logic. */
export class ArticleQueries {
  private readonly articles: Model<ArticleDoc>;
  private readonly versions: Model<ArticleVersionDoc>;
  private readonly duplicates: Model<DuplicateDoc>;

  constructor(
    connection: Connection,
    private readonly capabilities: StoreCapabilities,
  ) {
    this.articles = articleModel(connection);
    this.versions = articleVersionModel(connection);
    this.duplicates = duplicateModel(connection);
  }

  async list(filter: ArticleFilter, page: { limit: number; cursor?: string }): Promise<Page<ArticleDoc>> {
    const conditions = this.conditions(filter);
    if (page.cursor) conditions.push(after(decodeCursor(page.cursor)));
    const query = conditions.length === 1 ? conditions[0] : { $and: conditions };
    const docs = await this.articles
      .find(query, LIST_PROJECTION)
      .sort({ storedAt: -1, _id: -1 })
      .limit(page.limit + 1)
      .lean<ArticleDoc[]>()
      .exec();
    const items = docs.slice(0, page.limit);
    const last = items[items.length - 1];
    return docs.length > page.limit && last ? { items, nextCursor: encodeCursor({ storedAt: last.storedAt, id: last._id }) } : { items };
  }

  /** One story by any of its names: an article id (current or older version), the story key, or the source uri. */
  async get(ref: { id?: string; storyKey?: string; uri?: string }): Promise<{ article: ArticleDoc; versions: ArticleVersionDoc[]; matchedAs: string } | null> {
    let article: ArticleDoc | null = null;
    let matchedAs = 'id';
    if (ref.storyKey) {
      article = await this.articles.findById(ref.storyKey, LIST_PROJECTION).lean<ArticleDoc>().exec();
      matchedAs = 'storyKey';
    } else if (ref.uri) {
      article = await this.articles.findOne({ uri: ref.uri }, LIST_PROJECTION).sort({ rank: -1 }).lean<ArticleDoc>().exec();
      matchedAs = 'uri';
    } else if (ref.id) {
      // Only `_id` reads: every article id has a version record, every duplicate a duplicate record.
      const duplicate = await this.duplicates.findById(ref.id).lean<DuplicateDoc>().exec();
      const version = await this.versions.findById(duplicate ? duplicate.duplicateOf : ref.id).lean<ArticleVersionDoc>().exec();
      if (version) {
        article = await this.articles.findById(version.storyKey, LIST_PROJECTION).lean<ArticleDoc>().exec();
        matchedAs = duplicate ? 'duplicate' : article?.articleId === ref.id ? 'id' : 'version';
      }
    }
    if (!article) return null;
    const versions = await this.versions.find({ storyKey: article._id }).sort({ rank: -1, recordedAt: -1 }).lean<ArticleVersionDoc[]>().exec();
    return { article, versions, matchedAs };
  }

  /** A cluster: the stored stories that carry it and the duplicates recorded against it. */
  async cluster(clusterId: string): Promise<{ articles: ArticleDoc[]; duplicates: DuplicateDoc[] } | null> {
    const [articles, duplicates] = await Promise.all([
      this.articles.find({ clusterId }, LIST_PROJECTION).sort({ storedAt: -1, _id: -1 }).limit(200).lean<ArticleDoc[]>().exec(),
      this.duplicates.find({ clusterId }).sort({ recordedAt: 1, _id: 1 }).limit(1000).lean<DuplicateDoc[]>().exec(),
    ]);
    return articles.length || duplicates.length ? { articles, duplicates } : null;
  }

  private conditions(filter: ArticleFilter): FilterQuery<ArticleDoc>[] {
    const c: FilterQuery<ArticleDoc>[] = [{ listed: true }];
    if (!filter.includeKilled) c.push({ killed: false });
    const field = filter.timeField ?? 'storedAt';
    if (filter.from) c.push({ [field]: { $gte: filter.from } });
    if (filter.to) c.push({ [field]: { $lt: filter.to } });
    const equal: [keyof ArticleFilter, keyof ArticleDoc][] = [
      ['source', 'source'],
      ['provider', 'provider'],
      ['publisher', 'publisher'],
      ['language', 'language'],
      ['person', 'people'],
      ['organisation', 'organisations'],
      ['place', 'places'],
      ['subject', 'subjects'],
      ['cluster', 'clusterId'],
      ['status', 'dedupStatus'],
    ];
    for (const [param, docField] of equal) {
      const value = filter[param];
      if (value !== undefined) c.push({ [docField]: param === 'source' ? String(value).toLowerCase() : value });
    }
    if (filter.q !== undefined) c.push(this.search(filter.q));
    return c;
  }

  private search(q: string): FilterQuery<ArticleDoc> {
    if (this.capabilities.textSearch) return { $text: { $search: q } };
    const terms = queryTerms(q);
    if (terms.length === 0) throw new EmptySearchError('q has no searchable word (only stopwords or punctuation)');
    return { searchTerms: { $all: terms } };
  }
}

function after(position: CursorPosition): FilterQuery<ArticleDoc> {
  return { $or: [{ storedAt: { $lt: position.storedAt } }, { storedAt: position.storedAt, _id: { $lt: position.id } }] };
}
