import { type CanonicalArticle, CanonicalArticleV1, describeIssues, type SourceFormat, validate } from '@newswire/contracts';
import { type ArticleDraft, ParseRejection } from './types';

export interface IntakeMeta {
  id: string;
  format: SourceFormat;
  contentType?: string;
  channel?: string;
  receivedAt: Date;
  /** Original text, kept when small enough to replay a parser fix. */
  raw?: string;
}

const MAX_RAW_CHARS = 256 * 1024;

/** Completes a parsed draft into a canonical article, or says which fields are wrong. */
export function toCanonical(draft: ArticleDraft, meta: IntakeMeta): CanonicalArticle {
  const result = validate(CanonicalArticleV1, {
    ...draft,
    id: meta.id,
    uri: draft.uri ?? `urn:newswire:article:${meta.id}`,
    source: {
      format: meta.format,
      contentType: meta.contentType,
      channel: meta.channel ?? 'http',
      receivedAt: meta.receivedAt.toISOString(),
    },
    raw: meta.raw && meta.raw.length <= MAX_RAW_CHARS ? meta.raw : undefined,
  });
  if (!result.ok) {
    const missing = result.issues.find((i) => i.path === 'headline' || i.path === 'bodyText');
    throw new ParseRejection(
      missing?.path === 'headline' ? 'missing-headline' : missing ? 'missing-body' : 'malformed',
      describeIssues(result.issues),
    );
  }
  return result.value;
}
