import { type PartialDraft, clean, cleanInline, fromHtml, fromTextOrHtml, splitQcode, toPubStatus, toUrgency, toVersion } from '../common/draft';
import type { ArticleDraft } from '../common/types';
import { parseWireDate } from '../common/wire-date';
import { looksLikeHtml } from '../html/sanitize';
import { Folded, type Json, isObject } from './json-access';

type Subject = NonNullable<ArticleDraft['subjects']>[number];
type Entity = NonNullable<ArticleDraft['people']>[number];
type Rendition = NonNullable<ArticleDraft['renditions']>[number];
type Link = NonNullable<ArticleDraft['links']>[number];

interface TypedValue {
  value: string;
  role?: string;
  type?: string;
}

/** 2.x/3.x lists of {value, role, contenttype}; also accepts plain strings. */
function typedValues(list: Json[]): TypedValue[] {
  const out: TypedValue[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') out.push({ value: entry });
    else if (isObject(entry)) {
      const f = new Folded(entry);
      const value = f.str('value');
      if (value) out.push({ value, role: f.str('role'), type: f.str('contenttype', 'mimetype')?.toLowerCase() });
    }
  }
  return out;
}

const isHtmlType = (t: TypedValue) => /html/.test(t.type ?? '') || (!t.type && /html/i.test(t.role ?? ''));
const isPlainType = (t: TypedValue) => /text\/plain/.test(t.type ?? '') || (!t.type && !looksLikeHtml(t.value));

function pickHeadline(f: Folded): { headline?: string; subheadline?: string } {
  const list = typedValues(f.list('headlines'));
  const main = list.find((h) => !h.role || /main|default/i.test(h.role)) ?? list[0];
  const sub = list.find((h) => h !== main && /sub|short|deck/i.test(h.role ?? ''));
  const legacy = f.str('headline') ?? f.prefixed('headline_').map(([, v]) => (typeof v === 'string' ? v : '')).find(Boolean);
  return { headline: cleanInline(main?.value ?? legacy ?? f.str('title', 'slugline')), subheadline: cleanInline(sub?.value) };
}

function pickBody(f: Folded): { bodyHtml?: string; bodyText?: string } {
  const list = typedValues(f.list('bodies'));
  for (const [key, value] of f.prefixed('body_')) {
    if (typeof value === 'string') list.push({ value, type: /html|richtext/i.test(key) || looksLikeHtml(value) ? 'text/html' : 'text/plain' });
  }
  const html = list.find(isHtmlType);
  const plain = list.find(isPlainType);
  const fromMarkup = html ? fromHtml(html.value) : {};
  const text = plain ? fromTextOrHtml(plain.value).bodyText : undefined;
  return { bodyHtml: fromMarkup.bodyHtml, bodyText: text ?? fromMarkup.bodyText };
}

/**
 * ninjs 1.x names its descriptions by role (description_text, description_usage); AP's media API adds
 * description_caption and description_creditline. A credit ("Jane Doe/Agency") or a usage note
 * describes the rights, not the story: they come last.
 */
const RIGHTS_DESCRIPTION = /credit|usage|copyright|rights/i;

function pickDescription(f: Folded): string | undefined {
  const list = typedValues(f.list('descriptions'));
  const prefixed = [...f.prefixed('description_')].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  for (const [, value] of [...prefixed.filter(([key]) => !RIGHTS_DESCRIPTION.test(key)), ...prefixed.filter(([key]) => RIGHTS_DESCRIPTION.test(key))]) list.push({ value });
  const chosen = list.find(isPlainType) ?? list[0];
  return chosen ? clean(fromTextOrHtml(chosen.value).bodyText) : undefined;
}

function subjectsOf(list: Json[]): Subject[] {
  return list.filter(isObject).map((s) => {
    const f = new Folded(s);
    const code = f.str('code', 'literal', 'qcode');
    const fromCode = code?.includes(':') ? splitQcode(code) : { code };
    return { scheme: f.str('scheme') ?? fromCode.scheme, code: fromCode.code ?? f.str('uri'), name: f.str('name') };
  }).filter((s) => s.code || s.name);
}

function entitiesOf(list: Json[]): Entity[] {
  const out: Entity[] = [];
  for (const e of list) {
    if (typeof e === 'string' && e.trim()) out.push({ name: e.trim() });
    if (!isObject(e)) continue;
    const f = new Folded(e);
    const name = f.str('name', 'literal');
    if (name) out.push({ name, uri: f.str('uri') ?? (f.str('scheme') && f.str('code') ? `${f.str('scheme')}${f.str('code')}` : undefined), rel: f.str('rel') });
  }
  return out;
}

function renditionsOf(value: Json | undefined): Rendition[] {
  const entries: [string | undefined, Json][] = Array.isArray(value) ? value.map((v) => [undefined, v]) : isObject(value) ? Object.entries(value) : [];
  const out: Rendition[] = [];
  for (const [name, r] of entries) {
    if (!isObject(r)) continue;
    const f = new Folded(r);
    const href = f.str('href', 'uri');
    if (!href) continue;
    const width = f.get('width');
    const height = f.get('height');
    out.push({
      href,
      contentType: f.str('contenttype', 'mimetype'),
      width: typeof width === 'number' ? width : toVersion(width),
      height: typeof height === 'number' ? height : toVersion(height),
      title: f.str('title', 'name') ?? name,
    });
  }
  return out;
}

/** Associations (pictures, related items) become links: the article keeps where they are. */
function linksOf(f: Folded): Link[] {
  const out: Link[] = [];
  const assoc = f.get('associations');
  const entries: [string, Json][] = Array.isArray(assoc) ? assoc.map((a, i) => [String(i), a]) : isObject(assoc) ? Object.entries(assoc) : [];
  for (const [key, a] of entries) {
    if (!isObject(a)) continue;
    const af = new Folded(a);
    const href = af.str('uri', 'href');
    if (href) out.push({ href, rel: af.str('rel', 'name') ?? key, type: af.str('type', 'contenttype', 'mimetype'), title: cleanInline(pickHeadline(af).headline) });
  }
  for (const l of f.list('links')) {
    if (!isObject(l)) continue;
    const lf = new Folded(l);
    const href = lf.str('href', 'uri');
    if (href) out.push({ href, rel: lf.str('rel'), type: lf.str('contenttype', 'mimetype'), title: lf.str('title') });
  }
  return out;
}

function nameOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(', ') || undefined;
  return isObject(value) ? new Folded(value).str('name', 'literal') : undefined;
}

/** True for ninjs events and planning items, which describe coverage, not a story. */
export function ninjsNonStoryReason(item: Folded): string | undefined {
  const type = item.str('type')?.toLowerCase();
  if (type === 'event' || type === 'planning') return `a ninjs ${type} item, not a story`;
  if (item.get('eventdetails') !== undefined) return 'a ninjs item with eventDetails (an event), not a story';
  if (item.get('planningdetails') !== undefined) return 'a ninjs planning item, not a story';
  return undefined;
}

/**
 * The item's stable id. AP's media API puts a download URL with access
 * parameters in "uri" (it changes with every request) and the id itself in
 * altids.itemid: the id is what names the story across versions.
 */
function uriOf(f: Folded): string | undefined {
  const uri = f.str('uri', 'guid', 'id');
  const altids = f.get('altids');
  const itemId = isObject(altids) ? new Folded(altids).str('itemid') : undefined;
  return itemId && (!uri || /^https?:\/\/[^?#]+\?/.test(uri)) ? itemId : uri;
}

export function readNinjsItem(f: Folded): PartialDraft {
  const heads = pickHeadline(f);
  const body = pickBody(f);
  const firstCreated = parseWireDate(f.str('firstcreated', 'contentcreated'));
  const keywords = f.list('keywords').filter((k): k is string => typeof k === 'string');
  return {
    uri: uriOf(f),
    version: toVersion(f.get('version')),
    firstCreated,
    versionCreated: parseWireDate(f.str('versioncreated')) ?? firstCreated,
    embargoed: parseWireDate(f.str('embargoeduntil', 'embargoed')),
    pubStatus: toPubStatus(f.str('pubstatus')),
    urgency: toUrgency(f.get('urgency')),
    language: f.str('language'),
    headline: heads.headline,
    subheadline: heads.subheadline,
    byline: nameOf(f.get('by', 'byline', 'photographer'))?.replace(/^(by|par|von|por|di|door)\s+/i, ''),
    located: nameOf(f.get('located')),
    description: pickDescription(f),
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    subjects: subjectsOf(f.list('subjects', 'subject')),
    keywords,
    people: entitiesOf(f.list('people', 'person')),
    organisations: entitiesOf(f.list('organisations', 'organisation', 'organizations')),
    places: entitiesOf(f.list('places', 'place')),
    provider: nameOf(f.get('infosources', 'provider')),
    publisher: nameOf(f.get('copyrightholder', 'publisher')),
    links: linksOf(f),
    renditions: renditionsOf(f.get('renditions')),
  };
}
