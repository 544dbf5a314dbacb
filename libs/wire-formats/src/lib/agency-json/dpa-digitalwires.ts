import { personalByline } from '../common/byline';
import { type PartialDraft, clean, cleanInline, fromHtml, splitQcode, toPubStatus, toUrgency, toVersion } from '../common/draft';
import { readEmbargo } from '../common/editorial';
import type { ArticleDraft } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { Folded, type Json, type JsonObject, isObject } from '../ninjs/json-access';

/*
 * dpa's digitalwires JSON ("format": "digitalwires@0.9.1"), one entry per
 * story version. It looks like ninjs at a glance (headline, pubstatus,
 * version) but keeps its id in "urn" and its text in "article_html", so a
 * ninjs reader finds neither.
 */

type Entity = NonNullable<ArticleDraft['people']>[number];
type Subject = NonNullable<ArticleDraft['subjects']>[number];
type Signal = NonNullable<ArticleDraft['signals']>[number];

export function isDigitalwiresEntry(value: JsonObject): boolean {
  const format = value['format'];
  if (typeof format === 'string' && /^digitalwires\b/i.test(format)) return true;
  return typeof value['urn'] === 'string' && ('article_html' in value || 'version_created' in value);
}

interface Categories {
  subjects: Subject[];
  people: Entity[];
  organisations: Entity[];
  places: Entity[];
}

/** categories: [{type: "dnltype:dpasubject", name, qcode}]; signals, wires and accounts are not subjects. */
function categoriesOf(list: Json[]): Categories {
  const out: Categories = { subjects: [], people: [], organisations: [], places: [] };
  for (const c of list) {
    if (!isObject(c)) continue;
    const f = new Folded(c);
    const type = (f.str('type') ?? '').toLowerCase();
    const name = f.str('name');
    const qcode = f.str('qcode');
    if (!name) continue;
    if (/person/.test(type)) out.people.push({ name, uri: qcode });
    else if (/organi[sz]ation|company/.test(type)) out.organisations.push({ name, uri: qcode });
    else if (/geo|location|city|country/.test(type)) out.places.push({ name, uri: qcode });
    else if (/subject|medtop|category|topic/.test(type)) out.subjects.push({ ...splitQcode(qcode), name });
  }
  return out;
}

function signalOf(value: string | undefined): Signal[] {
  if (/correction/i.test(value ?? '')) return ['correction'];
  if (/update/i.test(value ?? '')) return ['update'];
  return [];
}

/** An embargo note among the editors' notes ("Bitte beachten Sie die Sperrfrist ..."). */
function embargoNoteOf(f: Folded): string | undefined {
  for (const note of f.list('ednotes')) {
    if (!isObject(note)) continue;
    const nf = new Folded(note);
    const text = clean(nf.str('ednote'));
    if (text && (/embargo|sperrfrist/i.test(nf.str('role') ?? '') || readEmbargo(text))) return text;
  }
  return undefined;
}

/** The instant a note names, read from its instruction ("Bitte beachten Sie die Sperrfrist bis ..."). */
function embargoInstantOf(note: string | undefined, reference: string | undefined): string | undefined {
  const at = note?.search(/sperrfrist|embargo/i) ?? -1;
  return note && at >= 0 ? readEmbargo(note.slice(at), reference)?.until : undefined;
}

export function readDigitalwiresEntry(entry: JsonObject): PartialDraft {
  const f = new Folded(entry);
  const body = fromHtml(f.str('article_html'));
  const categories = categoriesOf(f.list('categories'));
  const versionCreated = parseWireDate(f.str('version_created'));
  const dateline = clean(f.str('dateline')?.replace(/\s*[-–—]+\s*$/, ''));
  const embargoNote = embargoNoteOf(f);
  const names = (key: string) => f.list(key).filter((n): n is string => typeof n === 'string');
  return {
    uri: f.str('urn', 'entry_id'),
    version: toVersion(f.get('version')),
    pubStatus: toPubStatus(f.str('pubstatus')),
    signals: signalOf(f.str('signal')),
    firstCreated: parseWireDate(f.str('content_created')) ?? versionCreated,
    versionCreated,
    // The field when present; else the instant the editors' note names.
    embargoed: parseWireDate(f.str('embargoed')) ?? embargoInstantOf(embargoNote, versionCreated),
    embargoNote,
    language: f.str('language'),
    urgency: toUrgency(f.get('urgency')),
    headline: cleanInline(f.str('headline')),
    subheadline: cleanInline(f.str('subhead')),
    description: clean(fromHtml(f.str('teaser')).bodyText ?? f.str('teaser')),
    byline: personalByline(f.str('byline')),
    dateline,
    located: dateline?.replace(/\s*\(.*$/, '') || undefined,
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    subjects: categories.subjects,
    keywords: names('keyword_names'),
    people: categories.people,
    organisations: categories.organisations,
    places: categories.places,
    provider: f.str('creditline'),
  };
}
