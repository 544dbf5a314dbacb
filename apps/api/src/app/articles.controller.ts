import { Controller, Get, HttpStatus, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ArticleQueries, EmptySearchError, InvalidCursorError, type Visibility } from '@newswire/archive-data';
import { toNewsmlG2, toNinjs } from '@newswire/wire-out';
import { articleView, duplicateView, embargoAuditEntryView, exportStoryFor, versionView } from './article-view';
import { assertScope } from './auth/auth.guard';
import { RequireScope } from './auth/decorators';
import { CurrentPrincipal, type Principal } from './auth/principal';
import { grants } from './auth/scopes';
import { API_CONFIG, type ApiConfig } from './config';
import { ApiError, badParameters } from './http-errors';
import { Answers, AnswersStory, GuardedRefusals, Operation, QueryFrom } from './openapi';
import { EmbargoAuditQuery, GetArticleQuery, ListArticlesQuery, parsePathId, parseQuery, toFilter } from './query-params';
import { chooseFormat, contentTypeOf } from './representation';
import type { ArticleViewT } from './views.schema';

/** What a principal may see beyond public stories (privileged: withheld ones and those held under embargo). */
function visibilityOf(principal: Principal): Visibility {
  const privileged = grants(principal.scopes, 'privileged');
  return { withheld: privileged, embargoed: privileged };
}

/** Every route needs a token with the `public` scope (the auth guard); some parameters need `privileged`. */
@Controller('v1')
export class ArticlesController {
  constructor(
    @Inject(ArticleQueries) private readonly queries: ArticleQueries,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('articles')
  @Operation('listArticles', 'List and filter stored stories, newest first')
  @QueryFrom(ListArticlesQuery)
  @Answers(200, 'ArticlePage', 'A page of stories')
  @Answers(400, 'Error', 'A parameter is invalid; `details.parameters` names it')
  @GuardedRefusals()
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const params = parseQuery(ListArticlesQuery, query);
    const limit = params.limit ?? this.config.DEFAULT_PAGE_SIZE;
    if (limit > this.config.MAX_PAGE_SIZE) throw badParameters([{ parameter: 'limit', message: `must be at most ${this.config.MAX_PAGE_SIZE}` }]);
    if (params.includeKilled === 'true') assertScope(principal, 'privileged', 'includeKilled=true');
    if (params.includeWithheld === 'true') assertScope(principal, 'privileged', 'includeWithheld=true');
    if (params.includeEmbargoed === 'true') assertScope(principal, 'privileged', 'includeEmbargoed=true');
    const visibility = visibilityOf(principal);
    try {
      const page = await this.queries.list(toFilter(params), { limit, cursor: params.cursor });
      const items: ArticleViewT[] = page.items.map((doc) => articleView(doc, visibility));
      return { items, nextCursor: page.nextCursor ?? null };
    } catch (err) {
      if (err instanceof InvalidCursorError) throw badParameters([{ parameter: 'cursor', message: err.message }]);
      if (err instanceof EmptySearchError) throw badParameters([{ parameter: 'q', message: err.message }]);
      throw err;
    }
  }

  @Get('articles/:id')
  @Operation('getArticle', 'One story with its version history, by article id (any version or duplicate), story key or uri; as JSON, ninjs 2.1 or NewsML-G2')
  @QueryFrom(GetArticleQuery)
  @AnswersStory()
  @Answers(400, 'Error', 'A parameter is invalid (`format` included)')
  @Answers(404, 'Error', 'No such story (or one this token may not see)')
  @GuardedRefusals()
  async get(
    @Param('id') rawId: string,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const id = parsePathId('id', rawId);
    const { by, format: explicit } = parseQuery(GetArticleQuery, query);
    const format = chooseFormat(explicit, req);
    const visibility = visibilityOf(principal);
    const found = await this.queries.get({ [by]: id }, visibility);
    if (!found) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no stored article with ${by} ${JSON.stringify(id)}`);
    // The answer depends on Accept: caches must key on it.
    res.setHeader('Vary', 'Accept');
    res.setHeader('Content-Type', contentTypeOf(format));
    if (format === 'ninjs') return toNinjs(exportStoryFor(found.article, visibility));
    if (format === 'newsml-g2') return toNewsmlG2(exportStoryFor(found.article, visibility));
    return { ...articleView(found.article, visibility), matchedAs: found.matchedAs, versions: found.versions.map(versionView) };
  }

  @Get('articles/:id/embargo-audit')
  @Operation('getEmbargoAudit', 'Every embargo hold, change, lift and release of the story, oldest first (privileged)')
  @QueryFrom(EmbargoAuditQuery)
  @Answers(200, 'EmbargoAudit', 'The story\'s embargo audit trail (empty when it was never held)')
  @Answers(400, 'Error', 'A parameter is invalid')
  @Answers(404, 'Error', 'No such story')
  @GuardedRefusals()
  @RequireScope('privileged')
  async embargoAudit(@Param('id') rawId: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const id = parsePathId('id', rawId);
    const { by } = parseQuery(EmbargoAuditQuery, query);
    const found = await this.queries.get({ [by]: id }, visibilityOf(principal));
    if (!found) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no stored article with ${by} ${JSON.stringify(id)}`);
    const entries = await this.queries.embargoTrail(found.article._id);
    return { storyKey: found.article._id, entries: entries.map(embargoAuditEntryView) };
  }

  @Get('clusters/:clusterId')
  @Operation('getCluster', 'The stories of a cluster and the duplicates recorded against it')
  @Answers(200, 'Cluster', 'The cluster')
  @Answers(400, 'Error', 'The id is invalid')
  @Answers(404, 'Error', 'No such cluster')
  @GuardedRefusals()
  async cluster(@Param('clusterId') rawClusterId: string, @CurrentPrincipal() principal: Principal) {
    const clusterId = parsePathId('clusterId', rawClusterId);
    const visibility = visibilityOf(principal);
    const found = await this.queries.cluster(clusterId, visibility);
    if (!found) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no cluster ${JSON.stringify(clusterId)}`);
    return { clusterId, articles: found.articles.map((doc) => articleView(doc, visibility)), duplicates: found.duplicates.map(duplicateView) };
  }
}
