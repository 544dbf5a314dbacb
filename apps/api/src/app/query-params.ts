import { z } from 'zod';
import { type ArticleFilter } from '@newswire/archive-data';
import { badParameters } from './http-errors';

// Control characters (NUL included) have no place in a name or a keyword and some stores refuse them in a filter.
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const text = z.string().trim().min(1).max(200).regex(NO_CONTROL, 'must not contain control characters');
const instant = z.iso.datetime({ offset: true });

/**
 * The list endpoint's parameters. Strict: an unknown or misspelt parameter
 * is a 400 naming it, not a silently ignored filter that returns everything.
 * The same schema feeds the OpenAPI document.
 */
export const ListArticlesQuery = z
  .strictObject({
    from: instant.optional().describe('Inclusive lower bound (ISO 8601 with offset) on `timeField`.'),
    to: instant.optional().describe('Exclusive upper bound (ISO 8601 with offset) on `timeField`.'),
    timeField: z.enum(['storedAt', 'firstCreated']).default('storedAt').describe('Which instant from/to bound.'),
    source: text.optional().describe('The source part of the story key: provider, else publisher (case-insensitive).'),
    provider: text.optional(),
    publisher: text.optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code like en or pt-BR').optional(),
    person: text.optional().describe('A person named by the source or found by enrichment, exact name.'),
    organisation: text.optional(),
    place: text.optional(),
    subject: z.string().regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9._-]+$/, 'must be a scheme:code like medtop:11000000').optional(),
    cluster: text.optional().describe('Cluster id: stories that are versions or originals of one cluster.'),
    status: z.enum(['original', 'new-version', 'duplicate', 'stale-version']).optional().describe('Dedup verdict of the stored version.'),
    q: text.optional().describe('Keywords; every word must occur in the headline or body.'),
    includeKilled: z.enum(['true', 'false']).default('false').describe('List killed stories too (never with their body). Needs the privileged scope.'),
    includeWithheld: z.enum(['true', 'false']).default('false').describe('List withheld stories too. Needs the privileged scope.'),
    includeEmbargoed: z.enum(['true', 'false']).default('false').describe('List stories held under embargo too. Needs the privileged scope.'),
    limit: z.coerce.number().int().min(1).max(1000).optional().describe('Page size.'),
    cursor: z.string().min(1).max(512).optional().describe('`nextCursor` of the previous page.'),
  })
  .refine((p) => !p.from || !p.to || Date.parse(p.from) < Date.parse(p.to), { path: ['to'], message: 'must be after from' });

export type ListArticlesParams = z.infer<typeof ListArticlesQuery>;

/** The representations of one story; `format` names one, else the Accept header chooses (see representation.ts). */
export const ARTICLE_FORMATS = ['json', 'ninjs', 'newsml-g2'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

export const GetArticleQuery = z.strictObject({
  by: z.enum(['id', 'storyKey', 'uri']).default('id').describe('What the path segment is: an article id (any version or duplicate), a story key, or a source uri.'),
  format: z
    .enum(ARTICLE_FORMATS)
    .optional()
    .describe(
      'The representation: `json` (this API\'s view, with versions), `ninjs` (IPTC ninjs 2.1, application/ninjs+json) or `newsml-g2` (an IPTC NewsML-G2 newsItem, application/vnd.iptc.g2.newsitem+xml). Without it the Accept header chooses; anything else gets JSON.',
    ),
});

/** The embargo audit takes the story by the same names, without a representation. */
export const EmbargoAuditQuery = GetArticleQuery.pick({ by: true });

/** A path segment naming an article, story key, uri or cluster: bounded, printable. */
export const PathId = z.string().min(1).max(512).regex(NO_CONTROL, 'must not contain control characters');

export function parsePathId(parameter: string, value: string): string {
  const parsed = PathId.safeParse(value);
  if (parsed.success) return parsed.data;
  throw badParameters([{ parameter, message: parsed.error.issues[0]?.message ?? 'is invalid' }]);
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  throw badParameters(
    parsed.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ parameter: k, message: 'is not a parameter of this endpoint' }));
      const parameter = String(issue.path[0] ?? '(query)');
      return [{ parameter, message: issue.message }];
    }),
  );
}

export function toFilter(p: ListArticlesParams): ArticleFilter {
  return {
    from: p.from ? new Date(p.from) : undefined,
    to: p.to ? new Date(p.to) : undefined,
    timeField: p.timeField,
    source: p.source,
    provider: p.provider,
    publisher: p.publisher,
    language: p.language,
    person: p.person,
    organisation: p.organisation,
    place: p.place,
    subject: p.subject,
    cluster: p.cluster,
    status: p.status,
    q: p.q,
    includeKilled: p.includeKilled === 'true',
    includeWithheld: p.includeWithheld === 'true',
    includeEmbargoed: p.includeEmbargoed === 'true',
  };
}
