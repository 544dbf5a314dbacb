import { type ExecutionContext, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { ConfigError } from '@newswire/config';
import { QueryTimeoutError, StoreUnavailableError } from '@newswire/archive-data';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorResponseOf } from '../api-exception.filter';
import { ApiEnv } from '../config';
import { ApiError } from '../http-errors';
import type { Principal } from './principal';
import { RATE_LIMIT_WINDOWS, TokenRateLimitGuard } from './rate-limit.guard';
import { grants } from './scopes';
import { readTokenFile, tokenRegistryFromConfig } from './token-file';
import { sha256Hex, TokenRegistry } from './token-registry';

const dir = mkdtempSync(join(tmpdir(), 'api-auth-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const HASH = sha256Hex('secret-token');
const entry = { id: 'reader', description: 'a reader', sha256: HASH, scopes: ['public'] };

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('scopes', () => {
  it('privileged includes public, not the other way round', () => {
    expect(grants(['privileged'], 'public')).toBe(true);
    expect(grants(['privileged'], 'privileged')).toBe(true);
    expect(grants(['public'], 'public')).toBe(true);
    expect(grants(['public'], 'privileged')).toBe(false);
  });
});

describe('token file', () => {
  it('reads JSON and YAML alike', () => {
    const json = readTokenFile(file('t.json', JSON.stringify({ tokens: [{ ...entry, rateLimit: { perMinute: 5 } }] })));
    const yaml = readTokenFile(
      file('t.yaml', `tokens:\n  - id: reader\n    description: a reader\n    sha256: ${HASH.toUpperCase()}\n    scopes: [public]\n    rateLimit: { perMinute: 5 }\n`),
    );
    expect(yaml).toEqual(json);
    expect(json[0]).toMatchObject({ id: 'reader', sha256: HASH, scopes: ['public'], rateLimit: { perMinute: 5 } });
  });

  it.each([
    ['no tokens', { tokens: [] }, 'at least one token'],
    ['the token itself instead of its hash', { tokens: [{ ...entry, sha256: 'nw_abc' }] }, 'tokens.0.sha256'],
    ['an unknown scope', { tokens: [{ ...entry, scopes: ['admin'] }] }, 'tokens.0.scopes'],
    ['no scope', { tokens: [{ ...entry, scopes: [] }] }, 'tokens.0.scopes'],
    ['no description', { tokens: [{ ...entry, description: undefined }] }, 'tokens.0.description'],
    ['a repeated id', { tokens: [entry, { ...entry, sha256: sha256Hex('other') }] }, 'tokens.1.id'],
    ['a repeated hash', { tokens: [entry, { ...entry, id: 'other' }] }, 'tokens.1.sha256'],
    ['a misspelt field', { tokens: [{ ...entry, scope: ['public'] }] }, 'scope'],
    ['a zero rate limit', { tokens: [{ ...entry, rateLimit: { burst: 0 } }] }, 'tokens.0.rateLimit.burst'],
  ])('refuses a file with %s, naming the field', (_name, content, field) => {
    const path = file(`bad-${field}.json`, JSON.stringify(content));
    const message = configError(() => readTokenFile(path));
    expect(message).toContain('API_TOKENS_FILE');
    expect(message).toContain(field);
  });

  it('refuses a file that is missing or not parseable', () => {
    expect(configError(() => readTokenFile(join(dir, 'absent.json')))).toContain('ENOENT');
    expect(configError(() => readTokenFile(file('broken.json', '{"tokens": [')))).toContain('not valid JSON');
    expect(configError(() => readTokenFile(file('broken.yaml', 'tokens: [a, {')))).toContain('not valid YAML');
  });

  it('is required outside development mode, optional in it', () => {
    const message = configError(() => tokenRegistryFromConfig(ApiEnv.parse({})));
    expect(message).toContain('API_TOKENS_FILE');
    expect(message).toContain('NEWSWIRE_DEV_MODE');
    expect(tokenRegistryFromConfig(ApiEnv.parse({ NEWSWIRE_DEV_MODE: 'true' })).size).toBe(0);
  });
});

describe('token registry', () => {
  const registry = new TokenRegistry(
    [
      { ...entry, scopes: ['public'] },
      { id: 'editor', description: 'e', sha256: sha256Hex('editor-token').toUpperCase(), scopes: ['privileged'], rateLimit: { burst: 2 } },
    ],
    { perMinute: 600, burst: 30 },
  );

  it('finds a token by the hash of what was presented, with its scopes and limits', () => {
    expect(registry.authenticate('secret-token')).toEqual({ id: 'reader', scopes: ['public'], rateLimit: { perMinute: 600, burst: 30 }, anonymous: false });
    expect(registry.authenticate('editor-token')).toMatchObject({ id: 'editor', rateLimit: { perMinute: 600, burst: 2 } });
  });

  it('knows no token by its hash, or by a near miss', () => {
    expect(registry.authenticate(HASH)).toBeUndefined();
    expect(registry.authenticate('secret-token ')).toBeUndefined();
    expect(registry.authenticate('')).toBeUndefined();
  });
});

describe('error responses', () => {
  const INTERNAL = /127\.0\.0\.1|10\.9\.8\.7|27017|mongodb:\/\/|ECONNREFUSED|MongoServerSelectionError/;

  it('gives store failures a stable code, a generic message and Retry-After', () => {
    const cause = new Error('connect ECONNREFUSED 10.9.8.7:27017 (mongodb://10.9.8.7:27017/newswire)');
    cause.name = 'MongoServerSelectionError';
    const down = errorResponseOf(new StoreUnavailableError('the store did not answer', { cause }));
    expect(down).toMatchObject({ status: 503, body: { statusCode: 503, error: 'store_unavailable' }, headers: { 'Retry-After': '5' } });
    expect(JSON.stringify(down.body)).not.toMatch(INTERNAL);
    const slow = errorResponseOf(new QueryTimeoutError('the query exceeded its time limit', { cause }));
    expect(slow).toMatchObject({ status: 503, body: { error: 'query_timeout' }, headers: { 'Retry-After': '5' } });
    expect(JSON.stringify(slow.body)).not.toMatch(INTERNAL);
  });

  it('names nothing for an unexpected error, and gives Nest refusals a stable code', () => {
    const bug = errorResponseOf(new Error('boom at mongodb://127.0.0.1:27017'));
    expect(bug).toEqual({ status: 500, body: { statusCode: 500, error: 'internal_error', message: 'internal error' }, headers: {} });
    expect(errorResponseOf(new NotFoundException('Cannot GET /nope'))).toMatchObject({ status: 404, body: { error: 'not_found', message: 'Cannot GET /nope' } });
    expect(errorResponseOf(new ApiError(400, 'invalid_parameter', 'x', undefined, { A: 'b' }))).toMatchObject({ status: 400, body: { error: 'invalid_parameter' }, headers: { A: 'b' } });
  });
});

describe('per-token rate limit (the throttler with a controlled clock)', () => {
  let guard: TokenRateLimitGuard;
  const principal = (id: string, perMinute: number, burst: number): Principal => ({ id, scopes: ['public'], rateLimit: { perMinute, burst }, anonymous: false });
  const contextFor = (p: Principal) =>
    ({
      switchToHttp: () => ({ getRequest: () => ({ principal: p, headers: {} }), getResponse: () => ({ header: () => undefined }) }),
      getHandler: () => contextFor,
      getClass: () => TokenRateLimitGuard,
    }) as unknown as ExecutionContext;
  const attempt = async (p: Principal) => {
    try {
      return await guard.canActivate(contextFor(p));
    } catch (err) {
      return err as ApiError;
    }
  };

  beforeEach(async () => {
    jest.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    guard = new TokenRateLimitGuard({ throttlers: RATE_LIMIT_WINDOWS, setHeaders: false }, new ThrottlerStorageService(), new Reflector());
    await guard.onModuleInit();
  });
  afterEach(() => jest.useRealTimers());

  it('allows a burst, refuses the next request in the same second with Retry-After, and frees it a second later', async () => {
    const a = principal('a', 100, 3);
    for (let i = 0; i < 3; i++) expect(await attempt(a)).toBe(true);
    const refused = await attempt(a);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).getStatus()).toBe(429);
    expect((refused as ApiError).getResponse()).toMatchObject({ error: 'rate_limited' });
    expect((refused as ApiError).headers['Retry-After']).toBe('1');
    jest.advanceTimersByTime(1_001);
    expect(await attempt(a)).toBe(true);
  });

  it('holds a token to its per-minute limit across bursts, and tells it how long to wait', async () => {
    const a = principal('a', 4, 2);
    for (let second = 0; second < 2; second++) {
      expect(await attempt(a)).toBe(true);
      expect(await attempt(a)).toBe(true);
      jest.advanceTimersByTime(1_001);
    }
    const refused = (await attempt(a)) as ApiError;
    expect(refused.getStatus()).toBe(429);
    // The first hit, 2 s ago, leaves the window in 58 s.
    expect(refused.headers['Retry-After']).toBe('58');
    jest.advanceTimersByTime(58_000);
    expect(await attempt(a)).toBe(true);
  });

  it("never spends one token's allowance on another's requests", async () => {
    const flood = principal('flood', 5, 5);
    const quiet = principal('quiet', 5, 5);
    const results = [];
    for (let i = 0; i < 50; i++) results.push(await attempt(flood));
    expect(results.filter((r) => r === true)).toHaveLength(5);
    expect(await attempt(quiet)).toBe(true);
  });
});
