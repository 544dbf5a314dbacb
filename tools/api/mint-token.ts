/**
 * Mints a read token for the query API and prints the entry for API_TOKENS_FILE.
 *
 *   npm run api:token -- --id reader --scopes public [--description "..."] [--per-minute 600] [--burst 30] [--yaml]
 *
 * The token goes to stdout once, on the first line; give it to the client and do not store it. The entry
 * (JSON, or YAML with --yaml) holds only its SHA-256, so the token file can be kept like any config file.
 * Without this tool: `t=nw_$(openssl rand -hex 32); echo "$t"; printf %s "$t" | openssl dgst -sha256 -r | cut -d' ' -f1`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const SCOPES = ['public', 'privileged'];

function fail(message: string): never {
  process.stderr.write(`api:token: ${message}\n`);
  process.exit(64); // EX_USAGE
}

const { values } = parseArgs({
  options: {
    id: { type: 'string' },
    scopes: { type: 'string', default: 'public' },
    description: { type: 'string' },
    'per-minute': { type: 'string' },
    burst: { type: 'string' },
    yaml: { type: 'boolean', default: false },
  },
  strict: true,
});

if (!values.id || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(values.id)) fail('--id is required: 1 to 64 letters, digits, dots, dashes or underscores');
const scopes = values.scopes.split(',').map((s) => s.trim()).filter(Boolean);
if (scopes.length === 0 || scopes.some((s) => !SCOPES.includes(s))) fail(`--scopes must list some of ${SCOPES.join(', ')} (comma-separated)`);
const limit = (name: 'per-minute' | 'burst') => {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer`);
  return n;
};
const perMinute = limit('per-minute');
const burst = limit('burst');

// 256 random bits; the prefix makes a leaked token recognisable to secret scanners.
const token = `nw_${randomBytes(32).toString('base64url')}`;
const entry = {
  id: values.id,
  description: values.description ?? `${values.id} (minted ${new Date().toISOString().slice(0, 10)})`,
  sha256: createHash('sha256').update(token, 'utf8').digest('hex'),
  scopes,
  ...(perMinute || burst ? { rateLimit: { ...(perMinute ? { perMinute } : {}), ...(burst ? { burst } : {}) } } : {}),
};

process.stdout.write(`${token}\n`);
if (values.yaml) {
  const lines = [
    `  - id: ${entry.id}`,
    `    description: ${JSON.stringify(entry.description)}`,
    `    sha256: ${entry.sha256}`,
    `    scopes: [${entry.scopes.join(', ')}]`,
    ...(entry.rateLimit ? [`    rateLimit: ${JSON.stringify(entry.rateLimit)}`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} else {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}
process.stderr.write('api:token: line 1 is the token (give it to the client; it is not stored anywhere); line 2 on is its entry for API_TOKENS_FILE under "tokens"\n');
