/**
 * Posts a file to the ingester as a signed delivery: the way a sender (or an
 * operator checking a source's setup) signs, in a few lines.
 *
 *   ACME_KEY=... npm run -s ingest:post -- --source acme --secret-env ACME_KEY story.json
 *
 *   --url <base>           ingester base URL (default http://127.0.0.1:3000)
 *   --source <id>          the source id in SOURCES_FILE (required)
 *   --secret-env <NAME>    environment variable holding the secret (default NEWSWIRE_SOURCE_SECRET);
 *                          repeat (or mix with --secret-file) to sign with old and new key while rotating
 *   --secret-file <path>   file holding the secret (one trailing line break is ignored)
 *   --content-type <type>  default from the extension (.json, .txt, .xml, .rss, .atom, .nitf)
 *   --delivery <id>        the delivery id (default a new UUID); send the same id to retry the same delivery
 *   --timestamp <seconds>  unix seconds (default now)
 *   --dry-run              print the headers and send nothing
 *
 * Secrets are never taken as arguments: those end up in shell history and `ps`.
 * Exit code: 0 on 2xx, 1 on any other answer, 2 on a usage error.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { secretBytes, signRequest } from '@newswire/sources';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.nitf': 'application/nitf+xml',
};

function usage(message: string): never {
  process.stderr.write(`post-signed: ${message}\n(see the header of tools/ingest/post-signed.ts)\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      source: { type: 'string' },
      'secret-env': { type: 'string', multiple: true },
      'secret-file': { type: 'string', multiple: true },
      'content-type': { type: 'string' },
      delivery: { type: 'string' },
      timestamp: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) usage('give exactly one file to post');
  if (!values.source) usage('--source is required');
  const envNames = values['secret-env'] ?? (values['secret-file'] ? [] : ['NEWSWIRE_SOURCE_SECRET']);
  const secrets = [
    ...envNames.map((name) => {
      const value = process.env[name];
      if (!value) usage(`environment variable ${name} is not set`);
      return secretBytes(value);
    }),
    ...(values['secret-file'] ?? []).map((path) => secretBytes(readFileSync(path, 'utf8'))),
  ];
  const contentType = values['content-type'] ?? TYPES[extname(file).toLowerCase()];
  if (!contentType) usage(`no content type known for ${extname(file) || 'a file without extension'}: give --content-type`);
  const timestamp = values.timestamp === undefined ? undefined : Number(values.timestamp);
  if (timestamp !== undefined && !Number.isInteger(timestamp)) usage('--timestamp must be unix seconds');

  // The bytes signed are the bytes sent: read once, never re-encoded.
  const body = readFileSync(file);
  const headers: Record<string, string> = { 'content-type': contentType, ...signRequest({ sourceId: values.source, secrets, body, deliveryId: values.delivery ?? randomUUID(), timestamp }) };
  if (values['dry-run']) {
    for (const [name, value] of Object.entries(headers)) process.stdout.write(`${name}: ${value}\n`);
    return 0;
  }
  const res = await fetch(`${values.url.replace(/\/$/, '')}/v1/articles`, { method: 'POST', headers, body: new Uint8Array(body) });
  const replay = res.headers.get('x-newswire-replay') ? ' (replayed answer)' : '';
  const retry = res.headers.get('retry-after') ? ` retry-after: ${res.headers.get('retry-after')}` : '';
  process.stderr.write(`HTTP ${res.status}${replay}${retry} delivery ${headers['x-newswire-delivery']}\n`);
  process.stdout.write(`${await res.text()}\n`);
  return res.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`post-signed: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
