import { type PartialDraft, clean, cleanInline, fromHtml, fromTextOrHtml, splitQcode, toPubStatus, toUrgency, toVersion } from '../common/draft';
import { isSystemAccount, personalByline } from '../common/byline';
import { type Embargo, readEmbargo } from '../common/editorial';
import type { ArticleDraft } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { readNitf } from '../nitf/nitf-reader';
import { storyBodyOf } from '../xml/story-body';
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

/**
 * The byline: <by>, else the one in the body's header block, else the
 * creators' names. Creators are often the editorial system's accounts
 * ("degenhardt.sandra", "load"): those name no one and are left out.
 */
function bylineOf(contentMeta: XElement | undefined, headerByline: string | undefined): string | undefined {
  const by = personalByline(cleanText(child(contentMeta, 'by')));
  if (by) return by;
  const fromHeader = personalByline(headerByline);
  if (fromHeader) return fromHeader;
  const names = childrenNamed(contentMeta, 'creator')
    .map((c) => conceptName(c))
    .filter((n): n is string => Boolean(n) && !isSystemAccount(n as string));
  return personalByline(names.join(', '));
}

/** An embargo instruction in an editorial note ("Sperrfrist 18.00 Uhr", role dpaednoterole:embargo). */
function embargoOfNotes(itemMeta: XElement | undefined, firstCreated: string | undefined): Embargo | undefined {
  for (const note of childrenNamed(itemMeta, 'edNote')) {
    const text = cleanText(note);
    if (!text) continue;
    const found = readEmbargo(text, firstCreated) ?? (/embargo|sperrfrist/i.test(attr(note, 'role') ?? '') ? { note: text } : undefined);
    if (found) return found;
  }
  return undefined;
}

const HTML_BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'section', 'article']);

/** Untyped inlineXML whose first element is an HTML block is read as XHTML. */
function startsWithHtmlBlock(part: XElement): boolean {
  const first = elementsOf(part)[0];
  return first !== undefined && HTML_BLOCKS.has(first.local);
}

type Body = PartialDraft & { embargo?: Embargo; headerByline?: string; notForPublication?: boolean };

/** Body from the content set: NITF or XHTML in inlineXML, or inlineData text/HTML. */
function bodyOf(contentSet: XElement | undefined, headline: string | undefined): Body {
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
      // The agency's header block (keywords, genre, the headline again) and notes to editors are not the story.
      const story = storyBodyOf(html, headline);
      // A message to editors only ("Achtung", "not for publication"): the other renditions say the same.
      if (story.onlyNotes) return { notForPublication: true };
      const body = fromHtml(innerMarkup(story.element));
      if (body.bodyText) return { ...body, embargo: story.embargo, headerByline: story.byline };
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
export function readNewsItem(item: XElement): PartialDraft & { notForPublication?: boolean } {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const contentSet = child(item, 'contentSet');
  const heads = headlinesOf(contentMeta);
  const body = bodyOf(contentSet, heads.headline);
  const classified = classifySubjects(contentMeta);
  const provider = child(itemMeta, 'provider');
  const located = locatedOf(contentMeta);
  const firstCreated = parseWireDate(cleanText(child(itemMeta, 'firstCreated'))) ?? parseWireDate(cleanText(child(contentMeta, 'contentCreated')));
  const versionCreated = parseWireDate(cleanText(child(itemMeta, 'versionCreated'))) ?? firstCreated;
  const embargo = body.embargo ?? embargoOfNotes(itemMeta, versionCreated);
  return {
    notForPublication: body.notForPublication,
    uri: attr(item, 'guid'),
    version: toVersion(attr(item, 'version')),
    language: attr(child(contentMeta, 'language'), 'tag') ?? attr(item, 'xml:lang'),
    pubStatus: toPubStatus(attr(child(itemMeta, 'pubStatus'), 'qcode')),
    signals: signalsOf(itemMeta),
    firstCreated,
    versionCreated,
    embargoed: parseWireDate(cleanText(child(itemMeta, 'embargoed'))) ?? embargo?.until,
    embargoNote: embargo?.note,
    urgency: toUrgency(cleanText(child(contentMeta, 'urgency'))),
    headline: heads.headline ?? body.headline ?? cleanInline(cleanText(child(itemMeta, 'title'))),
    subheadline: heads.subheadline ?? body.subheadline,
    byline: bylineOf(contentMeta, body.headerByline) ?? body.byline,
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
