import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ConfigError } from '@newswire/config';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ApiConfig } from '../config';
import { SCOPES } from './scopes';
import { type TokenEntry, TokenRegistry } from './token-registry';

const TokenEntrySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores'),
  description: z.string().trim().min(1).max(500),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the token as 64 hex digits (the file never holds the token itself)')
    .transform((hex) => hex.toLowerCase()),
  scopes: z.array(z.enum(SCOPES)).min(1),
  rateLimit: z
    .strictObject({
      perMinute: z.number().int().min(1).max(100_000).optional(),
      burst: z.number().int().min(1).max(10_000).optional(),
    })
    .optional(),
});

/** The API_TOKENS_FILE format (JSON or YAML): `{ tokens: [{ id, description, sha256, scopes, rateLimit? }] }`. */
export const TokenFileSchema = z
  .strictObject({ tokens: z.array(TokenEntrySchema).min(1, 'must list at least one token') })
  .superRefine((file, ctx) => {
    const seen = { id: new Set<string>(), sha256: new Set<string>() };
    file.tokens.forEach((token, i) => {
      for (const field of ['id', 'sha256'] as const) {
        if (seen[field].has(token[field])) ctx.addIssue({ code: 'custom', path: ['tokens', i, field], message: `repeats an earlier token's ${field}` });
        seen[field].add(token[field]);
      }
    });
  });

/** Reads and validates a token file; every problem is a ConfigError naming the file and the field. */
export function readTokenFile(path: string): TokenEntry[] {
  const problem = (message: string) => new ConfigError('api', [`API_TOKENS_FILE (${path}): ${message}`]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw problem(`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let data: unknown;
  try {
    data = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw problem(`is not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = TokenFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(
      'api',
      parsed.error.issues.map((i) => `API_TOKENS_FILE (${path}): ${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  return parsed.data.tokens;
}

/**
 * The tokens this process accepts. Secure by default: outside development
 * mode there must be a token file with at least one token, or the API does
 * not start (ConfigError, exit 78).
 */
export function tokenRegistryFromConfig(config: ApiConfig): TokenRegistry {
  const defaults = { perMinute: config.API_RATE_LIMIT_PER_MINUTE, burst: config.API_RATE_LIMIT_BURST };
  if (config.API_TOKENS_FILE) return new TokenRegistry(readTokenFile(config.API_TOKENS_FILE), defaults);
  if (config.NEWSWIRE_DEV_MODE) return new TokenRegistry([], defaults);
  throw new ConfigError('api', [
    'API_TOKENS_FILE: required outside development mode (NEWSWIRE_DEV_MODE=true): name a JSON or YAML file listing at least one token (`npm run api:token` prints an entry)',
  ]);
}
