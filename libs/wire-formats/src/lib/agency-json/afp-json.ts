import { personalByline } from '../common/byline';
import { type PartialDraft, cleanInline, toPubStatus, toUrgency, toVersion } from '../common/draft';
import { readEmbargo } from '../common/editorial';
import { paragraphsToHtml } from '../common/text';
import { parseWireDate } from '../common/wire-date';
import { Folded, type JsonObject } from '../ninjs/json-access';

/*
 * AFP's API documents ({"response": {"docs": [...]}} or one doc): the id in
 * "uno", the text as a list of paragraphs in "news", the date in
 * "published". Read as ninjs it has neither id nor body.
 */

export function isAfpDocument(value: JsonObject): boolean {
  return typeof value['uno'] === 'string' && (Array.isArray(value['news']) || typeof value['headline'] === 'string');
}

/** The NewsML identity without the revision, as AFP's NewsML 1 gives it, so both formats name one story alike. */
function uriOf(f: Folded): string | undefined {
  const publicId = f.str('publicIdentifier');
  if (publicId?.startsWith('urn:newsml:')) return publicId.replace(/:\d+[A-Z]?$/, '');
  const uno = f.str('uno');
  return uno ? `urn:afp:${uno}` : undefined;
}

function strings(f: Folded, key: string): string[] {
  return f
    .list(key)
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function readAfpDocument(doc: JsonObject): PartialDraft {
  const f = new Folded(doc);
  const paragraphs = strings(f, 'news').map((p) => p.replace(/\s+/g, ' '));
  const published = parseWireDate(f.str('published'));
  const status = f.str('status');
  const advisory = f.str('advisory');
  const embargo = advisory ? readEmbargo(advisory, published) : undefined;
  const city = f.str('city');
  return {
    uri: uriOf(f),
    version: toVersion(f.get('revision')),
    pubStatus: toPubStatus(status),
    signals: /correct/i.test(f.str('signal') ?? '') ? ['correction'] : /update/i.test(f.str('signal') ?? '') ? ['update'] : [],
    firstCreated: parseWireDate(f.str('created')) ?? published,
    versionCreated: published,
    embargoed: parseWireDate(f.str('embargoed')) ?? embargo?.until,
    embargoNote: embargo?.note,
    language: f.str('lang', 'language'),
    urgency: toUrgency(f.get('urgency')),
    headline: cleanInline(f.str('headline', 'title')),
    description: strings(f, 'summary').join(' ') || undefined,
    byline: personalByline(f.str('creator'), { systemField: true }),
    located: city,
    bodyText: paragraphs.join('\n\n') || undefined,
    bodyHtml: paragraphs.length > 0 ? paragraphsToHtml(paragraphs) : undefined,
    subjects: strings(f, 'iptc').map((code) => ({ scheme: /^\d{8}$/.test(code) ? 'subj' : undefined, code })),
    keywords: [...strings(f, 'keyword'), ...strings(f, 'slug')],
    people: strings(f, 'entity_person').map((name) => ({ name })),
    organisations: strings(f, 'entity_organisation').map((name) => ({ name })),
    places: [...(city ? [{ name: city, rel: 'located' }] : []), ...strings(f, 'entity_location').map((name) => ({ name }))],
    provider: f.str('provider', 'source') ?? 'AFP',
  };
}
