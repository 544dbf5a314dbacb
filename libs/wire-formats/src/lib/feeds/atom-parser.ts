import { type PartialDraft, clean, cleanInline, finishDraft, fromHtml, fromTextOrHtml } from '../common/draft';
import { readInput } from '../common/input';
import { type ParseOptions, checkItemCount } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { parseXmlSafely } from '../xml/safe-xml';
import { attr, child, childrenNamed, cleanText, elementsOf, innerMarkup, textOf, type XElement } from '../xml/tree';
import { NS, ext, mediaKeywords, mediaRenditions, textConstruct } from './feed-common';

/** Atom 1.0 elements, Atom 0.3's (http://purl.org/atom/ns#), or unqualified ones. */
function atomChildren(el: XElement | undefined, local: string): XElement[] {
  return childrenNamed(el, local).filter((c) => c.ns === NS.atom || c.ns === NS.atom03 || c.ns === '');
}

/** The first of several element names present (Atom 0.3 says issued/modified where 1.0 says published/updated). */
function firstText(entry: XElement, ...locals: string[]): string | undefined {
  for (const local of locals) {
    const text = cleanText(atomChildren(entry, local)[0]);
    if (text) return text;
  }
  return undefined;
}

function bodyFrom(el: XElement | undefined): { bodyHtml?: string; bodyText?: string } {
  const { value, html } = mode03(el) ?? textConstruct(el);
  return html ? fromHtml(value) : fromTextOrHtml(value);
}

/** Largest base64 content decoded (Atom 0.3 mode="base64"): the document limit still bounds the input. */
const MAX_BASE64_CHARS = 4 * 1024 * 1024;

/**
 * Atom 0.3 content: type is a media type ("text/html", "application/xhtml+xml") and mode says how
 * it is carried: "xml" (inline markup, the default), "escaped" (markup as text), "base64".
 */
function mode03(el: XElement | undefined): { value?: string; html: boolean } | undefined {
  if (!el || el.ns !== NS.atom03) return undefined;
  const mode = (attr(el, 'mode') ?? 'xml').toLowerCase();
  const type = (attr(el, 'type') ?? 'text/plain').toLowerCase();
  const html = /html/.test(type);
  if (mode === 'escaped') return { value: textOf(el), html };
  if (mode === 'base64') {
    const encoded = textOf(el).replace(/\s+/g, '');
    if (encoded.length > MAX_BASE64_CHARS || !/^[A-Za-z0-9+/]*=*$/.test(encoded)) return { html: false };
    return { value: Buffer.from(encoded, 'base64').toString('utf8'), html };
  }
  const div = child(el, 'div');
  return html || elementsOf(el).length > 0 ? { value: innerMarkup(div ?? el), html: true } : { value: textOf(el), html: false };
}

function readEntry(entry: XElement, feedTitle: string | undefined, feedLang: string | undefined): PartialDraft {
  const content = bodyFrom(atomChildren(entry, 'content')[0]);
  const summary = bodyFrom(atomChildren(entry, 'summary')[0] ?? ext(entry, 'media', 'description', NS.media)[0]);
  const body = content.bodyText ? content : summary;
  const links = atomChildren(entry, 'link')
    .map((l) => ({ href: attr(l, 'href') ?? '', rel: attr(l, 'rel') ?? 'alternate', type: attr(l, 'type'), title: attr(l, 'title') }))
    .filter((l) => l.href);
  const enclosures = links.filter((l) => l.rel === 'enclosure').map((l) => ({ href: l.href, contentType: l.type, title: l.title }));
  const authors = atomChildren(entry, 'author').map((a) => cleanText(atomChildren(a, 'name')[0]) ?? cleanText(a)).filter(Boolean);
  const published = parseWireDate(firstText(entry, 'published', 'issued', 'created') ?? cleanText(ext(entry, 'dc', 'date', NS.dc)[0]));
  const updated = parseWireDate(firstText(entry, 'updated', 'modified'));
  const titleEl = atomChildren(entry, 'title')[0];
  const title = mode03(titleEl) ?? textConstruct(titleEl);
  return {
    uri: cleanText(atomChildren(entry, 'id')[0]) ?? links.find((l) => l.rel === 'alternate')?.href,
    headline: title.html ? cleanInline(fromHtml(title.value).bodyText) : cleanInline(title.value),
    description: content.bodyText ? clean(summary.bodyText) : undefined,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    byline: authors.join(', ') || undefined,
    firstCreated: published ?? updated,
    versionCreated: updated ?? published,
    language: attr(entry, 'xml:lang') ?? feedLang,
    publisher: feedTitle,
    subjects: atomChildren(entry, 'category')
      .map((c) => ({ scheme: attr(c, 'scheme'), code: attr(c, 'term'), name: attr(c, 'label') ?? attr(c, 'term') }))
      .filter((c) => c.code || c.name),
    keywords: mediaKeywords(entry),
    links: links.filter((l) => l.rel !== 'enclosure'),
    renditions: [...mediaRenditions(entry), ...enclosures],
  };
}

/** Atom 1.0 or 0.3 feed (many entries) or a lone entry document. */
export function parseAtom(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const root = parseXmlSafely(text, limits);
  if (root.local !== 'feed' && root.local !== 'entry') {
    throw new ParseRejection('unsupported-format', `expected an Atom <feed> or <entry>, found <${root.name}>`);
  }
  const entries = root.local === 'entry' ? [root] : atomChildren(root, 'entry');
  if (entries.length === 0) throw new ParseRejection('empty', 'the feed has no entries');
  checkItemCount(entries.length, limits);
  const feedTitle = root.local === 'feed' ? cleanInline(cleanText(child(root, 'title'))) : undefined;
  const lang = attr(root, 'xml:lang');
  return { format: 'atom', items: entries.map((e, i) => finishDraft(readEntry(e, feedTitle, lang), i)) };
}
