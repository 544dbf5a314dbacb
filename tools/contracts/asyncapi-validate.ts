/**
 * Regenerates the AsyncAPI document, fails if the committed one differs
 * (someone changed a contract without regenerating), and validates it with
 * the AsyncAPI parser. Last line: `asyncapi: valid`.
 *
 *   npx ts-node -P tsconfig.tools.json tools/contracts/asyncapi-validate.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { buildAsyncApi, toJsonText } from './asyncapi-document';

const DIR = join(__dirname, '../../deploy/contracts');
const REGENERATE = 'run `npx ts-node -P tsconfig.tools.json tools/contracts/asyncapi.ts` (npm run asyncapi:generate) and commit the result';

async function main(): Promise<number> {
  const { document, schemas } = buildAsyncApi();
  const problems: string[] = [];
  const expected: [string, string][] = [
    ['asyncapi.json', toJsonText(document)],
    ...Object.entries(schemas).map(([topic, s]): [string, string] => [join('schemas', `${topic}.json`), toJsonText(s)]),
  ];
  for (const [file, text] of expected) {
    const path = join(DIR, file);
    if (!existsSync(path)) problems.push(`deploy/contracts/${file} is missing`);
    else if (readFileSync(path, 'utf8') !== text) problems.push(`deploy/contracts/${file} differs from the contracts lib`);
  }

  const committed = existsSync(join(DIR, 'asyncapi.json')) ? readFileSync(join(DIR, 'asyncapi.json'), 'utf8') : toJsonText(document);
  const { diagnostics } = await new Parser().parse(committed);
  const errors = diagnostics.filter((d) => d.severity === 0);
  for (const d of diagnostics) {
    const where = d.path.length ? ` at ${d.path.join('.')}` : '';
    process.stdout.write(`${d.severity === 0 ? 'error' : 'warning'}: ${d.message}${where}\n`);
  }
  problems.push(...errors.map((e) => `parser: ${e.message}`));

  if (problems.length) {
    for (const p of problems) process.stdout.write(`${p}\n`);
    process.stdout.write(`fix: ${REGENERATE}\n`);
    process.stdout.write(`asyncapi: invalid (${problems.length} problem(s))\n`);
    return 1;
  }
  process.stdout.write(`${Object.keys(schemas).length * 2} channels checked\n`);
  process.stdout.write('asyncapi: valid\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.stdout.write('asyncapi: invalid (crashed)\n');
    process.exit(1);
  },
);
