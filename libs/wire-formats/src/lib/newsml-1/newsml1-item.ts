import { personalByline } from '../common/byline';
import { type PartialDraft, cleanInline, fromHtml, fromTextOrHtml, toPubStatus, toUrgency, toVersion } from '../common/draft';
import { type Embargo, readEmbargo } from '../common/editorial';
import type { ArticleDraft } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { readNitf } from '../nitf/nitf-reader';
import { storyBodyOf } from '../xml/story-body';
import { attr, child, childrenNamed, cleanText, descendants, elementsOf, innerMarkup, path, textOf, type XElement } from '../xml/tree';

/*
 * NewsML 1.x (1.0 to 1.2), still sent by AFP, ANA-MPA, EFE, STT and others:
 *
 *   NewsML > NewsEnvelope (DateAndTime, Priority)
 *          > NewsItem > Identification > NewsIdentifier (ProviderId, DateId, NewsItemId, RevisionId, PublicIdentifier)
 *                     > NewsManagement (NewsItemType, FirstCreated, ThisRevisionCreated, Status, StatusWillChange, Urgency, Instruction)
 *                     > NewsComponent > NewsLines (HeadLine, SubHeadLine, ByLine, DateLine, KeywordLine ...)
 *                                     > AdministrativeMetadata (Provider/Party), DescriptiveMetadata (Language, SubjectCode, Location, Property)
 *                                     > NewsComponent* > ContentItem (MediaType, MimeType, DataContent | Href)
 *
 * The story's identity is ProviderId, DateId and NewsItemId; RevisionId is
 * its version. (PublicIdentifier ends with the revision: every revision
 * would be a different story if it were taken as the uri.)
 */

type Subject = NonNullable<ArticleDraft['subjects']>[number];
type Rendition = NonNullable<ArticleDraft['renditions']>[number];
type Signal = NonNullable<ArticleDraft['signals']>[number];

const formal = (el: XElement | undefined) => attr(el, 'FormalName');

/** Every ContentItem below the item, with the NewsComponent role it sits under. */
function contentItems(component: XElement | undefined): { item: XElement; role?: string }[] {
  const out: { item: XElement; role?: string }[] = [];
  const visit = (nc: XElement, role: string | undefined) => {
    const own = formal(child(nc, 'Role')) ?? role;
    for (const kid of elementsOf(nc)) {
      if (kid.local === 'ContentItem') out.push({ item: kid, role: own });
      else if (kid.local === 'NewsComponent') visit(kid, own);
    }
  };
  if (component) visit(component, undefined);
  return out;
}

function mediaOf(item: XElement): string {
  return (formal(child(item, 'MediaType')) ?? '').toLowerCase();
}

function mimeOf(item: XElement): string | undefined {
  return formal(child(item, 'MimeType')) ?? attr(child(item, 'MimeType'), 'Value');
}

/** The text item: MediaType Text with content, the "Main" role first. */
function textItem(component: XElement | undefined): XElement | undefined {
  const texts = contentItems(component).filter(({ item }) => child(item, 'DataContent') && (mediaOf(item) === 'text' || !mediaOf(item)));
  return (texts.find((t) => /main/i.test(t.role ?? '')) ?? texts.find((t) => !/caption|abstract|summary/i.test(t.role ?? '')) ?? texts[0])?.item;
}

type Body = PartialDraft & { embargo?: Embargo };

/** DataContent holds NITF, XHTML, bare <p> elements, or text (escaped HTML or plain). */
function bodyOf(item: XElement | undefined, headline: string | undefined): Body {
  const data = child(item, 'DataContent');
  if (!data) return {};
  const nitf = descendants(data, 'nitf', 1)[0];
  if (nitf) {
    const fromNitf = readNitf(nitf);
    const content = path(nitf, 'body', 'body.content');
    if (!content) return fromNitf;
    // NITF's own reader keeps the whole body.content: the agency's header lines are taken out here.
    const story = storyBodyOf(content, headline ?? fromNitf.headline);
    const text = fromHtml(innerMarkup(story.element));
    if (text.bodyText) return { ...fromNitf, ...text, embargo: story.embargo };
  }
  if (elementsOf(data).length > 0) {
    const story = storyBodyOf(descendants(data, 'body.content', 1)[0] ?? data, headline);
    return { ...fromHtml(innerMarkup(story.element)), embargo: story.embargo };
  }
  const text = textOf(data);
  return /html/i.test(mimeOf(item as XElement) ?? '') ? fromHtml(text) : fromTextOrHtml(text);
}

function subjectsOf(descriptive: XElement | undefined): Subject[] {
  return childrenNamed(descriptive, 'SubjectCode').flatMap((code) =>
    elementsOf(code)
      .filter((s) => /^Subject(Matter|Detail)?$/.test(s.local) && formal(s))
      .map((s) => ({ scheme: /^\d{8}$/.test(formal(s) ?? '') ? 'subj' : attr(s, 'Scheme'), code: formal(s) })),
  );
}

function propertyValues(scope: XElement | undefined, name: RegExp): string[] {
  return descendants(scope, 'Property', 200)
    .filter((p) => name.test(formal(p) ?? ''))
    .map((p) => attr(p, 'Value') ?? '')
    .filter(Boolean);
}

function renditionsOf(component: XElement | undefined): Rendition[] {
  return contentItems(component)
    .filter(({ item }) => attr(item, 'Href') && mediaOf(item) !== 'text')
    .map(({ item, role }) => ({ href: attr(item, 'Href') as string, contentType: mimeOf(item), title: role }));
}

/** The identity without the revision: urn:newsml:ProviderId:DateId:NewsItemId. */
function uriOf(identifier: XElement | undefined): string | undefined {
  const provider = cleanText(child(identifier, 'ProviderId'));
  const date = cleanText(child(identifier, 'DateId'));
  const id = cleanText(child(identifier, 'NewsItemId'));
  if (provider && id) return `urn:newsml:${provider}:${date ?? ''}:${id}`;
  return cleanText(child(identifier, 'PublicIdentifier'))?.replace(/:\d+[A-Z]?$/, '');
}

function signalsOf(identifier: XElement | undefined, management: XElement | undefined): Signal[] {
  const signals: Signal[] = [];
  const revision = child(identifier, 'RevisionId');
  const instructions = childrenNamed(management, 'Instruction').map((i) => formal(i) ?? '');
  if (instructions.some((i) => /correct|rectif/i.test(i))) signals.push('correction');
  if ((toVersion(attr(revision, 'PreviousRevision')) ?? 0) > 0 || /^[AU]$/.test(attr(revision, 'Update') ?? '')) signals.push('update');
  return signals;
}

/** "Embargoed" until StatusWillChange says it becomes usable. */
function embargoOf(management: XElement | undefined): string | undefined {
  const change = child(management, 'StatusWillChange');
  const future = (formal(child(change, 'FutureStatus')) ?? '').toLowerCase();
  const when = parseWireDate(cleanText(child(change, 'DateAndTime')));
  const now = (formal(child(management, 'Status')) ?? '').toLowerCase();
  return when && (future === 'usable' || now === 'embargoed') ? when : undefined;
}

/** Reads a <NewsItem>; the envelope's date and priority stand in for what the item lacks. */
export function readNewsMl1Item(item: XElement, envelope: XElement | undefined): PartialDraft {
  const identifier = path(item, 'Identification', 'NewsIdentifier');
  const management = child(item, 'NewsManagement');
  const component = child(item, 'NewsComponent');
  const lines = child(component, 'NewsLines') ?? descendants(component, 'NewsLines', 1)[0];
  const descriptive = child(component, 'DescriptiveMetadata') ?? descendants(component, 'DescriptiveMetadata', 1)[0];
  const headline = cleanInline(cleanText(child(lines, 'HeadLine')));
  const text = textItem(component);
  const body = bodyOf(text, headline);
  const firstCreated = parseWireDate(cleanText(child(management, 'FirstCreated')));
  const versionCreated = parseWireDate(cleanText(child(management, 'ThisRevisionCreated'))) ?? firstCreated ?? parseWireDate(cleanText(child(envelope, 'DateAndTime')));
  const noteEmbargo = body.embargo ?? childrenNamed(lines, 'NewsLine').map((l) => readEmbargo(cleanText(child(l, 'NewsLineText')) ?? '', versionCreated)).find(Boolean);
  const city = propertyValues(child(descriptive, 'Location'), /^city$/i)[0];
  const status = formal(child(management, 'Status'));
  return {
    uri: uriOf(identifier),
    version: toVersion(cleanText(child(identifier, 'RevisionId'))),
    pubStatus: toPubStatus(status),
    signals: signalsOf(identifier, management),
    firstCreated: firstCreated ?? versionCreated,
    versionCreated,
    embargoed: embargoOf(management) ?? noteEmbargo?.until,
    embargoNote: noteEmbargo?.note,
    urgency: toUrgency(formal(child(management, 'Urgency')) ?? formal(child(envelope, 'Priority'))),
    language: formal(child(descriptive, 'Language')) ?? attr(item, 'xml:lang') ?? attr(child(lines, 'HeadLine'), 'xml:lang'),
    headline: headline ?? body.headline,
    subheadline: cleanInline(cleanText(child(lines, 'SubHeadLine'))) ?? body.subheadline,
    byline: personalByline(cleanText(child(lines, 'ByLine'))) ?? body.byline,
    dateline: cleanText(child(lines, 'DateLine'))?.replace(/\s*[-–—]+\s*$/, '') ?? body.dateline,
    located: city ?? body.located,
    description: body.description,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    subjects: [...subjectsOf(descriptive), ...(body.subjects ?? [])],
    keywords: [...propertyValues(descriptive, /^keyword$/i), ...childrenNamed(lines, 'KeywordLine').map((k) => cleanText(k) ?? ''), ...(body.keywords ?? [])],
    places: city ? [{ name: city, rel: 'located' }] : undefined,
    provider: formal(path(component, 'AdministrativeMetadata', 'Provider', 'Party')) ?? cleanText(child(identifier, 'ProviderId')) ?? body.provider,
    renditions: renditionsOf(component),
  };
}
