import { sanitizeBodyHtml } from '../html/sanitize';
import { blockText, entityUri, identifier, inlineText, linkUrl, withoutControlsButLines } from './safe-text';
import type { ArticleDraft } from './types';

type Subject = NonNullable<ArticleDraft['subjects']>[number];
type Entity = NonNullable<ArticleDraft['people']>[number];
type Link = NonNullable<ArticleDraft['links']>[number];
type Rendition = NonNullable<ArticleDraft['renditions']>[number];

/** Drops undefined values so a stored object has only the keys it uses. */
function defined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

function list<T, R>(values: T[] | undefined, map: (v: T) => R | undefined): R[] | undefined {
  if (!Array.isArray(values)) return undefined;
  const out: R[] = [];
  for (const v of values) {
    const mapped = map(v);
    if (mapped !== undefined) out.push(mapped);
  }
  return out;
}

function html(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  // The sanitiser decodes character references, so controls are removed again from what it returns.
  return withoutControlsButLines(sanitizeBodyHtml(withoutControlsButLines(value))) || undefined;
}

const subject = (s: Subject): Subject | undefined => {
  const out = defined({ scheme: identifier(s.scheme), code: identifier(s.code), name: inlineText(s.name) });
  return out.code || out.name ? out : undefined;
};

const entity = (e: Entity): Entity | undefined => {
  const name = inlineText(e.name);
  return name ? defined({ name, uri: entityUri(e.uri), rel: identifier(e.rel) }) : undefined;
};

const link = (l: Link): Link | undefined => {
  const href = linkUrl(l.href);
  return href ? defined({ href, rel: identifier(l.rel), type: identifier(l.type), title: inlineText(l.title) }) : undefined;
};

const rendition = (r: Rendition): Rendition | undefined => {
  const href = linkUrl(r.href);
  return href ? defined({ href, contentType: identifier(r.contentType), width: r.width, height: r.height, title: inlineText(r.title) }) : undefined;
};

/**
 * The one gate between what a sender wrote and what is stored, applied to
 * every format (the canonical JSON included) on the way to the canonical
 * article. Builds a new object field by field, so nothing the sender named
 * ("__proto__", "$where", "a.b") is carried over as a key.
 *
 * - identifiers (uri, codes, schemes, rel, language): kept, control characters removed
 * - text (headline, byline, names, keywords, titles...): plain text, no markup, entities decoded
 * - bodyText: plain text keeping its paragraphs; bodyHtml: the allowlist sanitiser
 * - link and rendition URLs: absolute http, https or mailto only, else the entry is dropped
 *
 * A headline or body that sanitises to nothing is left out, and the contract
 * then refuses the article as missing it.
 */
export function sanitizeDraft(draft: ArticleDraft): ArticleDraft {
  return defined({
    uri: identifier(draft.uri),
    version: draft.version,
    firstCreated: draft.firstCreated,
    versionCreated: draft.versionCreated,
    pubStatus: draft.pubStatus,
    embargoed: draft.embargoed,
    embargoNote: inlineText(draft.embargoNote),
    urgency: draft.urgency,
    signals: draft.signals,
    language: identifier(draft.language),
    headline: inlineText(draft.headline) as string,
    subheadline: inlineText(draft.subheadline),
    byline: inlineText(draft.byline),
    dateline: inlineText(draft.dateline),
    located: inlineText(draft.located),
    bodyHtml: html(draft.bodyHtml),
    bodyText: blockText(draft.bodyText) as string,
    description: inlineText(draft.description),
    subjects: list(draft.subjects, subject),
    keywords: list(draft.keywords, inlineText),
    people: list(draft.people, entity),
    organisations: list(draft.organisations, entity),
    places: list(draft.places, entity),
    publisher: inlineText(draft.publisher),
    provider: inlineText(draft.provider),
    links: list(draft.links, link),
    renditions: list(draft.renditions, rendition),
  });
}
