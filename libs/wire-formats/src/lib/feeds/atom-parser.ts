import { type PartialDraft, clean, cleanInline, finishDraft, fromHtml, fromTextOrHtml } from '../common/draft';
import { readInput } from '../common/input';
import { type ParseOptions, checkItemCount } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { parseXmlSafely } from '../xml/safe-xml';
import { attr, child, childrenNamed, cleanText, type XElement } from '../xml/tree';
import { NS, ext, mediaKeywords, mediaRenditions, textConstruct } from './feed-common';

function atomChildren(el: XElement | undefined, local: string): XElement[] {
  return childrenNamed(el, local).filter((c) => c.ns === NS.atom || c.ns === '');
}

function bodyFrom(el: XElement | undefined): { bodyHtml?: string; bodyText?: string } {
  const { value, html } = textConstruct(el);
  return html ? fromHtml(value) : fromTextOrHtml(value);
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
  const published = parseWireDate(cleanText(atomChildren(entry, 'published')[0]) ?? cleanText(ext(entry, 'dc', 'date', NS.dc)[0]));
  const updated = parseWireDate(cleanText(atomChildren(entry, 'updated')[0]));
  const title = textConstruct(atomChildren(entry, 'title')[0]);
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

/** Atom 1.0 feed (many entries) or a lone entry document. */
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
