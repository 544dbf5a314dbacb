import { personalByline } from '../common/byline';
import { type PartialDraft, clean, cleanInline, finishDraft, fromHtml, fromTextOrHtml } from '../common/draft';
import { type ParseLimits, checkItemCount } from '../common/limits';
import { type ParseOutcome, ParseRejection } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { Folded, type Json, type JsonObject, isObject } from '../ninjs/json-access';

/*
 * JSON Feed 1.0 and 1.1 (jsonfeed.org): the JSON counterpart of RSS and Atom that many news sites and
 * CMSs publish beside them. Recognised by its "version" URL; read as a feed: each item's id names it,
 * content_html (else content_text) is the body, summary the description, date_published and
 * date_modified the times, authors (1.1) or author (1.0) the byline, tags the keywords.
 */

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/;

export function isJsonFeed(json: Json): json is JsonObject {
  return isObject(json) && typeof json['version'] === 'string' && VERSION.test(json['version'].trim());
}

function authorsOf(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((a) => (isObject(a) && typeof a['name'] === 'string' ? [a['name']] : typeof a === 'string' ? [a] : []));
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

function readItem(item: JsonObject, feed: Folded): PartialDraft {
  const f = new Folded(item);
  const html = f.str('content_html');
  const body = html ? fromHtml(html) : fromTextOrHtml(f.str('content_text'));
  const published = parseWireDate(f.str('date_published'));
  const url = f.str('url');
  const external = f.str('external_url');
  const authors = authorsOf(item['authors'] ?? item['author']);
  const feedAuthors = authors.length > 0 ? [] : authorsOf(feed.get('authors') ?? feed.get('author'));
  const image = f.str('image', 'banner_image');
  return {
    uri: f.str('id') ?? url,
    headline: cleanInline(f.str('title')),
    description: clean(fromTextOrHtml(f.str('summary')).bodyText),
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    firstCreated: published,
    versionCreated: parseWireDate(f.str('date_modified')) ?? published,
    byline: personalByline([...authors, ...feedAuthors].join(', ') || undefined),
    language: f.str('language') ?? feed.str('language'),
    publisher: cleanInline(feed.str('title')),
    keywords: strings(item['tags']),
    links: [...(url ? [{ href: url, rel: 'alternate' }] : []), ...(external ? [{ href: external, rel: 'related' }] : [])],
    renditions: image ? [{ href: image, title: 'image' }] : undefined,
  };
}

export function parseJsonFeedValue(json: JsonObject, limits: ParseLimits): ParseOutcome {
  const items = Array.isArray(json['items']) ? json['items'].filter(isObject) : [];
  if (items.length === 0) throw new ParseRejection('empty', 'the JSON Feed has no items');
  checkItemCount(items.length, limits);
  const feed = new Folded(json);
  return { format: 'json-feed', items: items.map((item, i) => finishDraft(readItem(item, feed), i)) };
}
