import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * IPTC's ninjs 2.1 schema (JSON Schema 2020-12, hence Ajv's 2020 build), with
 * formats checked (uri, date-time). Tests only: never on a request path.
 */
export function ninjsValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, '../schema/ninjs-schema_2.1.json'), 'utf8')) as Record<string, unknown>;
  // Strict, but for strictRequired: a lint of schema style (`required` in a oneOf branch naming a property the parent defines), which IPTC's schema uses.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  // places[].geojson refers to the GeoJSON schema online; nothing is fetched, and a place that
  // carried geojson would fail against this stand-in (the serializer writes none).
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', not: {} });
  return ajv.compile(schema);
}
