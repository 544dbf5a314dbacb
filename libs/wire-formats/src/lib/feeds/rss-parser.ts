import { type PartialDraft, clean, cleanInline, finishDraft, fromHtml, fromTextOrHtml } from '../common/draft';
import { readInput } from '../common/input';
import { type ParseOptions, checkItemCount } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { parseXmlSafely } from '../xml/safe-xml';
import { attr, child, cleanText, elementsOf, innerMarkup, textOf, type XElement } from '../xml/tree';
import { NS, core, coreText, ext, mediaKeywords, mediaRenditions } from './feed-common';

interface ChannelInfo {
  publisher?: string;
  language?: string;
  /** The channel's own date: stands in for items that carry none (RSS 0.9x feeds). */
  date?: string;
}

function readItem(item: XElement, channel: ChannelInfo): PartialDraft {
  const encoded = ext(item, 'content', 'encoded', NS.content)[0];
  // The full text: content:encoded, or an inline XHTML <body> (an older convention feedparser also reads).
  const xhtmlBody = encoded ? undefined : ext(item, 'xhtml', 'body', NS.xhtml)[0];
  const rawDescription = textOf(core(item, 'description')[0] ?? ext(item, 'dc', 'description', NS.dc)[0]);
  const content = encoded ? fromHtml(textOf(encoded)) : xhtmlBody ? fromHtml(innerMarkup(xhtmlBody)) : {};
  const fromDescription = fromTextOrHtml(rawDescription);
  const body = content.bodyText ? content : fromDescription;
  const guid = coreText(item, 'guid');
  const link = coreText(item, 'link') ?? (attr(core(item, 'guid')[0], 'isPermaLink') !== 'false' && guid?.startsWith('http') ? guid : undefined);
  const date = coreText(item, 'pubDate') ?? cleanText(ext(item, 'dc', 'date', NS.dc)[0]);
  const creators = [...core(item, 'author'), ...ext(item, 'dc', 'creator', NS.dc)].map((a) => cleanText(a)).filter(Boolean);
  const categories = core(item, 'category').map((c) => ({ scheme: attr(c, 'domain'), name: cleanText(c) }));
  const dcSubjects = ext(item, 'dc', 'subject', NS.dc).map((s) => cleanText(s));
  const about = attr(item, 'rdf:about');
  return {
    uri: guid ?? about ?? link ?? cleanText(ext(item, 'dc', 'identifier', NS.dc)[0]),
    headline: cleanInline(coreText(item, 'title') ?? cleanText(ext(item, 'dc', 'title', NS.dc)[0])),
    description: content.bodyText ? clean(fromDescription.bodyText) : undefined,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    byline: creators.join(', ') || undefined,
    firstCreated: parseWireDate(date) ?? channel.date,
    versionCreated: parseWireDate(date) ?? channel.date,
    language: cleanText(ext(item, 'dc', 'language', NS.dc)[0]) ?? channel.language,
    publisher: cleanText(ext(item, 'dc', 'publisher', NS.dc)[0]) ?? channel.publisher,
    provider: cleanText(core(item, 'source')[0]),
    subjects: categories.filter((c) => c.name).map((c) => ({ scheme: c.scheme, name: c.name })),
    keywords: [...dcSubjects.filter((s): s is string => Boolean(s)), ...mediaKeywords(item)],
    links: [
      ...(link ? [{ href: link, rel: 'alternate' }] : []),
      ...core(item, 'comments').map((c) => ({ href: cleanText(c) ?? '', rel: 'replies' })).filter((l) => l.href),
    ],
    renditions: mediaRenditions(item),
  };
}

/**
 * RSS 2.0 (and 0.9x) with <channel><item>, and RSS 1.0 (RDF) where items are
 * siblings of the channel. One feed, one outcome per item.
 */
export function parseRss(body: Buffer | string, options?: ParseOptions): ParseOutcome {
  const { text, limits } = readInput(body, options);
  const root = parseXmlSafely(text, limits);
  let channel: XElement | undefined;
  let items: XElement[];
  if (root.local === 'rss') {
    channel = child(root, 'channel');
    items = elementsOf(channel).filter((e) => e.local === 'item');
  } else if (root.local === 'RDF') {
    channel = child(root, 'channel');
    items = elementsOf(root).filter((e) => e.local === 'item');
  } else {
    throw new ParseRejection('unsupported-format', `expected <rss> or <rdf:RDF>, found <${root.name}>`);
  }
  if (items.length === 0) throw new ParseRejection('empty', 'the feed has no items');
  checkItemCount(items.length, limits);
  const info: ChannelInfo = {
    publisher: cleanInline(coreText(channel, 'title')),
    language: coreText(channel, 'language') ?? cleanText(ext(channel, 'dc', 'language', NS.dc)[0]),
    date: parseWireDate(coreText(channel, 'pubDate') ?? coreText(channel, 'lastBuildDate') ?? cleanText(ext(channel, 'dc', 'date', NS.dc)[0])),
  };
  return { format: 'rss', items: items.map((item, i) => finishDraft(readItem(item, info), i)) };
}
