import { Controller, Get, HttpStatus, Inject, Param, Query } from '@nestjs/common';
import { ArticleQueries, EmptySearchError, InvalidCursorError } from '@newswire/archive-data';
import { articleView, duplicateView, versionView } from './article-view';
import { API_CONFIG, type ApiConfig } from './config';
import { ApiError, badParameters } from './http-errors';
import { GetArticleQuery, ListArticlesQuery, parseQuery, toFilter } from './query-params';

@Controller('v1')
export class ArticlesController {
  constructor(
    @Inject(ArticleQueries) private readonly queries: ArticleQueries,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('articles')
  async list(@Query() query: unknown) {
    const params = parseQuery(ListArticlesQuery, query);
    const limit = params.limit ?? this.config.DEFAULT_PAGE_SIZE;
    if (limit > this.config.MAX_PAGE_SIZE) throw badParameters([{ parameter: 'limit', message: `must be at most ${this.config.MAX_PAGE_SIZE}` }]);
    try {
      const page = await this.queries.list(toFilter(params), { limit, cursor: params.cursor });
      return { items: page.items.map(articleView), nextCursor: page.nextCursor ?? null };
    } catch (err) {
      if (err instanceof InvalidCursorError) throw badParameters([{ parameter: 'cursor', message: err.message }]);
      if (err instanceof EmptySearchError) throw badParameters([{ parameter: 'q', message: err.message }]);
      throw err;
    }
  }

  @Get('articles/:id')
  async get(@Param('id') id: string, @Query() query: unknown) {
    const { by } = parseQuery(GetArticleQuery, query);
    const found = await this.queries.get({ [by]: id });
    if (!found) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no stored article with ${by} ${JSON.stringify(id)}`);
    return { ...articleView(found.article), matchedAs: found.matchedAs, versions: found.versions.map(versionView) };
  }

  @Get('clusters/:clusterId')
  async cluster(@Param('clusterId') clusterId: string) {
    const found = await this.queries.cluster(clusterId);
    if (!found) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no cluster ${JSON.stringify(clusterId)}`);
    return { clusterId, articles: found.articles.map(articleView), duplicates: found.duplicates.map(duplicateView) };
  }
}
