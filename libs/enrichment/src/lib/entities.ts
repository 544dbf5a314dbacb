import type { FoundEntityT } from '@newswire/contracts';
import { DEMONYMS, PLACES } from './gazetteer';

export const ENTITY_EXTRACTOR = { extractor: 'newswire-rules', version: '0.1.0' } as const;

const TITLES = new Set(
  'President Vice Prime Minister Deputy Defense Defence Foreign Secretary Chancellor King Queen Prince Princess Pope Patriarch Senator Governor Mayor General Colonel Judge Justice Sheikh Emir Mr Mrs Ms Dr Sir Lord Lady Spokesman Spokeswoman Chairman Chief Executive Director Ambassador Commissioner Premier Cardinal Bishop Rev Archbishop Representative Rep Sen Gov'.split(' '),
);
const ORG_WORDS = /\b(Union|Assembly|Ministry|Party|Bank|Council|Company|Corporation|Corp|Inc|Ltd|Group|Agency|Organization|Organisation|Committee|Commission|Parliament|Congress|Senate|Kremlin|Pentagon|Court|Fund|University|Institute|Association|Federation|Police|Army|Navy|Reuters|Press|Times|Post|News)\b/;
const ORG_ACRONYMS = new Set(['UN', 'EU', 'NATO', 'IMF', 'WHO', 'OPEC', 'FBI', 'CIA', 'BBC', 'AFP', 'AP', 'WTO', 'OECD', 'G7', 'G20']);
const NOT_NAMES = new Set(
  'The A An This That These Those When While Along According During After Before In On At For From With Without By Of And But Or If As Since Until It He She They We Our Their His Her Its I You Friday Monday Tuesday Wednesday Thursday Saturday Sunday January February March April May June July August September October November December Thursday Military Economic About Also Yesterday Today However Meanwhile'.split(' '),
);

const TOKEN = /\p{Lu}[\p{L}\p{M}'’-]*\p{L}|\p{Lu}{2,}|\p{Lu}\./gu;

interface Span {
  text: string;
  start: number;
  tokens: string[];
}

/** Runs of capitalised tokens, the raw material of names. */
function capitalisedRuns(text: string): Span[] {
  const runs: Span[] = [];
  const re = /(?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*))*/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0].replace(/[’']s$/u, '').replace(/[.]$/, '');
    const tokens = raw.match(TOKEN) ?? [];
    if (tokens.length) runs.push({ text: raw, start: m.index ?? 0, tokens });
  }
  return runs;
}

class Tally {
  readonly byName = new Map<string, FoundEntityT>();
  add(name: string, surface: string, offset: number, extra?: Partial<FoundEntityT>) {
    const e = this.byName.get(name);
    if (e) {
      e.mentions += 1;
      if (!e.surfaceForms.includes(surface)) e.surfaceForms.push(surface);
      return;
    }
    this.byName.set(name, { name, mentions: 1, surfaceForms: [surface], firstOffset: offset, ...extra });
  }
  list(textLength: number): FoundEntityT[] {
    const all = [...this.byName.values()];
    const max = Math.max(1, ...all.map((e) => e.mentions));
    return all
      .map((e) => ({
        ...e,
        salience: round(0.7 * (e.mentions / max) + 0.3 * (1 - (e.firstOffset ?? 0) / Math.max(1, textLength))),
      }))
      .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0));
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export interface ExtractedEntities {
  people: FoundEntityT[];
  organisations: FoundEntityT[];
  places: FoundEntityT[];
}

/**
 * A small rule-based extractor: gazetteer places, organisation cue words,
 * and people as capitalised runs introduced by a title or of two or more
 * name tokens; single surnames are linked back to the full name.
 */
export function extractEntities(text: string): ExtractedEntities {
  const people = new Tally();
  const orgs = new Tally();
  const places = new Tally();
  const singles: { token: string; start: number; titled: boolean }[] = [];

  for (const run of capitalisedRuns(text)) {
    let tokens = [...run.tokens];
    let offset = run.start;
    let titled = false;
    const whole = tokens.join(' ');
    if (ORG_WORDS.test(whole) || tokens.some((t) => ORG_ACRONYMS.has(t))) {
      const org = tokens.filter((t) => !NOT_NAMES.has(t) && !DEMONYMS.has(t)).join(' ');
      if (org) orgs.add(org, run.text, offset);
      continue;
    }
    // Places can sit inside a run ("Moscow Havana" never, but "Havana Cuba" in lists); check each token and pairs.
    const placeHits = matchPlaces(tokens);
    if (placeHits.length) {
      for (const p of placeHits) places.add(p.name, p.surface, offset, { countryCode: p.countryCode });
      continue;
    }
    while (tokens.length && (NOT_NAMES.has(tokens[0]) || DEMONYMS.has(tokens[0]) || TITLES.has(tokens[0]))) {
      if (TITLES.has(tokens[0])) titled = true;
      offset += tokens[0].length + 1;
      tokens = tokens.slice(1);
    }
    tokens = tokens.filter((t) => !NOT_NAMES.has(t));
    if (tokens.length >= 2 && tokens.length <= 4) people.add(tokens.join(' '), tokens.join(' '), offset);
    else if (tokens.length === 1) singles.push({ token: tokens[0], start: offset, titled });
  }

  for (const s of singles) {
    const full = [...people.byName.keys()].find((n) => n.split(' ').slice(1).join(' ') === s.token || n.endsWith(` ${s.token}`));
    if (full) people.add(full, s.token, s.start);
    else if (s.titled && s.token.length > 2) people.add(s.token, s.token, s.start);
  }

  return { people: people.list(text.length), organisations: orgs.list(text.length), places: places.list(text.length) };
}

function matchPlaces(tokens: string[]): { name: string; surface: string; countryCode: string }[] {
  const hits: { name: string; surface: string; countryCode: string }[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let len = Math.min(4, tokens.length - i); len >= 1; len--) {
      const surface = tokens.slice(i, i + len).join(' ');
      const entry = PLACES.get(surface);
      if (entry) {
        hits.push({ name: entry.name, surface, countryCode: entry.countryCode });
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      if (hits.length) return hits; // a place followed by other words: keep what we found
      return [];
    }
  }
  return hits;
}
