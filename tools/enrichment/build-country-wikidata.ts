/**
 * Writes libs/enrichment/src/data/country-wikidata.json: ISO 3166-1 alpha-2 code -> Wikidata QID, for
 * every country and territory @rapideditor/country-coder knows (the iD editor's region data, ISC,
 * maintained with OpenStreetMap's editors). The package also carries every border, several MB of
 * GeoJSON that the enricher has no use for, so it stays a dev dependency and only this table ships.
 *
 *   npx ts-node -P tsconfig.tools.json tools/enrichment/build-country-wikidata.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { borders } from '@rapideditor/country-coder';

const OUT = join(__dirname, '../../libs/enrichment/src/data/country-wikidata.json');

export function countryWikidata(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const { properties } of borders.features) {
    const code = properties.iso1A2;
    const qid = properties.wikidata;
    // Regions without a code of their own (continents, UN groupings) and reserved codes (EU, UN) are left out.
    if (code && /^[A-Z]{2}$/.test(code) && !['EU', 'UN', 'EZ', 'FX'].includes(code) && qid && /^Q[1-9]\d*$/.test(qid)) table[code] = qid;
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

if (require.main === module) {
  const table = countryWikidata();
  writeFileSync(OUT, `${JSON.stringify({ source: '@rapideditor/country-coder@5.6.1 (ISC)', countries: table }, null, 1)}\n`);
  process.stdout.write(`${Object.keys(table).length} countries -> ${OUT}\n`);
}
