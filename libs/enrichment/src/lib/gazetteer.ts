import { countries } from 'countries-list';

export interface PlaceEntry {
  name: string;
  countryCode: string;
  kind: 'country' | 'capital';
}

/** Country names, aliases and capitals from ISO-derived data, keyed by surface form. */
function buildPlaces(): Map<string, PlaceEntry> {
  const places = new Map<string, PlaceEntry>();
  for (const [code, c] of Object.entries(countries) as [string, { name: string; capital: string; alias?: string[] }][]) {
    places.set(c.name, { name: c.name, countryCode: code, kind: 'country' });
    for (const alias of c.alias ?? []) places.set(alias, { name: c.name, countryCode: code, kind: 'country' });
    if (c.capital) {
      const capital = c.capital.replace(/\s+D\.C\.$/, '');
      places.set(capital, { name: capital, countryCode: code, kind: 'capital' });
    }
  }
  return places;
}

export const PLACES = buildPlaces();

/** "Russian" -> RU: adjectives of country names, so "Russian press" is not a person. */
function buildDemonyms(): Set<string> {
  const out = new Set<string>();
  for (const c of Object.values(countries) as { name: string }[]) {
    const n = c.name;
    out.add(`${n}n`).add(`${n}an`).add(`${n}ian`).add(`${n.replace(/[aeiouy]$/, '')}ian`).add(`${n.replace(/[aeiouy]$/, '')}ese`);
  }
  ['American', 'British', 'French', 'German', 'Dutch', 'Chinese', 'Japanese', 'Soviet', 'European', 'Israeli', 'Iraqi', 'Spanish', 'Swiss', 'Turkish', 'Polish', 'Danish', 'Swedish', 'Finnish', 'Irish', 'Greek', 'Thai', 'Filipino', 'Arab'].forEach((d) => out.add(d));
  return out;
}

export const DEMONYMS = buildDemonyms();
