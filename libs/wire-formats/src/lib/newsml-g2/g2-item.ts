import { type PartialDraft, clean, cleanInline, fromHtml, fromTextOrHtml, splitQcode, toPubStatus, toUrgency, toVersion } from '../common/draft';
import type { ArticleDraft } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { readNitf } from '../nitf/nitf-reader';
import { attr, child, childrenNamed, cleanText, descendants, elementsOf, innerMarkup, textOf, type XElement } from '../xml/tree';

type Subject = NonNullable<ArticleDraft['subjects']>[number];
type Entity = NonNullable<ArticleDraft['people']>[number];
type Signal = NonNullable<ArticleDraft['signals']>[number];

/** The readable name of a G2 concept: <name>, then @literal, then the qcode itself. */
function conceptName(el: XElement | undefined): string | undefined {
  return cleanText(child(el, 'name')) ?? attr(el, 'literal');
}

function conceptUri(el: XElement): string | undefined {
  return attr(el, 'uri') ?? attr(el, 'qcode');
}

interface Classified {
  subjects: Subject[];
  people: Entity[];
  organisations: Entity[];
  places: Entity[];
}

/** Subject types say what a concept is; persons, organisations and places are kept apart. */
function classifySubjects(contentMeta: XElement | undefined): Classified {
  const out: Classified = { subjects: [], people: [], organisations: [], places: [] };
  for (const subject of childrenNamed(contentMeta, 'subject')) {
    const concept = child(subject, 'mainConcept') ?? subject;
    const type = (attr(subject, 'type') ?? attr(concept, 'type') ?? '').toLowerCase();
    const qcode = attr(concept, 'qcode');
    const name = conceptName(concept);
    const entity = name ? { name, uri: conceptUri(concept) } : undefined;
    const list = /person/.test(type)
      ? out.people
      : /organi[sz]ation|company/.test(type)
        ? out.organisations
        : /geoarea|poi|place|location|cpttype:5/.test(type)
          ? out.places
          : undefined;
    if (list) {
      if (entity) list.push(entity);
    } else if (qcode || name) out.subjects.push({ ...splitQcode(qcode ?? attr(concept, 'uri')), name });
  }
  return out;
}

function signalsOf(itemMeta: XElement | undefined): Signal[] {
  const signals: Signal[] = [];
  for (const s of childrenNamed(itemMeta, 'signal')) {
    const code = (attr(s, 'qcode') ?? '').toLowerCase();
    if (/^sig:update$/.test(code)) signals.push('update');
    if (/^sig:correction$/.test(code)) signals.push('correction');
  }
  return signals;
}

function headlinesOf(contentMeta: XElement | undefined): { headline?: string; subheadline?: string } {
  const all = childrenNamed(contentMeta, 'headline');
  const isSub = (h: XElement) => /sub|short|deck/i.test(attr(h, 'role') ?? '');
  const main = all.find((h) => !isSub(h)) ?? all[0];
  const sub = all.find((h) => h !== main && isSub(h)) ?? child(contentMeta, 'subheadline');
  return { headline: cleanInline(cleanText(main)), subheadline: cleanInline(cleanText(sub)) };
}

function descriptionOf(contentMeta: XElement | undefined): string | undefined {
  const all = childrenNamed(contentMeta, 'description');
  const preferred = all.find((d) => /summary|caption|abstract/i.test(attr(d, 'role') ?? '')) ?? all[0];
  return clean(fromTextOrHtml(textOf(preferred)).bodyText ?? undefined);
}

function bylineOf(contentMeta: XElement | undefined): string | undefined {
  const by = cleanText(child(contentMeta, 'by'));
  if (by) return by.replace(/^(by|par|von|por|di|door)\s+/i, '');
  const names = childrenNamed(contentMeta, 'creator')
    .map((c) => conceptName(c))
    .filter((n): n is string => Boolean(n));
  return names.length > 0 ? names.join(', ') : undefined;
}

const HTML_BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'section', 'article']);

/** Untyped inlineXML whose first element is an HTML block is read as XHTML. */
function startsWithHtmlBlock(part: XElement): boolean {
  const first = elementsOf(part)[0];
  return first !== undefined && HTML_BLOCKS.has(first.local);
}

/** Body from the content set: NITF or XHTML in inlineXML, or inlineData text/HTML. */
function bodyOf(contentSet: XElement | undefined): PartialDraft {
  for (const part of elementsOf(contentSet)) {
    const type = (attr(part, 'contenttype') ?? '').toLowerCase();
    if (part.local === 'inlineXML') {
      const nitf = part.children.find((c): c is XElement => typeof c === 'object' && c.local === 'nitf') ?? descendants(part, 'nitf', 1)[0];
      if (nitf) {
        const fromNitf = readNitf(nitf);
        if (fromNitf.bodyText) return fromNitf;
        continue;
      }
      // Other vocabularies in inlineXML (SportsML, event lists) are data, not a story body.
      const html = descendants(part, 'body', 1)[0] ?? (/html/.test(type) || (!type && startsWithHtmlBlock(part)) ? part : undefined);
      if (!html) continue;
      const body = fromHtml(innerMarkup(html));
      if (body.bodyText) return body;
    } else if (part.local === 'inlineData') {
      const raw = textOf(part);
      const body = /html/.test(type) ? fromHtml(raw) : fromTextOrHtml(raw);
      if (body.bodyText) return body;
    }
  }
  return {};
}

function renditionsOf(contentSet: XElement | undefined): NonNullable<ArticleDraft['renditions']> {
  return childrenNamed(contentSet, 'remoteContent')
    .map((rc) => ({
      href: attr(rc, 'href') ?? attr(rc, 'residref') ?? '',
      contentType: attr(rc, 'contenttype'),
      width: toVersion(attr(rc, 'width')),
      height: toVersion(attr(rc, 'height')),
      title: attr(rc, 'rendition'),
    }))
    .filter((r) => r.href);
}

function linksOf(itemMeta: XElement | undefined): NonNullable<ArticleDraft['links']> {
  return childrenNamed(itemMeta, 'link')
    .map((l) => ({ href: attr(l, 'href') ?? attr(l, 'residref') ?? '', rel: attr(l, 'rel'), type: attr(l, 'contenttype'), title: cleanText(child(l, 'title')) }))
    .filter((l) => l.href);
}

function locatedOf(contentMeta: XElement | undefined): string | undefined {
  const located = child(contentMeta, 'located');
  return located ? conceptName(located) ?? attr(located, 'qcode') : undefined;
}

/** Reads a <newsItem>. Everything optional; the common rules decide if it is a story. */
export function readNewsItem(item: XElement): PartialDraft {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const contentSet = child(item, 'contentSet');
  const body = bodyOf(contentSet);
  const heads = headlinesOf(contentMeta);
  const classified = classifySubjects(contentMeta);
  const provider = child(itemMeta, 'provider');
  const located = locatedOf(contentMeta);
  const firstCreated = parseWireDate(cleanText(child(itemMeta, 'firstCreated'))) ?? parseWireDate(cleanText(child(contentMeta, 'contentCreated')));
  return {
    uri: attr(item, 'guid'),
    version: toVersion(attr(item, 'version')),
    language: attr(child(contentMeta, 'language'), 'tag') ?? attr(item, 'xml:lang'),
    pubStatus: toPubStatus(attr(child(itemMeta, 'pubStatus'), 'qcode')),
    signals: signalsOf(itemMeta),
    firstCreated,
    versionCreated: parseWireDate(cleanText(child(itemMeta, 'versionCreated'))) ?? firstCreated,
    embargoed: parseWireDate(cleanText(child(itemMeta, 'embargoed'))),
    urgency: toUrgency(cleanText(child(contentMeta, 'urgency'))),
    headline: heads.headline ?? body.headline ?? cleanInline(cleanText(child(itemMeta, 'title'))),
    subheadline: heads.subheadline ?? body.subheadline,
    byline: bylineOf(contentMeta) ?? body.byline,
    dateline: cleanText(child(contentMeta, 'dateline')) ?? body.dateline,
    located: located ?? body.located,
    description: descriptionOf(contentMeta) ?? body.description,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    subjects: [...classified.subjects, ...(body.subjects ?? [])],
    keywords: [...childrenNamed(contentMeta, 'keyword').map((k) => cleanText(k) ?? ''), ...(body.keywords ?? [])],
    people: [...classified.people, ...(body.people ?? [])],
    organisations: [...classified.organisations, ...(body.organisations ?? [])],
    places: located && !classified.places.some((p) => p.name === located) ? [...classified.places, { name: located, rel: 'located' }] : classified.places,
    provider: conceptName(provider) ?? attr(provider, 'qcode')?.replace(/^[^:]*:/, '') ?? body.provider,
    publisher: conceptName(child(child(item, 'rightsInfo'), 'copyrightHolder')) ?? body.publisher,
    links: linksOf(itemMeta),
    renditions: renditionsOf(contentSet),
  };
}
