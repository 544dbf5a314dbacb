/**
 * Writes deploy/contracts/asyncapi.json and deploy/contracts/schemas/<topic>.json
 * from the contracts lib. Commit the output; asyncapi-validate.ts fails when it
 * is stale, and libs/contracts' compatibility test compares against it.
 *
 *   npx ts-node -P tsconfig.tools.json tools/contracts/asyncapi.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApi, toJsonText } from './asyncapi-document';

export const CONTRACTS_DIR = join(__dirname, '../../deploy/contracts');

if (require.main === module) {
  const { document, schemas } = buildAsyncApi();
  mkdirSync(join(CONTRACTS_DIR, 'schemas'), { recursive: true });
  writeFileSync(join(CONTRACTS_DIR, 'asyncapi.json'), toJsonText(document));
  for (const [topic, schema] of Object.entries(schemas)) writeFileSync(join(CONTRACTS_DIR, 'schemas', `${topic}.json`), toJsonText(schema));
  process.stdout.write(`asyncapi: wrote ${Object.keys(schemas).length} topics (+ dead-letter topics) to ${CONTRACTS_DIR}\n`);
}
