import { type CanonicalArticle, CanonicalArticleV1, describeIssues, type SourceFormat, validate } from '@newswire/contracts';
import { identifier, withoutControlsButLines } from './safe-text';
import { sanitizeDraft } from './sanitize-draft';
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

/**
 * Completes a parsed draft into a canonical article, or says which fields are
 * wrong. Every format comes through here, so this is where the draft is
 * sanitised (sanitizeDraft): what is returned is exactly what will be stored.
 */
export function toCanonical(draft: ArticleDraft, meta: IntakeMeta): CanonicalArticle {
  const safe = sanitizeDraft(draft);
  const id = identifier(meta.id) ?? '';
  const raw = meta.raw && meta.raw.length <= MAX_RAW_CHARS ? withoutControlsButLines(meta.raw) : undefined;
  const result = validate(CanonicalArticleV1, {
    ...safe,
    id,
    uri: safe.uri ?? `urn:newswire:article:${id}`,
    source: {
      format: meta.format,
      contentType: identifier(meta.contentType),
      channel: identifier(meta.channel) ?? 'http',
      receivedAt: meta.receivedAt.toISOString(),
      // Read from the header by the format's reader (a number and a short code), not from a sender's JSON.
      ...(draft.sequence ? { sequence: draft.sequence } : {}),
    },
    raw,
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
