import table from '../data/country-wikidata.json';
import type { Enrichment } from '@newswire/contracts';

type Entities = Pick<Enrichment, 'people' | 'organisations' | 'places'>;

const COUNTRY_QIDS: Readonly<Record<string, string>> = table.countries;

/** The Wikidata item of a country or territory, by ISO 3166-1 alpha-2 code. */
export function countryWikidataId(countryCode: string | undefined): string | undefined {
  return countryCode ? COUNTRY_QIDS[countryCode.toUpperCase()] : undefined;
}

/**
 * Places that are countries get their Wikidata id beside the ISO code (GeoNames ids stay on cities).
 * A code on a city says where the city is, not what it is, so only `kind: 'country'` is linked.
 */
export function withWikidata(entities: Entities): Entities {
  let changed = false;
  const places = entities.places.map((p) => {
    const qid = p.kind === 'country' ? countryWikidataId(p.countryCode) : undefined;
    if (!qid) return p;
    changed = true;
    return { ...p, wikidataId: qid };
  });
  return changed ? { ...entities, places } : entities;
}
