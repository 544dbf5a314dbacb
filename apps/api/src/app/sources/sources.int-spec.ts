import type { INestApplication } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ConfigError } from '@newswire/config';
import { SOURCE_HEALTH_COLLECTION, type SourceHealthDoc } from '@newswire/feed-health';
import { connectMongo } from '@newswire/mongo';
import { testEnv } from '@newswire/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from '../../bootstrap';
import { sha256Hex } from '../auth/token-registry';
import { SourceHealthViewSchema } from '../views.schema';

const newToken = () => `nw_${randomBytes(32).toString('base64url')}`;

describe('GET /v1/sources (real HTTP, real store)', () => {
  const tokens = { reader: newToken(), operator: newToken() };
  const secret = 'super-secret-value-that-must-never-appear-0123456789';
  let api: { app: INestApplication; url: string };
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'api-sources-'));
    writeFileSync(
      join(dir, 'tokens.json'),
      JSON.stringify({
        tokens: [
          { id: 'reader', description: 'public reader', sha256: sha256Hex(tokens.reader), scopes: ['public'] },
          { id: 'operator', description: 'operator', sha256: sha256Hex(tokens.operator), scopes: ['privileged'] },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'sources.yaml'),
      `sources:
  - id: acme
    name: ACME Wire
    provider: ACME
    language: en
    expectedCadence: PT15M
    push: { keys: [{ id: k1, secretEnv: ACME_KEY }] }
  - id: metro
    name: Metro RSS
    poll:
      url: https://feeds.metro.example/world.xml?apikey=${secret}
      everySeconds: 300
      credentials: { header: Authorization, prefix: "Bearer ", secretFile: metro-token }
`,
    );
    // The secret files and variables need not exist for the API: it never reads a secret.
    env = { ...testEnv('api-sources'), PORT: '0', HOST: '127.0.0.1', NEWSWIRE_DEV_MODE: 'false', API_TOKENS_FILE: join(dir, 'tokens.json'), SOURCES_FILE: join(dir, 'sources.yaml') };
    api = await startApi(env);
  });

  /** The store, opened by the health test (which writes to this test's database). */
  let db: Connection | undefined;

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
    await api?.app.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string, token?: string) => {
    const res = await fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, text: await res.text() };
  };

  it('lists every source with its channels and rules, secrets only as references', async () => {
    const res = await get('/v1/sources', tokens.operator);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { items: Record<string, unknown>[] };
    expect(body.items.map((s) => [s['id'], s['channels']])).toEqual([
      ['acme', ['push']],
      ['metro', ['poll']],
    ]);
    expect(body.items[0]).toMatchObject({ provider: 'ACME', language: 'en', expectedCadenceSeconds: 900, trust: 'standard', push: { keys: [{ id: 'k1', secret: 'env:ACME_KEY' }] } });
    expect(body.items[1]).toMatchObject({ poll: { url: 'https://feeds.metro.example/world.xml?apikey=REDACTED', credentials: { header: 'Authorization', secret: 'file:metro-token' } } });
    expect(res.text).not.toContain(secret);
  });

  it('answers one source by id, and 404 / 400 JSON for an unknown or malformed id', async () => {
    const one = await get('/v1/sources/metro', tokens.operator);
    expect(one.status).toBe(200);
    expect(JSON.parse(one.text)).toMatchObject({ id: 'metro', name: 'Metro RSS', poll: { everySeconds: 300 } });
    const missing = await get('/v1/sources/nobody', tokens.operator);
    expect([missing.status, JSON.parse(missing.text)]).toEqual([404, { statusCode: 404, error: 'not_found', message: 'no registered source "nobody"' }]);
    const bad = await get(`/v1/sources/${'x'.repeat(600)}`, tokens.operator);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: 'invalid_parameter' });
  });

  it("answers a source's feed health as the poller's monitor stored it, unknown before its first verdict, 404 for no such source", async () => {
    db = await connectMongo(env['MONGODB_URI']);
    const at = Date.parse('2026-12-01T10:00:00Z');
    await db.db!.collection<SourceHealthDoc>(SOURCE_HEALTH_COLLECTION).insertOne({
      _id: 'acme',
      trackedSince: new Date(at - 3_600_000),
      lastSeenAt: new Date(at - 1_200_000),
      stories: { h1: 5 },
      verdict: {
        status: 'silent',
        since: at - 300_000,
        reason: 'no story for 20 min (silent after its expected cadence, 15 min)',
        evaluatedAt: at,
        trackedSince: at - 3_600_000,
        lastSeenAt: at - 1_200_000,
        storiesLastHour: 3.5,
        baselinePerHour: 6,
        silenceThresholdSeconds: 900,
        parseFailuresLastHour: 1,
        lastFailure: { at: at - 600_000, reason: 'invalid JSON' },
        lastSequences: [{ series: 'a', number: 412, at: at - 1_200_000 }],
        gaps: [{ series: 'a', missing: 1, listed: [410] }],
        missingSequences: 1,
      },
    });
    const res = await get('/v1/sources/acme/health', tokens.operator);
    expect(res.status).toBe(200);
    // What the OpenAPI document promises (its schema is generated from this one).
    expect(SourceHealthViewSchema.safeParse(JSON.parse(res.text)).error).toBeUndefined();
    expect(JSON.parse(res.text)).toMatchObject({
      sourceId: 'acme',
      status: 'silent',
      since: '2026-12-01T09:55:00.000Z',
      lastStoryAt: '2026-12-01T09:40:00.000Z',
      silenceThresholdSeconds: 900,
      storiesPerHour: { lastHour: 3.5, baseline: 6 },
      sequences: { last: [{ series: 'a', number: 412, at: '2026-12-01T09:40:00.000Z' }], missing: 1, gaps: [{ series: 'a', missing: 1, listed: [410] }] },
      parseFailures: { lastHour: 1, last: { at: '2026-12-01T09:50:00.000Z', reason: 'invalid JSON' } },
    });
    expect(JSON.parse((await get('/v1/sources/metro/health', tokens.operator)).text)).toMatchObject({ sourceId: 'metro', status: 'unknown', lastStoryAt: null, reason: 'not evaluated yet' });
    const missing = await get('/v1/sources/nobody/health', tokens.operator);
    expect([missing.status, JSON.parse(missing.text)]).toEqual([404, { statusCode: 404, error: 'not_found', message: 'no registered source "nobody"' }]);
    expect((await get('/v1/sources/acme/health', tokens.reader)).status).toBe(403);
  });

  it('follows the API auth rules: no token 401, a public token 403, privileged only', async () => {
    expect((await get('/v1/sources')).status).toBe(401);
    const forbidden = await get('/v1/sources/acme', tokens.reader);
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.text)).toMatchObject({ error: 'forbidden' });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = JSON.parse((await get('/openapi.json')).text) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/sources', '/v1/sources/{id}', '/v1/sources/{id}/health']));
  });

  it('refuses to start on a bad sources file, naming the entry', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'sources:\n  - id: x\n    name: X\n    poll: { url: "ftp://x.example/", everySeconds: 60 }\n');
    await expect(startApi({ ...env, SOURCES_FILE: join(dir, 'bad.yaml') })).rejects.toThrow(ConfigError);
    await expect(startApi({ ...env, SOURCES_FILE: join(dir, 'bad.yaml') })).rejects.toThrow(/sources\[0\] "x": poll\.url: must be an http or https URL/);
  });
});
