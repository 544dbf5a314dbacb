import type { FoundEntityT } from '@newswire/contracts';
import type { OrgEntry, PlaceEntry } from './gazetteer';
import { fold, type Token } from './tokens';

export type EntityType = 'person' | 'organisation' | 'place';

/** One occurrence found in the text, before occurrences are counted per entity. */
export interface Mention {
  type: EntityType;
  name: string;
  surface: string;
  start: number;
  places?: PlaceEntry[];
  org?: OrgEntry;
  /** A default guess (two capitalised words = a person) that a cue elsewhere may overrule. */
  weak?: boolean;
  /** Named right after a personal title ("Sr. García", "Dr. Lauterbach"). */
  titled?: boolean;
  /** A public figure named by surname alone ("Lula", "Musk"; people.public.json): a person, whatever a tagger reads there. */
  figure?: boolean;
}

/** "Lula da Silva" and "Des Cars" are parts of longer names found in the same text. */
export function mergePersonNames(mentions: Mention[]): Mention[] {
  const names = [...new Set(mentions.filter((m) => m.type === 'person').map((m) => m.name))];
  const folded = new Map(names.map((n) => [n, ` ${fold(n)} `]));
  // Candidate hosts share a word with the name: an index by word keeps this linear in practice,
  // where comparing every pair made a text naming thousands of people take minutes.
  const byWord = new Map<string, string[]>();
  for (const n of names) {
    for (const w of new Set(folded.get(n)!.trim().split(/\s+/))) {
      const list = byWord.get(w);
      if (list) list.push(n);
      else byWord.set(w, [n]);
    }
  }
  const longer = new Map<string, string>();
  for (const a of names) {
    const fa = folded.get(a)!;
    const words = fa.trim().split(/\s+/);
    const rarest = words.reduce((best, w) => ((byWord.get(w)?.length ?? 0) < (byWord.get(best)?.length ?? 0) ? w : best), words[0]);
    let host: string | undefined;
    for (const b of byWord.get(rarest) ?? []) {
      if (b !== a && b.length > a.length && folded.get(b)!.includes(fa) && (!host || b.length > host.length)) host = b;
    }
    if (host) longer.set(a, host);
  }
  return mentions.map((m) => (m.type === 'person' && longer.has(m.name) ? { ...m, name: longer.get(m.name)! } : m));
}

/** Countries of the unambiguous places in the text: they decide Georgia (US) from Georgia (GE). */
export function countryVotes(mentions: Mention[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const m of mentions) {
    const cc = m.places?.length === 1 ? m.places[0].countryCode : undefined;
    if (cc) votes.set(cc, (votes.get(cc) ?? 0) + 1);
  }
  return votes;
}

export function pickPlace(places: PlaceEntry[] | undefined, votes: Map<string, number>): PlaceEntry | undefined {
  if (!places || places.length < 2) return places?.[0];
  return [...places].sort((a, b) => (votes.get(b.countryCode ?? '') ?? 0) - (votes.get(a.countryCode ?? '') ?? 0))[0];
}

export function isTitleCase(words: Token[]): boolean {
  const long = words.filter((w) => w.text.length > 3);
  return long.length >= 4 && long.filter((w) => w.cap).length / long.length >= 0.7;
}

export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Counts mentions per entity and scores salience. */
export class Tally {
  private readonly byName = new Map<string, FoundEntityT>();
  add(name: string, surface: string, offset: number, extra?: Partial<FoundEntityT>): void {
    const e = this.byName.get(name);
    if (e) {
      e.mentions += 1;
      if (!e.surfaceForms.includes(surface)) e.surfaceForms.push(surface);
      if (offset < (e.firstOffset ?? Infinity)) e.firstOffset = offset;
      return;
    }
    this.byName.set(name, { name, mentions: 1, surfaceForms: [surface], firstOffset: offset, ...extra });
  }
  /** Salience: mostly how often, partly how early the entity is mentioned. */
  list(textLength: number): FoundEntityT[] {
    const all = [...this.byName.values()];
    const max = Math.max(1, ...all.map((e) => e.mentions));
    return all
      .map((e) => ({ ...e, salience: round(0.7 * (e.mentions / max) + 0.3 * (1 - (e.firstOffset ?? 0) / Math.max(1, textLength))) }))
      .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0));
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
