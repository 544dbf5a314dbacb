import { type PartialDraft, clean, cleanInline, fromHtml, splitQcode, toUrgency } from '../common/draft';
import { readEmbargo } from '../common/editorial';
import { parseWireDate } from '../common/wire-date';
import { storyBodyOf } from '../xml/story-body';
import type { ArticleDraft } from '../common/types';
import { attr, child, childrenNamed, cleanText, descendants, innerMarkup, path, type XElement } from '../xml/tree';

type Subject = NonNullable<ArticleDraft['subjects']>[number];
type Entity = NonNullable<ArticleDraft['people']>[number];

function bylineOf(el: XElement | undefined): string | undefined {
  if (!el) return undefined;
  // The byline's title (<byttl>) is a job, not a name.
  const withoutTitle: XElement = { ...el, children: el.children.filter((c) => typeof c === 'string' || c.local !== 'byttl') };
  const text = clean(cleanText(withoutTitle)?.replace(/[,;]\s*$/, ''));
  return text?.replace(/^(by|par|von|por|di|door)\s+/i, '') || undefined;
}

function subjectsOf(head: XElement | undefined): Subject[] {
  const subjects: Subject[] = [];
  for (const tobject of childrenNamed(head, 'tobject')) {
    for (const s of childrenNamed(tobject, 'tobject.subject')) {
      const code = attr(s, 'tobject.subject.refnum') ?? attr(s, 'tobject.subject.code');
      const name = [attr(s, 'tobject.subject.type'), attr(s, 'tobject.subject.matter'), attr(s, 'tobject.subject.detail')].filter(Boolean).join(' / ');
      if (code || name) subjects.push({ ...splitQcode(code && !code.includes(':') ? `subj:${code}` : code), name: name || undefined });
    }
  }
  return subjects;
}

function entities(scope: XElement | undefined, local: string): Entity[] {
  return descendants(scope, local, 200)
    .map((el) => ({ name: cleanText(el) ?? attr(el, 'value') ?? '', uri: attr(el, 'idsrc') && attr(el, 'value') ? `${attr(el, 'idsrc')}:${attr(el, 'value')}` : undefined }))
    .filter((e) => e.name);
}

/**
 * Reads one NITF document (root <nitf>, standalone or inside a G2 inlineXML).
 * Returns what it found; the caller applies the common rules.
 */
export function readNitf(nitf: XElement): PartialDraft {
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const body = child(nitf, 'body');
  const bodyHead = child(body, 'body.head');
  const hedline = child(bodyHead, 'hedline') ?? child(bodyHead, 'headline');
  const dateline = child(bodyHead, 'dateline');
  const issued = parseWireDate(attr(child(docdata, 'date.issue'), 'norm'));
  const storyDate = parseWireDate(attr(child(dateline, 'story.date'), 'norm') ?? cleanText(child(dateline, 'story.date')));
  const content = child(body, 'body.content');
  const { bodyHtml, bodyText } = fromHtml(innerMarkup(content));
  const keywords = [
    ...descendants(child(docdata, 'key-list'), 'keyword').map((k) => attr(k, 'key') ?? cleanText(k) ?? ''),
    ...childrenNamed(head, 'meta').filter((m) => /keyword/i.test(attr(m, 'name') ?? '')).map((m) => attr(m, 'content') ?? ''),
  ];
  const identified = child(docdata, 'identified-content');
  const urgencyEl = child(docdata, 'urgency');
  return {
    uri: attr(child(docdata, 'doc-id'), 'id-string'),
    headline: cleanInline(cleanText(child(hedline, 'hl1')) ?? cleanText(hedline)) ?? cleanInline(cleanText(child(head, 'title'))),
    subheadline: cleanInline(cleanText(child(hedline, 'hl2'))),
    byline: bylineOf(child(bodyHead, 'byline')),
    dateline: cleanText(dateline),
    located: cleanText(path(dateline, 'location', 'city')) ?? cleanText(child(dateline, 'location')),
    description: cleanText(child(bodyHead, 'abstract')),
    provider: cleanText(child(bodyHead, 'distributor')),
    publisher: attr(child(head, 'pubdata'), 'name') ?? attr(child(docdata, 'doc.copyright'), 'holder'),
    urgency: toUrgency(attr(urgencyEl, 'ed-urg') ?? attr(urgencyEl, 'urgency')),
    firstCreated: issued ?? storyDate,
    versionCreated: issued ?? storyDate,
    ...embargoOf(docdata, content, issued),
    language: attr(nitf, 'xml:lang') ?? attr(child(nitf, 'body'), 'xml:lang'),
    bodyHtml,
    bodyText,
    subjects: subjectsOf(head),
    keywords: keywords.filter(Boolean),
    people: entities(identified, 'person'),
    organisations: entities(identified, 'org'),
    places: entities(identified, 'location'),
  };
}

/**
 * The embargo: a release date later than the issue date, else an instruction in an editor's
 * message (<ed-msg info="EMBARGOED until ...">) or among the body's leading paragraphs (which
 * stay in the body: NITF's own reader keeps the whole body.content).
 */
function embargoOf(docdata: XElement | undefined, content: XElement | undefined, issued: string | undefined): { embargoed?: string; embargoNote?: string } {
  const release = attr(child(docdata, 'date.release'), 'norm');
  const note = childrenNamed(docdata, 'ed-msg')
    .map((m) => readEmbargo(attr(m, 'info') ?? cleanText(m) ?? '', issued))
    .find(Boolean) ?? (content ? storyBodyOf(content).embargo : undefined);
  const dated = note && !note.until && issued ? (readEmbargo(note.note, issued) ?? note) : note;
  return { embargoed: isFuture(release, issued) ? parseWireDate(release) : dated?.until, embargoNote: dated?.note };
}

/** A release date later than the issue date is an embargo. */
function isFuture(release: string | undefined, issued: string | undefined): boolean {
  const r = parseWireDate(release);
  return Boolean(r && issued && r > issued);
}
