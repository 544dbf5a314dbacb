import type { INestApplication } from '@nestjs/common';
import { ArticleRepository } from '@newswire/archive-data';
import { type ArticleDeduplicated, storyKeyOf } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Connection } from 'mongoose';
import { startApi } from '../bootstrap';
import { sha256Hex } from './auth/token-registry';

const newToken = () => `nw_${randomBytes(32).toString('base64url')}`;
const withEmbargo = (m: ArticleDeduplicated, until: Date | undefined): ArticleDeduplicated => ({ ...m, article: { ...m.article, embargoed: until?.toISOString() } });

describe('query API and embargoed stories (real HTTP, real store)', () => {
  const tokens = { reader: newToken(), editor: newToken() };
  const until = new Date(Date.now() + 3_600_000);
  const held = withEmbargo(storyVersion({ uri: 'urn:api:embargo', version: 1, headline: 'Embargoed budget figures', body: 'Budget figures under embargo until the minister speaks. '.repeat(3) }), until);
  const plain = storyVersion({ uri: 'urn:api:plain', version: 1, headline: 'Public budget preview', body: 'A public preview of the budget figures. '.repeat(3) });
  const key = storyKeyOf(held.article);
  let api: { app: INestApplication; url: string };
  let db: Connection;
  let repo: ArticleRepository;
  let tokensFile: string;

  const get = async (path: string, token: string) => {
    const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const listed = async (query: string, token: string) => ((await get(`/v1/articles?${query}`, token)).body['items'] as { storyKey: string }[]).map((i) => i.storyKey);

  beforeAll(async () => {
    const entry = (id: string, token: string, scopes: string[]) => ({ id, description: `${id} test token`, sha256: sha256Hex(token), scopes });
    tokensFile = join(mkdtempSync(join(tmpdir(), 'api-embargo-')), 'tokens.json');
    writeFileSync(tokensFile, JSON.stringify({ tokens: [entry('reader', tokens.reader, ['public']), entry('editor', tokens.editor, ['privileged'])] }));
    const env: Record<string, string> = { ...testEnv('api-embargo'), PORT: '0', HOST: '127.0.0.1', API_TOKENS_FILE: tokensFile };
    db = await connectMongo(env['MONGODB_URI']);
    repo = new ArticleRepository(db);
    await repo.storeMany([held, plain]);
    // On FerretDB this builds the list index, so lists take that path as in production.
    await repo.ensureIndexes();
    api = await startApi(env);
  });

  afterAll(async () => {
    await api?.app.close();
    await db?.dropDatabase();
    await db?.close();
    if (tokensFile) rmSync(dirname(tokensFile), { recursive: true, force: true });
  });

  it('hides a held story from public readers everywhere: by id and key (404), in every list and filter, in its cluster and in ninjs', async () => {
    for (const path of [`/v1/articles/${held.article.id}`, `/v1/articles/${encodeURIComponent(key)}?by=storyKey`, `/v1/articles/${held.article.id}?format=ninjs`, `/v1/clusters/${held.dedup.clusterId}`]) {
      expect({ path, status: (await get(path, tokens.reader)).status }).toEqual({ path, status: 404 });
    }
    for (const query of ['', 'q=budget', 'provider=Test%20Wire', 'limit=1', `cluster=${held.dedup.clusterId}`, 'includeWithheld=false']) {
      const keys = await listed(query, tokens.reader);
      expect({ query, held: keys.includes(key) }).toEqual({ query, held: false });
    }
    // Paging through everything one story at a time never meets it either.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/v1/articles?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, tokens.reader);
      seen.push(...(page.body['items'] as { storyKey: string }[]).map((i) => i.storyKey));
      cursor = page.body['nextCursor'] as string | null;
    } while (cursor);
    expect(seen).toEqual([storyKeyOf(plain.article)]);
    expect((await get('/v1/articles?includeEmbargoed=true', tokens.reader)).status).toBe(403);
    expect((await get(`/v1/articles/${held.article.id}/embargo-audit`, tokens.reader)).status).toBe(403);
  });

  it('shows a held story to privileged readers with its embargo time, and its audit trail', async () => {
    const one = await get(`/v1/articles/${held.article.id}`, tokens.editor);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ storyKey: key, heldUntil: until.toISOString(), embargoed: until.toISOString(), bodyText: expect.stringContaining('minister') });
    expect(await listed('includeEmbargoed=true&q=budget', tokens.editor)).toContain(key);
    expect(await listed('q=budget', tokens.editor)).not.toContain(key);
    expect((await get(`/v1/clusters/${held.dedup.clusterId}`, tokens.editor)).status).toBe(200);
    const audit = await get(`/v1/articles/${held.article.id}/embargo-audit`, tokens.editor);
    expect(audit.body).toEqual({ storyKey: key, entries: [expect.objectContaining({ action: 'hold', articleId: held.article.id, embargoedUntil: until.toISOString() })] });
  });

  it('serves the story publicly as soon as a new version lifts the embargo', async () => {
    const v2 = storyVersion({ uri: 'urn:api:embargo', version: 2, headline: 'Budget figures released', body: 'The budget figures are public now. '.repeat(3) });
    await repo.storeMany([v2]);
    const one = await get(`/v1/articles/${v2.article.id}`, tokens.reader);
    expect(one.status).toBe(200);
    expect(one.body['heldUntil']).toBeUndefined();
    expect(await listed('q=budget', tokens.reader)).toContain(key);
    expect((await get(`/v1/articles/${v2.article.id}/embargo-audit?format=ninjs`, tokens.editor)).status).toBe(400);
    const audit = await get(`/v1/articles/${encodeURIComponent(key)}/embargo-audit?by=storyKey`, tokens.editor);
    expect((audit.body['entries'] as { action: string }[]).map((e) => e.action)).toEqual(['hold', 'lift']);
  });
});
