import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { Connection, FilterQuery, Model } from 'mongoose';
import { type ArticleDoc, articleModel, type ArticleVersionDoc, articleVersionModel, type DuplicateDoc, duplicateModel } from './article.model';
import type { StoreCapabilities } from './capabilities';
import { type CursorPosition, decodeCursor, encodeCursor } from './cursor';
import { queryTerms } from './search-terms';
import { classifyStoreError } from './store-errors';

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
  /** Withheld stories are left out unless the caller may see them and asks. */
  includeWithheld?: boolean;
}

/** What the caller may see beyond public stories. */
export interface Visibility {
  /** Withheld stories (pubStatus `withheld`), otherwise treated as absent. */
  withheld: boolean;
}

export interface QueryOptions {
  /** Server-side limit on every read (`maxTimeMS`); past it the read fails with QueryTimeoutError. */
  maxTimeMS: number;
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
const PUBLIC: Visibility = { withheld: false };

/**
 * A mongoose read that takes a server-side time limit: a Query (find, findOne,
 * countDocuments: `maxTimeMS()`) or an Aggregate (`option({ maxTimeMS })`).
 * FerretDB 1.24 honours it for find and aggregate (countDocuments is an
 * aggregate) and ignores it for the `count` command (estimatedDocumentCount),
 * so this side never uses that one.
 */
type TimeLimited<T> = { exec(): Promise<T> } & ({ maxTimeMS(ms: number): unknown } | { option(options: { maxTimeMS: number }): unknown });

/**
 * The archive's read side; the query API holds no other database logic.
 * Every read carries `maxTimeMS` so one expensive filter cannot hold a
 * connection and a store thread indefinitely, and every driver error leaves
 * as QueryTimeoutError, StoreUnavailableError or itself.
 */
export class ArticleQueries {
  private readonly articles: Model<ArticleDoc>;
  private readonly versions: Model<ArticleVersionDoc>;
  private readonly duplicates: Model<DuplicateDoc>;

  constructor(
    connection: Connection,
    private readonly capabilities: StoreCapabilities,
    private readonly options: QueryOptions = { maxTimeMS: 5000 },
    /** With a tracer, each query is a span (archive.query.<method>). */
    tracer?: Tracer,
  ) {
    this.articles = articleModel(connection);
    this.versions = articleVersionModel(connection);
    this.duplicates = duplicateModel(connection);
    withStoreSpans<ArticleQueries>(this, tracer, 'archive.query', ['list', 'get', 'cluster']);
  }

  async list(filter: ArticleFilter, page: { limit: number; cursor?: string }): Promise<Page<ArticleDoc>> {
    const conditions = this.conditions(filter);
    if (page.cursor) conditions.push(after(decodeCursor(page.cursor)));
    const query = conditions.length <= 1 ? (conditions[0] ?? {}) : { $and: conditions };
    const docs = await this.read(this.articles.find(query, LIST_PROJECTION).sort({ storedAt: -1, _id: -1 }).limit(page.limit + 1).lean<ArticleDoc[]>());
    const items = docs.slice(0, page.limit);
    const last = items[items.length - 1];
    return docs.length > page.limit && last ? { items, nextCursor: encodeCursor({ storedAt: last.storedAt, id: last._id }) } : { items };
  }

  /** One story by any of its names: an article id (current or older version), the story key, or the source uri. */
  async get(
    ref: { id?: string; storyKey?: string; uri?: string },
    visibility: Visibility = PUBLIC,
  ): Promise<{ article: ArticleDoc; versions: ArticleVersionDoc[]; matchedAs: string } | null> {
    let article: ArticleDoc | null = null;
    let matchedAs = 'id';
    if (ref.storyKey) {
      article = await this.read(this.articles.findById(ref.storyKey, LIST_PROJECTION).lean<ArticleDoc>());
      matchedAs = 'storyKey';
    } else if (ref.uri) {
      article = await this.read(this.articles.findOne({ uri: ref.uri }, LIST_PROJECTION).sort({ rank: -1 }).lean<ArticleDoc>());
      matchedAs = 'uri';
    } else if (ref.id) {
      // Only `_id` reads: every article id has a version record, every duplicate a duplicate record.
      const duplicate = await this.read(this.duplicates.findById(ref.id).lean<DuplicateDoc>());
      const version = await this.read(this.versions.findById(duplicate ? duplicate.duplicateOf : ref.id).lean<ArticleVersionDoc>());
      if (version) {
        article = await this.read(this.articles.findById(version.storyKey, LIST_PROJECTION).lean<ArticleDoc>());
        matchedAs = duplicate ? 'duplicate' : article?.articleId === ref.id ? 'id' : 'version';
      }
    }
    // A withheld story is absent for whoever may not see it: no 403 that would confirm it exists.
    if (!article || (!article.listed && !visibility.withheld)) return null;
    const versions = await this.read(this.versions.find({ storyKey: article._id }).sort({ rank: -1, recordedAt: -1 }).lean<ArticleVersionDoc[]>());
    return { article, versions, matchedAs };
  }

  /**
   * A cluster: the stored stories that carry it and the duplicates recorded
   * against it. Without the right to see withheld stories, a cluster none of
   * whose stories is visible is absent, duplicates included.
   */
  async cluster(clusterId: string, visibility: Visibility = PUBLIC): Promise<{ articles: ArticleDoc[]; duplicates: DuplicateDoc[] } | null> {
    const articleFilter: FilterQuery<ArticleDoc> = visibility.withheld ? { clusterId } : { clusterId, listed: true };
    const [articles, duplicates] = await Promise.all([
      this.read(this.articles.find(articleFilter, LIST_PROJECTION).sort({ storedAt: -1, _id: -1 }).limit(200).lean<ArticleDoc[]>()),
      this.read(this.duplicates.find({ clusterId }).sort({ recordedAt: 1, _id: 1 }).limit(1000).lean<DuplicateDoc[]>()),
    ]);
    if (!visibility.withheld && articles.length === 0) return null;
    return articles.length || duplicates.length ? { articles, duplicates } : null;
  }

  /** Runs one read with the time limit, translating driver errors. */
  private async read<T>(query: TimeLimited<T>): Promise<T> {
    if ('maxTimeMS' in query) query.maxTimeMS(this.options.maxTimeMS);
    else query.option({ maxTimeMS: this.options.maxTimeMS });
    try {
      return await query.exec();
    } catch (err) {
      throw classifyStoreError(err);
    }
  }

  private conditions(filter: ArticleFilter): FilterQuery<ArticleDoc>[] {
    const c: FilterQuery<ArticleDoc>[] = filter.includeWithheld ? [] : [{ listed: true }];
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
