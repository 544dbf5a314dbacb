#!/usr/bin/env node
/**
 * The operator command line: `npm run newswire -- <verb>` (or `npx newswire`).
 * `newswire --help` and `newswire <verb> --help` describe every verb.
 */
import { processIo } from './context';
import { runCli } from './program';

runCli(process.argv.slice(2), process.env, processIo).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`newswire: ${String(err)}\n`);
    process.exit(1);
  },
);
