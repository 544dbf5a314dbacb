import { toVersion } from '../common/draft';
import type { ArticleDraft } from '../common/types';
import { attr, child, cleanText, elementsOf, innerMarkup, textOf, type XElement } from '../xml/tree';

type Rendition = NonNullable<ArticleDraft['renditions']>[number];

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  /** Atom 0.3 (2003), before the IETF standard: still served by old agency and CMS feeds. */
  atom03: 'http://purl.org/atom/ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: /^https?:\/\/search\.yahoo\.com\/mrss\/?$/,
  rss1: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

/**
 * Extension elements by namespace, or by their conventional prefix when the
 * feed forgot to declare it (common enough in the wild).
 */
export function ext(el: XElement | undefined, prefix: string, local: string, ns: string | RegExp): XElement[] {
  return elementsOf(el).filter((c) => c.local === local && (matchNs(c.ns, ns) || (c.ns === '' && c.name === `${prefix}:${local}`) || c.name === `${prefix}:${local}`));
}

function matchNs(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

/** Plain (unprefixed or default-namespace) children: RSS core elements. */
export function core(el: XElement | undefined, local: string): XElement[] {
  return elementsOf(el).filter((c) => c.local === local && !c.name.includes(':'));
}

export function coreText(el: XElement | undefined, local: string): string | undefined {
  return cleanText(core(el, local)[0]);
}

function num(value: string | undefined): number | undefined {
  return toVersion(value);
}

/** media:content, media:group/media:content, media:thumbnail and enclosures, as renditions. */
export function mediaRenditions(item: XElement): Rendition[] {
  const out: Rendition[] = [];
  const contents = [...ext(item, 'media', 'content', NS.media), ...ext(item, 'media', 'group', NS.media).flatMap((g) => ext(g, 'media', 'content', NS.media))];
  for (const m of contents) {
    const href = attr(m, 'url');
    if (href) out.push({ href, contentType: attr(m, 'type') ?? attr(m, 'medium'), width: num(attr(m, 'width')), height: num(attr(m, 'height')), title: cleanText(ext(m, 'media', 'title', NS.media)[0]) });
  }
  for (const t of [...ext(item, 'media', 'thumbnail', NS.media), ...contents.flatMap((c) => ext(c, 'media', 'thumbnail', NS.media))]) {
    const href = attr(t, 'url');
    if (href) out.push({ href, width: num(attr(t, 'width')), height: num(attr(t, 'height')), title: 'thumbnail' });
  }
  for (const e of core(item, 'enclosure')) {
    const href = attr(e, 'url');
    if (href) out.push({ href, contentType: attr(e, 'type') });
  }
  return out;
}

export function mediaKeywords(item: XElement): string[] {
  return ext(item, 'media', 'keywords', NS.media).flatMap((k) => textOf(k).split(','));
}

/** Atom/RSS text constructs: xhtml carries markup as elements, html as escaped text. */
export function textConstruct(el: XElement | undefined): { value?: string; html: boolean } {
  if (!el) return { html: false };
  const type = (attr(el, 'type') ?? '').toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    const div = child(el, 'div');
    return { value: innerMarkup(div ?? el), html: true };
  }
  return { value: textOf(el), html: type === 'html' || type === 'text/html' };
}
