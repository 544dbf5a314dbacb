import { z } from 'zod';
import { GetArticleQuery, ListArticlesQuery } from './query-params';

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/** Query parameters straight from the zod schemas that validate them, so the document cannot drift. */
function parametersOf(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

const error = { $ref: '#/components/schemas/Error' };
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } };

/** Refusals every token-guarded read can give. */
const guardedResponses = {
  '401': { ...json(error, 'No token, or not a valid one (`unauthorized`); `WWW-Authenticate: Bearer`'), headers: { 'WWW-Authenticate': { schema: { type: 'string' } } } },
  '403': json(error, 'The token lacks the scope this needs (`forbidden`); `details.requiredScope` names it'),
  '429': { ...json(error, 'The token exceeded its rate limit (`rate_limited`)'), headers: retryAfter },
  '503': {
    ...json(error, 'The query exceeded API_QUERY_MAX_TIME_MS (`query_timeout`) or the archive is unavailable (`store_unavailable`)'),
    headers: retryAfter,
  },
};

/**
 * OpenAPI 3.1, hand-assembled: the article shape is described loosely
 * (its source of truth is the contracts lib); parameters are generated.
 */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'newswire archive query API',
      version: '1.0.0',
      description:
        'Read-only access to stored stories. A story is stored once under its story key (source + source id) at its newest version; ' +
        'killed stories never carry a body; withheld stories are left out of lists. Lists are newest-first by first-stored time with an opaque cursor. ' +
        'Every /v1 request needs `Authorization: Bearer <token>`. Scopes: `public` reads published stories; `privileged` also sees withheld ' +
        'stories (by id, in clusters, and in lists with includeWithheld=true) and may list killed ones (includeKilled=true). Each token has a rate limit.',
    },
    security: [{ bearer: [] }],
    paths: {
      '/v1/articles': {
        get: {
          operationId: 'listArticles',
          summary: 'List and filter stored stories, newest first',
          parameters: parametersOf(ListArticlesQuery),
          responses: {
            '200': json({ $ref: '#/components/schemas/ArticlePage' }, 'A page of stories'),
            '400': json(error, 'A parameter is invalid; `details.parameters` names it'),
            ...guardedResponses,
          },
        },
      },
      '/v1/articles/{id}': {
        get: {
          operationId: 'getArticle',
          summary: 'One story with its version history',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...parametersOf(GetArticleQuery)],
          responses: {
            '200': json({ $ref: '#/components/schemas/ArticleWithVersions' }, 'The story'),
            '400': json(error, 'A parameter is invalid'),
            '404': json(error, 'No such story (or one this token may not see)'),
            ...guardedResponses,
          },
        },
      },
      '/v1/clusters/{clusterId}': {
        get: {
          operationId: 'getCluster',
          summary: 'The stories of a cluster and the duplicates recorded against it',
          parameters: [{ name: 'clusterId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json({ type: 'object' }, 'The cluster'), '400': json(error, 'The id is invalid'), '404': json(error, 'No such cluster'), ...guardedResponses },
        },
      },
      '/health/live': { get: { operationId: 'live', security: [], responses: { '200': json({ $ref: '#/components/schemas/Health' }, 'Process is up') } } },
      '/health/ready': {
        get: {
          operationId: 'ready',
          security: [],
          responses: {
            '200': json({ $ref: '#/components/schemas/Health' }, 'The store answers (`status: ok`)'),
            '503': json({ $ref: '#/components/schemas/Health' }, 'A check failed (`status: error`, the check under `error`)'),
          },
        },
      },
      '/openapi.json': { get: { operationId: 'openapi', security: [], responses: { '200': json({ type: 'object' }, 'This document') } } },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A read token (mint one with `npm run api:token`); the server keeps only its SHA-256.' },
      },
      schemas: {
        Health: {
          type: 'object',
          description: 'Terminus health result: each check by name under info (up) or error (down), and all under details',
          required: ['status'],
          properties: {
            status: { type: 'string', enum: ['ok', 'error'] },
            info: { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } } },
            error: { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } } },
            details: { type: 'object', additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } } },
          },
        },
        Error: {
          type: 'object',
          required: ['statusCode', 'error', 'message'],
          properties: {
            statusCode: { type: 'integer' },
            error: {
              type: 'string',
              description:
                'Stable machine-readable code: invalid_parameter, not_found, unauthorized, forbidden, rate_limited, query_timeout, store_unavailable, internal_error',
            },
            message: { type: 'string' },
            details: { type: 'object' },
          },
        },
        Article: {
          type: 'object',
          required: ['id', 'storyKey', 'uri', 'headline', 'pubStatus', 'killed', 'storedAt', 'clusterId'],
          properties: {
            id: { type: 'string', description: 'Platform id of the current version' },
            storyKey: { type: 'string' },
            uri: { type: 'string' },
            version: { type: 'integer' },
            pubStatus: { enum: ['usable', 'withheld', 'canceled'] },
            killed: { type: 'boolean' },
            headline: { type: 'string' },
            bodyText: { type: 'string', description: 'Absent when killed or withheld' },
            bodyHtml: { type: 'string' },
            summary: { type: 'string' },
            firstCreated: { type: 'string', format: 'date-time' },
            storedAt: { type: 'string', format: 'date-time' },
            language: { type: 'string' },
            people: { type: 'array', items: { type: 'object' } },
            organisations: { type: 'array', items: { type: 'object' } },
            places: { type: 'array', items: { type: 'object' } },
            subjects: { type: 'array', items: { type: 'object' } },
            clusterId: { type: 'string' },
            dedup: { type: 'object' },
          },
        },
        ArticlePage: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: {
            items: { type: 'array', items: { $ref: '#/components/schemas/Article' } },
            nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page' },
          },
        },
        ArticleWithVersions: {
          allOf: [
            { $ref: '#/components/schemas/Article' },
            {
              type: 'object',
              properties: {
                matchedAs: { enum: ['id', 'version', 'duplicate', 'storyKey', 'uri'] },
                versions: { type: 'array', items: { type: 'object' }, description: 'Every message of the story, newest rank first, with its outcome' },
              },
            },
          ],
        },
      },
    },
  };
}
