import { conceptsOf, type ExportEntity, type ExportSubject } from './concepts';
import { isAbsoluteUri } from './identifiers';
import type { ExportStory } from './story';
import { el, type Markup } from './xml';
import { xhtmlDocument } from './xhtml';

const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';
/** The NewsML-G2 version written and the IPTC catalog that defines its qcode schemes (ninat, stat, sig, cpnat, medtop). */
export const NEWSML_G2_VERSION = '2.34';
const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';
/** The platform's own scheme, declared in the item so its qcodes resolve. */
const NW_ALIAS = 'nwid';
const NW_SCHEME = 'urn:newswire:cv:';

/** A concept property: a qcode when there is one, else a uri, else a literal; always a name. */
function concept(name: string, attrs: { type?: string; rel?: string }, c: { qcode?: string; uri?: string; literal?: string; name?: string }): Markup {
  const id = c.qcode ? { qcode: c.qcode } : c.uri ? { uri: c.uri } : { literal: c.literal ?? c.name };
  return el(name, { type: attrs.type, ...id, rel: attrs.rel }, c.name ? el('name', {}, c.name) : undefined);
}

const entitySubject = (type: string) => (e: ExportEntity) => concept('subject', { type }, e);
const topicSubject = (s: ExportSubject) => concept('subject', { type: 'cpnat:abstract' }, s);

function itemMeta(story: ExportStory): Markup {
  const { article } = story;
  // versionCreated is required in G2; a source that gave no time is timed by its arrival.
  const versionCreated = article.versionCreated ?? article.firstCreated ?? article.source.receivedAt;
  return el(
    'itemMeta',
    {},
    el('itemClass', { qcode: 'ninat:text' }),
    // provider is required too: the source's own name, else the platform that delivers it.
    el('provider', { literal: article.provider ?? 'newswire' }, el('name', {}, article.provider ?? 'newswire')),
    el('versionCreated', {}, versionCreated),
    article.firstCreated && el('firstCreated', {}, article.firstCreated),
    article.embargoed && el('embargoed', {}, article.embargoed),
    el('pubStatus', { qcode: `stat:${article.pubStatus}` }),
    article.embargoNote && el('edNote', { role: `${NW_ALIAS}:embargo` }, article.embargoNote),
    article.signals.map((s) => el('signal', { qcode: `sig:${s}` })),
    article.links.filter((l) => isAbsoluteUri(l.href)).map((l) => el('link', { rel: l.rel && /^[\w.-]+:\S+$/.test(l.rel) ? l.rel : undefined, href: l.href, contenttype: l.type }, l.title ? el('title', {}, l.title) : undefined)),
  );
}

/** Platform ids as altIds, typed by the platform's declared scheme. */
function altIds(story: ExportStory): Markup[] {
  const { article, dedup } = story;
  const ids: [string, string | undefined][] = [
    ['articleId', article.id],
    ['storyKey', dedup?.storyKey],
    ['clusterId', dedup?.clusterId],
    ['dedupStatus', dedup?.status],
    ['duplicateOf', dedup?.duplicateOf],
  ];
  return ids.filter(([, v]) => v).map(([type, v]) => el('altId', { type: `${NW_ALIAS}:${type}` }, v));
}

function contentMeta(story: ExportStory): Markup {
  const { article, enrichment } = story;
  const concepts = conceptsOf(story);
  const language = article.language ?? enrichment?.language;
  return el(
    'contentMeta',
    {},
    article.urgency !== undefined && el('urgency', {}, String(article.urgency)),
    concepts.located && concept('located', { type: 'cpnat:geoArea' }, concepts.located),
    altIds(story),
    language && el('language', { tag: language }),
    article.keywords.map((k) => el('keyword', {}, k)),
    concepts.subjects.map(topicSubject),
    concepts.people.map(entitySubject('cpnat:person')),
    concepts.organisations.map(entitySubject('cpnat:organisation')),
    concepts.places.map(entitySubject('cpnat:geoArea')),
    el('headline', {}, article.headline),
    article.subheadline && el('headline', { role: `${NW_ALIAS}:subheadline` }, article.subheadline),
    article.dateline && el('dateline', {}, article.dateline),
    article.byline && el('by', {}, article.byline),
    article.description && el('description', { role: 'drol:summary' }, article.description),
  );
}

/**
 * The story as one NewsML-G2 newsItem (XML, UTF-8). Every value is escaped
 * by the writer in ./xml; the body is XHTML in inlineXML. Pure: no I/O, no clock.
 */
export function toNewsmlG2(story: ExportStory): string {
  const { article } = story;
  const hasBody = Boolean(article.bodyText || article.bodyHtml);
  const item = el(
    'newsItem',
    {
      xmlns: NAR_NS,
      guid: article.uri,
      version: article.version !== undefined ? String(article.version) : undefined,
      standard: 'NewsML-G2',
      standardversion: NEWSML_G2_VERSION,
      conformance: 'power',
      'xml:lang': article.language ?? story.enrichment?.language,
    },
    el('catalogRef', { href: IPTC_CATALOG }),
    el('catalog', {}, el('scheme', { alias: NW_ALIAS, uri: NW_SCHEME })),
    article.publisher && el('rightsInfo', {}, el('copyrightHolder', { literal: article.publisher }, el('name', {}, article.publisher))),
    itemMeta(story),
    contentMeta(story),
    hasBody && el('contentSet', {}, el('inlineXML', { contenttype: 'application/xhtml+xml' }, xhtmlDocument(article.headline, article.bodyHtml, article.bodyText))),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${item.xml}\n`;
}
