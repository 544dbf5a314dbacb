import type { FoundEntityT } from '@newswire/contracts';
import { geonamesUri, isAbsoluteUri, qcodeOf, qcodeUri, wikidataUri } from './identifiers';
import type { ExportStory } from './story';

/** A person, organisation or place as both formats name it: a name, and an identifier when one is known. */
export interface ExportEntity {
  name: string;
  uri?: string;
  /** An identifier that is not a URI (an ISO country code as "iso3166-1a2:DE", a source's own id). */
  literal?: string;
  rel?: string;
}

export interface ExportSubject {
  name?: string;
  uri?: string;
  /** scheme:code, when the subject has one ("medtop:11000000"). */
  qcode?: string;
  /** An identifier that is neither a URI nor a qcode. */
  literal?: string;
  /** How sure the classifier is (0-100); only on subjects enrichment found. */
  confidence?: number;
  /** Who assigned it: the classifier's name and version; absent for the source's own subjects. */
  creator?: string;
}

export interface ExportConcepts {
  people: ExportEntity[];
  organisations: ExportEntity[];
  places: ExportEntity[];
  subjects: ExportSubject[];
  /** Where the story happens (the source's, else the dateline's or the most salient place). */
  located?: ExportEntity;
}

type SourceEntity = ExportStory['article']['people'][number];

const keyOf = (name: string) => name.normalize('NFKC').toLowerCase().trim();

function fromSource(e: SourceEntity): ExportEntity {
  return { name: e.name, ...(isAbsoluteUri(e.uri) ? { uri: e.uri } : e.uri ? { literal: e.uri } : {}), ...(e.rel ? { rel: e.rel } : {}) };
}

function fromFound(e: FoundEntityT): ExportEntity {
  const uri = e.geonameId ? geonamesUri(e.geonameId) : e.wikidataId ? wikidataUri(e.wikidataId) : undefined;
  // A country code names a country only on the country itself; on a city it says where the city is.
  const literal = e.kind === 'country' && e.countryCode ? `iso3166-1a2:${e.countryCode}` : undefined;
  return { name: e.name, ...(uri ? { uri } : {}), ...(literal ? { literal } : {}) };
}

/** The source's entities first, as it named them; then enrichment's, one per name, lending an id the source lacked. */
function mergeEntities(source: SourceEntity[], found: FoundEntityT[]): ExportEntity[] {
  const byName = new Map<string, ExportEntity>();
  for (const e of source) if (!byName.has(keyOf(e.name))) byName.set(keyOf(e.name), fromSource(e));
  for (const e of found) {
    const known = byName.get(keyOf(e.name));
    const mapped = fromFound(e);
    if (!known) byName.set(keyOf(e.name), mapped);
    else if (!known.uri && !known.literal) byName.set(keyOf(e.name), { ...known, ...(mapped.uri ? { uri: mapped.uri } : {}), ...(mapped.literal ? { literal: mapped.literal } : {}) });
  }
  return [...byName.values()];
}

function sourceSubject(s: ExportStory['article']['subjects'][number]): ExportSubject | undefined {
  const qcode = qcodeOf(s.scheme, s.code);
  const uri = qcodeUri(s.scheme, s.code) ?? (s.scheme && s.code && isAbsoluteUri(`${s.scheme}${s.code}`) && /^https?:/.test(s.scheme) ? `${s.scheme}${s.code}` : undefined);
  const literal = qcode ? undefined : s.code;
  if (!qcode && !literal && !s.name) return undefined;
  return { ...(s.name ? { name: s.name } : {}), ...(uri ? { uri } : {}), ...(qcode ? { qcode } : {}), ...(literal ? { literal } : {}) };
}

function subjectsOf(story: ExportStory): ExportSubject[] {
  const out = new Map<string, ExportSubject>();
  const add = (s: ExportSubject | undefined) => {
    const key = s && keyOf(s.qcode ?? s.literal ?? s.uri ?? s.name ?? '');
    if (s && key && !out.has(key)) out.set(key, s);
  };
  story.article.subjects.forEach((s) => add(sourceSubject(s)));
  const classifier = story.enrichment?.provenance.find((p) => p.annotation === 'subjects');
  for (const s of story.enrichment?.subjects ?? []) {
    const [scheme, code] = s.code.split(':');
    add({ name: s.name, uri: qcodeUri(scheme, code), qcode: s.code, confidence: Math.round(s.score * 100), ...(classifier ? { creator: `${classifier.extractor}/${classifier.version}` } : {}) });
  }
  return [...out.values()];
}

function locatedOf(story: ExportStory): ExportEntity | undefined {
  const found = story.enrichment?.located;
  if (found) return { name: found.name, ...(found.geonameId ? { uri: geonamesUri(found.geonameId) } : {}) };
  return story.article.located ? { name: story.article.located } : undefined;
}

/** Everything the story is about, merged once so both formats say the same. */
export function conceptsOf(story: ExportStory): ExportConcepts {
  const { article, enrichment } = story;
  return {
    people: mergeEntities(article.people, enrichment?.people ?? []),
    organisations: mergeEntities(article.organisations, enrichment?.organisations ?? []),
    places: mergeEntities(article.places, enrichment?.places ?? []),
    subjects: subjectsOf(story),
    located: locatedOf(story),
  };
}

