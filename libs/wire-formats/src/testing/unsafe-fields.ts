import type { CanonicalArticle } from '@newswire/contracts';

/*
 * What "sanitised" means for a stored article, as one checker shared by the
 * wire-formats unit specs and the ingester's hostile-input suite. Test code
 * only: nothing in the library imports it.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the same without tab and line feed
const CONTROL_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const TAG = /<[a-z!?/]/i;
// Sanitised HTML escapes every '<' of its text, so a literal '<' is a real tag: only tags are inspected.
const UNSAFE_HTML = /<(script|style|iframe|object|embed|svg|math|form|input|meta|link|base)\b|<[^>]*\s(on[a-z]+|style|srcset|formaction)\s*=|<[^>]*=\s*["']?\s*(javascript|vbscript|livescript|data):/i;
const LINK = /^(https?:\/\/|mailto:)/i;
const SCRIPT_SCHEME = /^\s*(javascript|vbscript|livescript|data):/i;

type Article = Partial<CanonicalArticle>;

/** Every place in the article that is not sanitised, as "path: problem"; empty when safe. */
export function unsafeFields(article: Article): string[] {
  const problems: string[] = [];
  const check = (path: string, value: unknown, rule: (s: string) => string | undefined) => {
    if (typeof value !== 'string') return;
    const problem = LONE_SURROGATE.test(value) ? 'lone surrogate' : rule(value);
    if (problem) problems.push(`${path}: ${problem} in ${JSON.stringify(value.slice(0, 80))}`);
  };
  const identifier = (s: string) => (ANY_CONTROL.test(s) ? 'control character' : undefined);
  const inline = (s: string) => (ANY_CONTROL.test(s) ? 'control character' : TAG.test(s) ? 'markup' : undefined);
  const block = (s: string) => (CONTROL_BUT_TAB_LF.test(s) ? 'control character' : TAG.test(s) ? 'markup' : undefined);
  const html = (s: string) => (CONTROL_BUT_TAB_LF.test(s) ? 'control character' : UNSAFE_HTML.test(s) ? 'unsafe markup' : undefined);
  const url = (s: string) => identifier(s) ?? (LINK.test(s) ? undefined : 'not an http(s)/mailto URL');
  const entityUri = (s: string) => identifier(s) ?? (SCRIPT_SCHEME.test(s) ? 'script URL' : undefined);

  for (const key of ['id', 'uri', 'language'] as const) check(key, article[key], identifier);
  for (const key of ['headline', 'subheadline', 'byline', 'dateline', 'located', 'description', 'publisher', 'provider', 'embargoNote'] as const) {
    check(key, article[key], inline);
  }
  check('bodyText', article.bodyText, block);
  check('bodyHtml', article.bodyHtml, html);
  article.keywords?.forEach((k, i) => check(`keywords.${i}`, k, inline));
  article.subjects?.forEach((s, i) => {
    check(`subjects.${i}.scheme`, s.scheme, identifier);
    check(`subjects.${i}.code`, s.code, identifier);
    check(`subjects.${i}.name`, s.name, inline);
  });
  for (const kind of ['people', 'organisations', 'places'] as const) {
    article[kind]?.forEach((e, i) => {
      check(`${kind}.${i}.name`, e.name, inline);
      check(`${kind}.${i}.uri`, e.uri, entityUri);
      check(`${kind}.${i}.rel`, e.rel, identifier);
    });
  }
  article.links?.forEach((l, i) => {
    check(`links.${i}.href`, l.href, url);
    check(`links.${i}.rel`, l.rel, identifier);
    check(`links.${i}.type`, l.type, identifier);
    check(`links.${i}.title`, l.title, inline);
  });
  article.renditions?.forEach((r, i) => {
    check(`renditions.${i}.href`, r.href, url);
    check(`renditions.${i}.contentType`, r.contentType, identifier);
    check(`renditions.${i}.title`, r.title, inline);
  });
  if (article.source) for (const [k, v] of Object.entries(article.source)) check(`source.${k}`, v, identifier);
  // The original document travels as text for replays (storage drops it): only its characters are checked.
  check('raw', article.raw, (s) => (CONTROL_BUT_TAB_LF.test(s) ? 'control character' : undefined));
  problems.push(...unstorableKeys(article));
  return problems;
}

/** Keys MongoDB cannot store ($-prefixed, dotted) or that would touch a prototype. */
export function unstorableKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableKeys(v, `${path}${i}.`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => [
    ...(key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor' || key === 'prototype' ? [`${path}${key}: unstorable key`] : []),
    ...unstorableKeys((value as Record<string, unknown>)[key], `${path}${key}.`),
  ]);
}
