import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { NEWSML_G2_MEDIA_TYPE, NEWSML_G2_VERSION, NINJS_MEDIA_TYPE, NINJS_SCHEMA_URI, NINJS_VERSION } from '@newswire/wire-out';
import { VIEW_SCHEMAS } from './views.schema';

/**
 * The OpenAPI document is generated from the code: paths and parameters from
 * the controllers (@nestjs/swagger scans their decorators), parameter and
 * response schemas from the zod schemas that validate the queries and type
 * the views. Nothing in it is written twice.
 */

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };
type SchemaName = keyof typeof VIEW_SCHEMAS;

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } };

/** Query parameters straight from the zod schema that validates them. */
export function QueryFrom(schema: z.ZodType): MethodDecorator {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, s]) => {
      const { description, ...rest } = s;
      return ApiQuery({ name, required: (json.required ?? []).includes(name), ...(description ? { description: String(description) } : {}), schema: rest });
    }),
  );
}

/** An answer described by one of the view schemas. */
export function Answers(status: number, schema: SchemaName, description: string): MethodDecorator {
  return ApiResponse({ status, description, schema: ref(schema) });
}

/** The single-story answer in each of its representations (the `format` parameter or Accept chooses). */
export function AnswersStory(): MethodDecorator {
  return ApiResponse({
    status: 200,
    description: 'The story. `Vary: Accept`.',
    content: {
      'application/json': { schema: ref('ArticleWithVersions') },
      [NINJS_MEDIA_TYPE]: {
        schema: {
          type: 'object',
          description: `An IPTC ninjs ${NINJS_VERSION} news item, valid against ${NINJS_SCHEMA_URI}; platform ids in \`altids\` (newswire:article-id, newswire:story-key, newswire:cluster-id). No body when killed or withheld from the token.`,
        },
      },
      [NEWSML_G2_MEDIA_TYPE]: {
        schema: { type: 'string', description: `An IPTC NewsML-G2 ${NEWSML_G2_VERSION} newsItem (UTF-8 XML) with the body as XHTML in inlineXML.` },
      },
    },
  });
}

/** An operation with its stable id (clients generated from the document name their methods after it). */
export function Operation(operationId: string, summary: string): MethodDecorator {
  return ApiOperation({ operationId, summary });
}

/** Refusals every token-guarded read can give. */
export function GuardedRefusals(): MethodDecorator {
  return applyDecorators(
    ApiResponse({ status: 401, description: 'No token, or not a valid one (`unauthorized`); `WWW-Authenticate: Bearer`', schema: ref('Error') }),
    ApiResponse({ status: 403, description: 'The token lacks the scope this needs (`forbidden`); `details.requiredScope` names it', schema: ref('Error') }),
    ApiResponse({ status: 429, description: 'The token exceeded its rate limit (`rate_limited`)', schema: ref('Error'), headers: retryAfter }),
    ApiResponse({
      status: 503,
      description: 'The query exceeded API_QUERY_MAX_TIME_MS (`query_timeout`) or the archive is unavailable (`store_unavailable`)',
      schema: ref('Error'),
      headers: retryAfter,
    }),
  );
}

/** Paths anyone may call: the document says they need no token. */
const OPEN_PATHS = ['/health/live', '/health/ready', '/openapi.json', '/metrics'];

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('newswire archive query API')
    .setVersion('1.0.0')
    .setDescription(
      'Read-only access to stored stories. A story is stored once under its story key (source + source id) at its newest version; ' +
        'killed stories never carry a body; withheld stories are left out of lists. Lists are newest-first by first-stored time with an opaque cursor. ' +
        'Every /v1 request needs `Authorization: Bearer <token>`. Scopes: `public` reads published stories; `privileged` also sees withheld ' +
        'stories (by id, in clusters, and in lists with includeWithheld=true) and stories held under embargo (likewise, includeEmbargoed=true; with heldUntil and ' +
        'their embargo audit), and may list killed ones (includeKilled=true). Public tokens never see a held story (404, in no list). Each token has a rate limit.',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A read token (mint one with `npm run api:token`); the server keeps only its SHA-256.' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  for (const path of OPEN_PATHS) for (const op of Object.values(document.paths[path] ?? {})) (op as { security?: unknown[] }).security = [];
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(VIEW_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) {
    delete schema['$schema'];
    delete schema['$id'];
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  return document;
}
