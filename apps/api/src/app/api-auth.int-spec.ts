import type { INestApplication } from '@nestjs/common';
import { ArticleRepository } from '@newswire/archive-data';
import { ConfigError } from '@newswire/config';
import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Connection } from 'mongoose';
import { startApi } from '../bootstrap';
import { sha256Hex } from './auth/token-registry';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../..');
const newToken = () => `nw_${randomBytes(32).toString('base64url')}`;

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(url: string, token?: string, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(url, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const itemIds = (reply: Reply) => (reply.body['items'] as { id: string }[]).map((i) => i.id).sort();

describe('query API tokens, scopes and rate limits (real store)', () => {
  const tokens = { reader: newToken(), editor: newToken(), limited: newToken(), neighbour: newToken() };
  let minted: string;
  let strict: { app: INestApplication; url: string };
  let dev: { app: INestApplication; url: string };
  let db: Connection;
  let baseEnv: Record<string, string>;
  let tokensFile: string;
  const story = { usable: storyVersion({ uri: 'urn:auth:usable', headline: 'Published story' }), withheld: storyVersion({ uri: 'urn:auth:held', pubStatus: 'withheld', headline: 'Withheld story', body: 'Withheld body text that only privileged readers see. '.repeat(3) }), killed: storyVersion({ uri: 'urn:auth:killed', pubStatus: 'canceled', headline: 'KILL: withdrawn' }) };

  // Everything the process writes, to check that no token ever reaches the log.
  const written: string[] = [];
  const record = (stream: NodeJS.WriteStream) => {
    const original = stream.write.bind(stream);
    return jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  };

  beforeAll(async () => {
    record(process.stdout);
    record(process.stderr);
    // A token minted by the project's tool, as an operator would.
    const out = await run('npm', ['run', '-s', 'api:token', '--', '--id', 'minted', '--scopes', 'privileged', '--description', 'minted in a test'], { cwd: repoRoot });
    const [mintedToken, entryLine] = out.stdout.trim().split('\n');
    minted = mintedToken;
    const entry = (id: string, token: string, scopes: string[], rateLimit?: object) => ({ id, description: `${id} test token`, sha256: sha256Hex(token), scopes, ...(rateLimit ? { rateLimit } : {}) });
    tokensFile = join(mkdtempSync(join(tmpdir(), 'api-auth-')), 'tokens.json');
    writeFileSync(
      tokensFile,
      JSON.stringify({
        tokens: [
          entry('reader', tokens.reader, ['public']),
          entry('editor', tokens.editor, ['privileged']),
          entry('limited', tokens.limited, ['public'], { perMinute: 3, burst: 3 }),
          entry('neighbour', tokens.neighbour, ['public'], { perMinute: 3, burst: 3 }),
          JSON.parse(entryLine),
        ],
      }),
    );
    baseEnv = { ...testEnv('api-auth'), PORT: '0', HOST: '127.0.0.1' };
    db = await connectMongo(baseEnv['MONGODB_URI']);
    await new ArticleRepository(db).storeMany(Object.values(story));
    strict = await startApi({ ...baseEnv, NEWSWIRE_DEV_MODE: 'false', API_TOKENS_FILE: tokensFile, LOG_LEVEL: 'verbose' });
    dev = await startApi({ ...baseEnv, NEWSWIRE_DEV_MODE: 'true', API_TOKENS_FILE: tokensFile });
  });

  afterAll(async () => {
    await strict?.app.close();
    await dev?.app.close();
    await db?.dropDatabase();
    await db?.close();
    if (tokensFile) rmSync(dirname(tokensFile), { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  describe('outside development mode', () => {
    it('refuses a request without a token: 401 JSON with WWW-Authenticate: Bearer', async () => {
      const res = await call(`${strict.url}/v1/articles`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="newswire"$/);
      expect(res.body).toEqual({ statusCode: 401, error: 'unauthorized', message: expect.stringContaining('Bearer') });
    });

    it.each([
      ['an unknown token', { authorization: `Bearer ${newToken()}` }],
      ['a token hash presented as the token', { authorization: `Bearer ${sha256Hex('x')}` }],
      ['another scheme', { authorization: `Basic ${Buffer.from('reader:x').toString('base64')}` }],
      ['a bare token without the scheme', { authorization: 'nw_abc' }],
      ['an oversized header', { authorization: `Bearer ${'a'.repeat(4000)}` }],
    ])('refuses %s: 401 invalid_token', async (_name, headers) => {
      const res = await call(`${strict.url}/v1/articles`, undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'unauthorized' });
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });

    it('serves a public token: published stories only, a withheld one is absent', async () => {
      const list = await call(`${strict.url}/v1/articles`, tokens.reader);
      expect(list.status).toBe(200);
      expect(itemIds(list)).toEqual([story.usable.article.id]);
      expect((await call(`${strict.url}/v1/articles/${story.withheld.article.id}`, tokens.reader)).status).toBe(404);
      expect((await call(`${strict.url}/v1/clusters/${story.withheld.dedup.clusterId}`, tokens.reader)).status).toBe(404);
    });

    it.each(['includeKilled=true', 'includeWithheld=true'])('refuses a privileged-only view (%s) to a public token: 403 forbidden', async (query) => {
      const res = await call(`${strict.url}/v1/articles?${query}`, tokens.reader);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'forbidden', details: { requiredScope: 'privileged' } });
      expect(String(res.body['message'])).toContain(query);
      expect(res.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    });

    it('serves privileged views to a privileged token: withheld stories with their body, killed ones listed', async () => {
      const withheld = await call(`${strict.url}/v1/articles?includeWithheld=true`, tokens.editor);
      expect(withheld.status).toBe(200);
      expect(itemIds(withheld)).toEqual([story.usable.article.id, story.withheld.article.id].sort());
      const one = await call(`${strict.url}/v1/articles/${story.withheld.article.id}`, tokens.editor);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ pubStatus: 'withheld', bodyText: expect.stringContaining('only privileged readers') });
      const killed = await call(`${strict.url}/v1/articles?includeKilled=true`, tokens.editor);
      expect(itemIds(killed)).toEqual([story.usable.article.id, story.killed.article.id].sort());
      // Privileged or not, a killed story never has a body.
      expect(JSON.stringify(killed.body)).not.toContain('Body of urn:auth:killed');
    });

    it('accepts a token minted by `npm run api:token` with the scopes it was minted with', async () => {
      expect((await call(`${strict.url}/v1/articles?includeWithheld=true`, minted)).status).toBe(200);
    });

    it("rate-limits per token: 429 rate_limited with Retry-After, while another token's requests still succeed", async () => {
      const statuses: number[] = [];
      let refused: Reply | undefined;
      for (let i = 0; i < 6; i++) {
        const res = await call(`${strict.url}/v1/articles`, tokens.limited);
        statuses.push(res.status);
        if (res.status === 429) refused ??= res;
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      expect(refused?.body).toMatchObject({ statusCode: 429, error: 'rate_limited' });
      const retryAfter = Number(refused?.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      // Same limits, different token: none of its allowance was spent by the flood.
      for (let i = 0; i < 3; i++) expect((await call(`${strict.url}/v1/articles`, tokens.neighbour)).status).toBe(200);
    });

    it('leaves the health probes and the OpenAPI document open, and never sends X-Powered-By', async () => {
      for (const path of ['/health/live', '/health/ready', '/openapi.json']) {
        const res = await call(`${strict.url}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('x-powered-by')).toBeNull();
      }
      for (const [path, token] of [['/v1/articles', undefined], ['/v1/articles', tokens.reader], ['/v1/nope', tokens.reader]] as const) {
        expect((await fetch(`${strict.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})).headers.get('x-powered-by')).toBeNull();
      }
      const doc = (await call(`${strict.url}/openapi.json`)).body as { components: { securitySchemes: Record<string, unknown> }; security: unknown[] };
      expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(doc.security).toEqual([{ bearer: [] }]);
    });
  });

  describe('in development mode', () => {
    it('serves a request without a token as public', async () => {
      const list = await call(`${dev.url}/v1/articles`);
      expect(list.status).toBe(200);
      expect(itemIds(list)).toEqual([story.usable.article.id]);
      const res = await call(`${dev.url}/v1/articles?includeKilled=true`);
      expect(res.status).toBe(403);
      expect(String(res.body['message'])).toContain('without a token');
    });

    it('still honours configured tokens and their scopes, and still refuses a wrong one', async () => {
      expect((await call(`${dev.url}/v1/articles?includeKilled=true`, tokens.editor)).status).toBe(200);
      expect((await call(`${dev.url}/v1/articles?includeKilled=true`, tokens.reader)).status).toBe(403);
      expect((await call(`${dev.url}/v1/articles`, newToken())).status).toBe(401);
    });
  });

  describe('secure by default', () => {
    it('does not start outside development mode without a token file (ConfigError)', async () => {
      const { NEWSWIRE_DEV_MODE: _dev, ...env } = baseEnv;
      await expect(startApi(env)).rejects.toThrow(ConfigError);
      await expect(startApi({ ...env, NEWSWIRE_DEV_MODE: 'false' })).rejects.toThrow(/API_TOKENS_FILE/);
    });

    it('exits with code 78 from main, naming API_TOKENS_FILE', async () => {
      const { NEWSWIRE_DEV_MODE: _dev, ...env } = { ...process.env, ...baseEnv };
      const failure = await run(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
        cwd: repoRoot,
        env: { ...env, SWC_NODE_PROJECT: 'tsconfig.tools.json' },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => err,
      );
      expect(failure.code).toBe(78);
      expect(failure.stderr).toContain('API_TOKENS_FILE');
    });
  });

  it('never wrote a token to the log', () => {
    expect(written.length).toBeGreaterThan(0);
    const log = written.join('');
    for (const token of [...Object.values(tokens), minted]) expect(log).not.toContain(token);
  });
});
