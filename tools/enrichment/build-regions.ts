/**
 * Writes libs/enrichment/src/data/regions.iso3166-2.json: every first-level subdivision of every
 * country (states, provinces, counties, regions, departments; about 4,400) with its ISO 3166-2 code,
 * from country-region-data (MIT, kept from the ISO lists by its maintainers). The enricher read only
 * a hand-written list of about 180 regions; news names the rest ("Somerset", "Uttar Pradesh",
 * "Baja California", "East Flanders") and they were missed. A dev dependency: only this table ships.
 *
 *   npx ts-node -P tsconfig.tools.json tools/enrichment/build-regions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(__dirname, '../../libs/enrichment/src/data/regions.iso3166-2.json');
const SOURCE = require.resolve('country-region-data/data.json');

interface Country {
  countryShortCode: string;
  regions: { name: string; shortCode?: string }[];
}

/** Misspellings in the source (a grave accent for an acute): a text writes "Andalucía", never "Andalucìa". */
const NAME_FIXES: Record<string, string> = { 'Andalucìa': 'Andalucía', 'Aragòn': 'Aragón' };
const COMPASS = /^(North|South|East|West|Central|Urban|Rural)$/;

/** A name given as "A/B" is two names unless a half is a compass or kind word ("Zanzibar Central/South"). */
export function namesOf(name: string): string[] {
  const halves = name.split('/').map((h) => h.trim());
  return halves.length === 2 && halves.every((h) => h.length >= 4 && !COMPASS.test(h)) ? halves : [name];
}

/** [name, ISO 3166-1 alpha-2, ISO 3166-2 code] rows, sorted by code. */
export function subdivisions(countries: Country[]): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (const c of countries) {
    if (!/^[A-Z]{2}$/.test(c.countryShortCode)) continue;
    for (const r of c.regions) {
      // Names written "Armagh City, Banbridge and Craigavon" or "Bonaire (Kralendijk)" never appear so in a text.
      const name = NAME_FIXES[r.name.trim()] ?? r.name.trim();
      if (!name || /[,()]/.test(name) || !r.shortCode) continue;
      // "Navarra/Nafarroa", "Araba/Álava": two names of one region, each written alone in a text.
      for (const each of namesOf(name)) rows.push([each, c.countryShortCode, `${c.countryShortCode}-${r.shortCode}`]);
    }
  }
  return rows.sort((a, b) => a[2].localeCompare(b[2]) || a[0].localeCompare(b[0]));
}

if (require.main === module) {
  const version = JSON.parse(readFileSync(join(SOURCE, '../package.json'), 'utf8')).version as string;
  const rows = subdivisions(JSON.parse(readFileSync(SOURCE, 'utf8')) as Country[]);
  writeFileSync(OUT, `${JSON.stringify({ source: `country-region-data@${version} (MIT)`, subdivisions: rows })}\n`);
  process.stdout.write(`${rows.length} subdivisions -> ${OUT}\n`);
}
