import { conceptsOf, type ExportEntity, type ExportSubject } from './concepts';
import { asUri, isAbsoluteUri } from './identifiers';
import type { ExportStory } from './story';

/** The ninjs version written, and the schema a receiver can validate it with. */
export const NINJS_VERSION = '2.1';
export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json';

interface TypedValue {
  role?: string;
  contenttype?: string;
  value: string;
  charcount?: number;
  wordcount?: number;
}

type NinjsEntity = ExportEntity;
interface NinjsSubject {
  name?: string;
  uri?: string;
  literal?: string;
  creator?: string;
  confidence?: number;
}

/** A ninjs 2.1 news item: only the properties this serializer writes (all of them in the 2.1 schema). */
export interface NinjsItem {
  uri: string;
  type: 'text';
  representationtype: 'full' | 'partial';
  standard: { name: 'ninjs'; version: string; schema: string };
  version?: string;
  firstcreated?: string;
  versioncreated?: string;
  embargoed?: string;
  pubstatus: 'usable' | 'withheld' | 'canceled';
  urgency?: number;
  language?: string;
  headlines: TypedValue[];
  by?: string;
  located?: string;
  ednote?: string;
  descriptions?: TypedValue[];
  bodies?: TypedValue[];
  copyrightholder?: string;
  infosources?: { name: string }[];
  people?: NinjsEntity[];
  organisations?: NinjsEntity[];
  places?: NinjsEntity[];
  subjects?: NinjsSubject[];
  altids: { role: string; value: string }[];
  renditions?: { name: string; href: string; contenttype?: string; title?: string; width?: number; height?: number }[];
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

function subjectOf(s: ExportSubject): NinjsSubject {
  // ninjs 2.x has no qcode property; `literal` is its place for an identifier that is a plain string.
  const literal = s.qcode ?? s.literal;
  return { ...(s.name ? { name: s.name } : {}), ...(s.uri ? { uri: s.uri } : {}), ...(literal ? { literal } : {}), ...(s.creator ? { creator: s.creator } : {}), ...(s.confidence !== undefined ? { confidence: s.confidence } : {}) };
}

/** Platform ids travel as alternative ids, so a receiver can come back to the API or join a cluster. */
function altIdsOf(story: ExportStory): NinjsItem['altids'] {
  const { article, dedup } = story;
  const ids: NinjsItem['altids'] = [{ role: 'newswire:article-id', value: article.id }];
  if (dedup?.storyKey) ids.push({ role: 'newswire:story-key', value: dedup.storyKey });
  if (dedup?.clusterId) ids.push({ role: 'newswire:cluster-id', value: dedup.clusterId });
  if (dedup?.status) ids.push({ role: 'newswire:dedup-status', value: dedup.status });
  if (dedup?.duplicateOf) ids.push({ role: 'newswire:duplicate-of', value: dedup.duplicateOf });
  if (!isAbsoluteUri(article.uri)) ids.push({ role: 'newswire:source-id', value: article.uri });
  return ids;
}

function bodiesOf(story: ExportStory): TypedValue[] {
  const { bodyHtml, bodyText } = story.article;
  const wordcount = story.enrichment?.wordCount;
  const counts = (value: string) => ({ charcount: value.length, ...(wordcount !== undefined ? { wordcount } : {}) });
  const bodies: TypedValue[] = [];
  if (bodyHtml) bodies.push({ role: 'main', contenttype: 'text/html', value: bodyHtml });
  if (bodyText) bodies.push({ role: 'main', contenttype: 'text/plain', value: bodyText, ...counts(bodyText) });
  return bodies;
}

/**
 * The story as a ninjs 2.1 item (IPTC's schema is in src/schema; a test
 * validates every fixture's output against it). Pure: no I/O, no clock.
 */
export function toNinjs(story: ExportStory): NinjsItem {
  const { article, enrichment } = story;
  const concepts = conceptsOf(story);
  const bodies = bodiesOf(story);
  const headlines: TypedValue[] = [{ role: 'main', contenttype: 'text/plain', value: article.headline }];
  if (article.subheadline) headlines.push({ role: 'sub', contenttype: 'text/plain', value: article.subheadline });
  const item: NinjsItem = {
    uri: asUri(article.uri, 'source-id'),
    type: 'text',
    representationtype: bodies.length > 0 ? 'full' : 'partial',
    standard: { name: 'ninjs', version: NINJS_VERSION, schema: NINJS_SCHEMA_URI },
    version: article.version !== undefined ? String(article.version) : undefined,
    firstcreated: article.firstCreated,
    versioncreated: article.versionCreated,
    embargoed: article.embargoed,
    pubstatus: article.pubStatus,
    urgency: article.urgency,
    language: article.language ?? enrichment?.language,
    headlines,
    by: article.byline,
    located: concepts.located?.name,
    ednote: article.embargoNote,
    descriptions: article.description ? [{ role: 'summary', contenttype: 'text/plain', value: article.description }] : undefined,
    bodies: nonEmpty(bodies),
    copyrightholder: article.publisher,
    infosources: article.provider ? [{ name: article.provider }] : undefined,
    people: nonEmpty(concepts.people),
    organisations: nonEmpty(concepts.organisations),
    places: nonEmpty(concepts.places),
    subjects: nonEmpty(concepts.subjects.map(subjectOf)),
    altids: altIdsOf(story),
    renditions: nonEmpty(
      article.renditions
        .filter((r) => isAbsoluteUri(r.href))
        .map((r, i) => ({ name: r.title ?? `rendition-${i + 1}`, href: r.href, contenttype: r.contentType, width: r.width, height: r.height })),
    ),
  };
  return withoutUndefined(item);
}

/** JSON drops undefined anyway; dropping it here keeps the object equal to what is sent. */
function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
