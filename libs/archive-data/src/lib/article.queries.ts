import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { Connection, FilterQuery, Model } from 'mongoose';
import { type ArticleDoc, articleModel, type ArticleVersionDoc, articleVersionModel, type DuplicateDoc, duplicateModel } from './article.model';
import type { StoreCapabilities } from './capabilities';
import { type CursorPosition, decodeCursor, encodeCursor } from './cursor';
import { indexedList } from './list-index/indexed-list';
import { msPart } from './list-index/keys';
import { ListIndex } from './list-index/list-index';
import { type ListConditions, listsOfConditions } from './list-index/lists';
import type { PositionBounds } from './list-index/streams';
import { queryTerms } from './search-terms';
import { isHeld } from './embargo/decide';
import type { EmbargoAuditDoc } from './embargo/embargo.model';
import { EmbargoLedger } from './embargo/embargo-ledger';
import { fromStored } from './stored-shape';
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
  /** Stories under embargo (held) are left out unless the caller may see them and asks. */
  includeEmbargoed?: boolean;
}

/** What the caller may see beyond public stories. */
export interface Visibility {
  /** Withheld stories (pubStatus `withheld`), otherwise treated as absent. */
  withheld: boolean;
  /** Stories under embargo (held until a future instant), otherwise treated as absent. */
  embargoed?: boolean;
}

export interface QueryOptions {
  /** Server-side limit on every read (`maxTimeMS`); past it the read fails with QueryTimeoutError. */
  maxTimeMS: number;
  /**
   * `auto`: on FerretDB, answer lists from the list index once it is complete and the store
   * answers `_id` ranges from its index (the project's build); `off`: always the plain query.
   */
  listIndex?: 'auto' | 'off';
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Thrown when a keyword query has no searchable word left after tokenising. */
export class EmptySearchError extends Error {
  override readonly name = 'EmptySearchError';
}

const LIST_PROJECTION = { searchTerms: 0, searchText: 0 } as const;
const PUBLIC: Visibility = { withheld: false };
/** How long a finding about the list index holds: ready stays ready; not ready is asked again soon. */
const INDEX_READY_TTL_MS = 300_000;
const INDEX_NOT_READY_TTL_MS = 10_000;

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
  private readonly index: ListIndex;
  private readonly embargo: EmbargoLedger;
  private indexState?: { usable: boolean; until: number };

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
    this.index = new ListIndex(connection);
    this.embargo = new EmbargoLedger(connection);
    withStoreSpans<ArticleQueries>(this, tracer, 'archive.query', ['list', 'get', 'cluster', 'embargoTrail']);
  }

  async list(filter: ArticleFilter, page: { limit: number; cursor?: string }): Promise<Page<ArticleDoc>> {
    const position = page.cursor ? decodeCursor(page.cursor) : undefined;
    const conditions = this.conditions(filter);
    if (position) conditions.push(after(position));
    const docs = (await this.usesListIndex())
      ? await this.indexed(filter, conditions, position, page.limit)
      : await this.read(this.articles.find(and(conditions), LIST_PROJECTION).sort({ storedAt: -1, _id: -1 }).limit(page.limit + 1).lean<ArticleDoc[]>());
    const items = docs.slice(0, page.limit).map(fromStored);
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
    // Held under embargo: absent in the same way.
    if (isHeld(article.heldUntil ?? undefined, new Date()) && !visibility.embargoed) return null;
    const versions = await this.read(this.versions.find({ storyKey: article._id }).sort({ rank: -1, recordedAt: -1 }).lean<ArticleVersionDoc[]>());
    return { article: fromStored(article), versions, matchedAs };
  }

  /**
   * A cluster: the stored stories that carry it and the duplicates recorded
   * against it. Without the right to see withheld stories, a cluster none of
   * whose stories is visible is absent, duplicates included.
   */
  async cluster(clusterId: string, visibility: Visibility = PUBLIC): Promise<{ articles: ArticleDoc[]; duplicates: DuplicateDoc[] } | null> {
    const articleFilter: FilterQuery<ArticleDoc> = {
      clusterId,
      ...(visibility.withheld ? {} : { listed: true }),
      ...(visibility.embargoed ? {} : notHeld(new Date())),
    };
    const clusterArticles = async () =>
      (await this.usesListIndex())
        ? (await this.indexed({ cluster: clusterId }, [articleFilter], undefined, 199)).slice(0, 200)
        : await this.read(this.articles.find(articleFilter, LIST_PROJECTION).sort({ storedAt: -1, _id: -1 }).limit(200).lean<ArticleDoc[]>());
    const [articles, duplicates] = await Promise.all([
      clusterArticles(),
      this.read(this.duplicates.find({ clusterId }).sort({ recordedAt: 1, _id: 1 }).limit(1000).lean<DuplicateDoc[]>()),
    ]);
    if ((!visibility.withheld || !visibility.embargoed) && articles.length === 0) return null;
    return articles.length || duplicates.length ? { articles: articles.map(fromStored), duplicates } : null;
  }

  /** A story's embargo audit trail, oldest first (privileged readers). */
  async embargoTrail(storyKey: string): Promise<EmbargoAuditDoc[]> {
    try {
      return await this.embargo.trailOf(storyKey, this.options.maxTimeMS);
    } catch (err) {
      throw classifyStoreError(err);
    }
  }

  /**
   * The first `limit + 1` matches through the list index (see indexedList): candidates from the
   * index, each checked by the store against the same conditions the plain query uses.
   */
  private async indexed(filter: ArticleFilter, conditions: FilterQuery<ArticleDoc>[], position: CursorPosition | undefined, limit: number): Promise<ArticleDoc[]> {
    try {
      return await indexedList(this.index, {
        lists: listsOfConditions(this.listConditions(filter)),
        bounds: positionBounds(filter, position),
        limit,
        maxTimeMS: this.options.maxTimeMS,
        fetch: (keys) => this.read(this.articles.find({ _id: { $in: keys }, ...and(conditions) }, LIST_PROJECTION).lean<ArticleDoc[]>()),
      });
    } catch (err) {
      throw classifyStoreError(err);
    }
  }

  private listConditions(filter: ArticleFilter): ListConditions {
    return {
      source: filter.source?.toLowerCase(),
      provider: filter.provider,
      publisher: filter.publisher,
      language: filter.language,
      person: filter.person,
      organisation: filter.organisation,
      place: filter.place,
      subject: filter.subject,
      cluster: filter.cluster,
      status: filter.status,
      terms: filter.q === undefined ? undefined : queryTerms(filter.q),
    };
  }

  /** FerretDB with a complete list index and the `_id` range pushdown; asked again after a while. */
  private async usesListIndex(): Promise<boolean> {
    if (this.options.listIndex === 'off' || this.capabilities.server !== 'ferretdb') return false;
    const now = Date.now();
    if (this.indexState && now < this.indexState.until) return this.indexState.usable;
    let usable = false;
    try {
      usable = (await this.index.isReady({ maxTimeMS: this.options.maxTimeMS })) && (await this.index.answersRanges());
    } catch {
      // The plain query reports the store's trouble in its own words; ask again next time.
      return false;
    }
    this.indexState = { usable, until: now + (usable ? INDEX_READY_TTL_MS : INDEX_NOT_READY_TTL_MS) };
    return usable;
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
    if (!filter.includeEmbargoed) c.push(notHeld(new Date()));
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
    // Words are letters and digits only (tokenize), so each is its own regular expression.
    const inText = terms.map((t) => ({ searchText: { $regex: `(?:^| )${t}(?: |$)` } }));
    return { $or: [{ searchTerms: { $all: terms } }, inText.length === 1 ? inText[0] : { $and: inText }] };
  }
}

/**
 * Not under embargo at `now`: never held, released, or past its time (public from that instant,
 * even before the releaser's round). A plain condition, so the list index's store check applies it too.
 */
function notHeld(now: Date): FilterQuery<ArticleDoc> {
  return { $or: [{ heldUntil: { $exists: false } }, { heldUntil: { $lte: now } }] };
}

function and(conditions: FilterQuery<ArticleDoc>[]): FilterQuery<ArticleDoc> {
  return conditions.length <= 1 ? (conditions[0] ?? {}) : { $and: conditions };
}

/**
 * The positions a query can match: a storedAt range and the cursor bound positions (which start
 * with storedAt's millisecond); the cursor's own millisecond stays in, as ties are settled by key.
 */
function positionBounds(filter: ArticleFilter, position: CursorPosition | undefined): PositionBounds {
  const byStoredAt = (filter.timeField ?? 'storedAt') === 'storedAt';
  const uppers: string[] = [];
  if (byStoredAt && filter.to) uppers.push(msPart(filter.to.getTime()));
  if (position) uppers.push(msPart(position.storedAt.getTime() + 1));
  return {
    lower: byStoredAt && filter.from ? msPart(filter.from.getTime()) : undefined,
    upper: uppers.length ? uppers.sort()[0] : undefined,
  };
}

function after(position: CursorPosition): FilterQuery<ArticleDoc> {
  return { $or: [{ storedAt: { $lt: position.storedAt } }, { storedAt: position.storedAt, _id: { $lt: position.id } }] };
}
