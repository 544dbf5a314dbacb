import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleDeduplicated } from '@newswire/contracts';
import { ArticleRepository } from '@newswire/archive-data';
import { connectMongo } from '@newswire/mongo';
import { deduplicatedArticle, enrichedArticle, storyVersion, testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { startApi } from '../bootstrap';
import { sha256Hex } from './auth/token-registry';
import { ArticlePage, ArticleView, ArticleWithVersions, ClusterView, DuplicateView, VersionView } from './views.schema';
import { parseNewsMlG2, parseNinjs } from '@newswire/wire-formats';
import { XMLValidator } from 'fast-xml-parser';
import { ninjsValidator } from '../../../../libs/wire-out/src/testing/ninjs-validator';

interface Item {
  id: string;
  storyKey: string;
  headline: string;
  bodyText?: string;
  summary?: string;
  killed: boolean;
}
interface ListBody {
  items: Item[];
  nextCursor: string | null;
}

const entity = (name: string) => ({ name, mentions: 1, surfaceForms: [name] });

/** A story with exactly the facets a test filters on, written through the real repository. */
function story(uri: string, o: Partial<{ provider: string; publisher: string; language: string; people: string[]; orgs: string[]; places: string[]; subject: string; firstCreated: string; headline: string; body: string }> = {}) {
  const m = storyVersion({ uri, version: 1, provider: o.provider, headline: o.headline, body: o.body });
  m.article.publisher = o.publisher;
  m.article.firstCreated = o.firstCreated;
  m.enrichment.language = o.language ?? 'en';
  m.enrichment.people = (o.people ?? []).map(entity);
  m.enrichment.organisations = (o.orgs ?? []).map(entity);
  m.enrichment.places = (o.places ?? []).map(entity);
  m.enrichment.subjects = o.subject ? [{ code: o.subject, name: 'subject', score: 0.9, terms: [] }] : [];
  m.article.people = [];
  m.article.organisations = [];
  m.article.places = [];
  m.article.subjects = [];
  return m;
}

describe('query API over a real archive', () => {
  let app: INestApplication;
  let url: string;
  let db: Connection;
  let repo: ArticleRepository;
  const seeded: Record<string, ArticleDeduplicated> = {};
  let tokensDir: string | undefined;

  // Development mode serves requests without a token as `public`; privileged views need a token.
  const privileged = `nw_${randomBytes(32).toString('base64url')}`;
  const get = async (path: string, token?: string) => {
    const res = await fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown> };
  };
  const ids = async (query: string, token?: string) => {
    const res = await get(`/v1/articles?${query}`, token);
    expect(res.status).toBe(200);
    return (res.body as unknown as ListBody).items.map((i) => i.id).sort();
  };
  const idsOf = (...names: string[]) => names.map((n) => seeded[n].article.id).sort();

  beforeAll(async () => {
    tokensDir = mkdtempSync(join(tmpdir(), 'api-tokens-'));
    const tokensFile = join(tokensDir, 'tokens.json');
    writeFileSync(tokensFile, JSON.stringify({ tokens: [{ id: 'editor', description: 'test', sha256: sha256Hex(privileged), scopes: ['privileged'] }] }));
    // This suite is about answers, not limits (api-auth.int-spec tests those): more requests than one burst.
    const env: Record<string, string> = { ...testEnv('api'), PORT: '0', API_TOKENS_FILE: tokensFile, API_RATE_LIMIT_PER_MINUTE: '100000', API_RATE_LIMIT_BURST: '10000' };
    db = await connectMongo(env['MONGODB_URI']);
    repo = new ArticleRepository(db);
    await repo.ensureIndexes();
    Object.assign(seeded, {
      cuba: story('urn:a:cuba', {
        provider: 'Reuters',
        people: ['Vladimir Putin', 'Miguel Diaz-Canel'],
        places: ['Havana'],
        orgs: ['Kremlin'],
        subject: 'medtop:11000000',
        firstCreated: '2024-11-24T08:00:00Z',
        headline: 'Washington sanctions Havana over Russian alliance',
        body: 'Miguel Diaz-Canel met Vladimir Putin while sanctions from Washington bite in Havana. '.repeat(3),
      }),
      markets: story('urn:a:markets', {
        provider: 'Reuters',
        orgs: ['European Central Bank'],
        subject: 'medtop:04000000',
        firstCreated: '2024-11-20T08:00:00Z',
        headline: 'Markets rally as rates fall',
        body: 'Shares rose across Europe after the central bank cut interest rates again. '.repeat(3),
      }),
      german: story('urn:b:wetter', {
        publisher: 'Berliner Blatt',
        language: 'de',
        places: ['Berlin'],
        subject: 'medtop:17000000',
        firstCreated: '2024-11-22T08:00:00Z',
        headline: 'Sturm über Berlin',
        body: 'Ein schwerer Sturm zog am Abend über Berlin und richtete Schäden an. '.repeat(3),
      }),
      withheld: story('urn:a:held', { provider: 'Reuters', headline: 'Embargoed sanctions story', body: 'Withheld body about sanctions in Havana for later. '.repeat(3) }),
      killed: story('urn:a:killed', { provider: 'AP', headline: 'Story that will be killed', body: 'Defamatory body text that must never be served again. '.repeat(3) }),
    });
    seeded['withheld'].article.pubStatus = 'withheld';
    const { german, ...rest } = seeded;
    await repo.store(german, new Date('2024-11-30T00:00:00Z'));
    await repo.storeMany(Object.values(rest), new Date('2024-12-01T00:00:00Z'));
    const kill = storyVersion({ uri: 'urn:a:killed', provider: 'AP', version: 2, pubStatus: 'canceled', headline: 'KILL: story withdrawn', clusterId: seeded['killed'].article.id });
    seeded['kill'] = kill;
    await repo.store(kill, new Date('2024-12-01T00:01:00Z'));
    // A newer version of the Cuba story, and an exact duplicate of the markets story.
    seeded['cuba2'] = storyVersion({ uri: 'urn:a:cuba', provider: 'Reuters', version: 2, headline: 'Washington sanctions Havana (updated)', clusterId: seeded['cuba'].article.id });
    seeded['cuba2'].enrichment.people = [entity('Vladimir Putin')];
    await repo.store(seeded['cuba2'], new Date('2024-12-02T00:00:00Z'));
    seeded['copy'] = deduplicatedArticle(enrichedArticle(), seeded['markets'].article.id);
    seeded['copy'].dedup.clusterId = seeded['markets'].article.id;
    await repo.store(seeded['copy']);
    ({ app, url } = await startApi(env));
  });

  afterAll(async () => {
    await app?.close();
    await db?.dropDatabase();
    await db?.close();
    if (tokensDir) rmSync(tokensDir, { recursive: true, force: true });
  });

  it('lists listed stories, newest first, without withheld ones or killed ones by default', async () => {
    expect(await ids('')).toEqual(idsOf('cuba2', 'markets', 'german'));
  });

  it.each([
    ['source', 'source=reuters', ['cuba2', 'markets']],
    ['provider', 'provider=Reuters', ['cuba2', 'markets']],
    ['publisher', 'publisher=Berliner%20Blatt', ['german']],
    ['language', 'language=de', ['german']],
    ['subject', 'subject=medtop:04000000', ['markets']],
    ['cluster', 'cluster=CLUSTER_CUBA', ['cuba2']],
    ['status (new-version)', 'status=new-version', ['cuba2']],
    ['status (original)', 'status=original', ['markets', 'german']],
    ['firstCreated range', 'timeField=firstCreated&from=2024-11-21T00:00:00Z&to=2024-11-23T00:00:00Z', ['german']],
    // storedAt is when the story was first stored: a later version (cuba2) keeps its story's.
    ['storedAt range', 'from=2024-12-01T00:00:00Z&to=2024-12-01T00:00:01Z', ['cuba2', 'markets']],
    ['storedAt upper bound', 'to=2024-12-01T00:00:00Z', ['german']],
    ['keywords (all words must match)', 'q=shares%20rates', ['markets']],
    ['keywords, case and accents folded', 'q=%C3%BCBER%20sturm', ['german']],
    ['killed included on request (privileged)', 'includeKilled=true&provider=AP', ['kill']],
  ])('filters by %s', async (_name, query, expected) => {
    const q = query.replace('CLUSTER_CUBA', seeded['cuba'].article.id);
    expect(await ids(q, q.includes('includeKilled') ? privileged : undefined)).toEqual(idsOf(...expected));
  });

  it('filters by person, organisation and place of the stored version', async () => {
    // cuba2 replaced cuba, and its facets are its own: the older version's entities are gone.
    expect(await ids('person=Vladimir%20Putin')).toEqual(idsOf('cuba2'));
    expect(await ids('person=Miguel%20Diaz-Canel')).toEqual([]);
    expect(await ids('organisation=European%20Central%20Bank')).toEqual(idsOf('markets'));
    expect(await ids('place=Berlin')).toEqual(idsOf('german'));
  });

  it('returns one story with its versions, by id of any version, story key or uri', async () => {
    const byNew = await get(`/v1/articles/${seeded['cuba2'].article.id}`);
    expect(byNew.status).toBe(200);
    expect(byNew.body).toMatchObject({ id: seeded['cuba2'].article.id, headline: 'Washington sanctions Havana (updated)', matchedAs: 'id' });
    expect((byNew.body['versions'] as { id: string; outcome: string }[]).map((v) => [v.id, v.outcome])).toEqual([
      [seeded['cuba2'].article.id, 'stored'],
      [seeded['cuba'].article.id, 'stored'],
    ]);
    expect((await get(`/v1/articles/${seeded['cuba'].article.id}`)).body).toMatchObject({ id: seeded['cuba2'].article.id, matchedAs: 'version' });
    expect((await get(`/v1/articles/${encodeURIComponent('reuters|urn:a:cuba')}?by=storyKey`)).body).toMatchObject({ id: seeded['cuba2'].article.id });
    expect((await get(`/v1/articles/${encodeURIComponent('urn:a:cuba')}?by=uri`)).body).toMatchObject({ id: seeded['cuba2'].article.id });
    expect((await get(`/v1/articles/${seeded['copy'].article.id}`)).body).toMatchObject({ id: seeded['markets'].article.id, matchedAs: 'duplicate' });
    expect((await get('/v1/articles/nope')).status).toBe(404);
  });

  it('never returns the body of a killed story', async () => {
    const res = await get(`/v1/articles/${seeded['killed'].article.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ killed: true, pubStatus: 'canceled', headline: 'KILL: story withdrawn' });
    expect(res.body['bodyText']).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('Defamatory');
    const listed = await get('/v1/articles?includeKilled=true', privileged);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain('Defamatory');
    expect(await ids('q=defamatory')).toEqual([]);
  });

  it('shows a cluster with its stories and recorded duplicates', async () => {
    const res = await get(`/v1/clusters/${seeded['markets'].article.id}`);
    expect(res.status).toBe(200);
    expect((res.body['articles'] as Item[]).map((a) => a.id)).toEqual([seeded['markets'].article.id]);
    expect((res.body['duplicates'] as { id: string }[]).map((d) => d.id)).toEqual([seeded['copy'].article.id]);
  });

  it('pages with a cursor while new stories arrive: none skipped, none repeated', async () => {
    const before = Array.from({ length: 23 }, (_, i) => story(`urn:p:${i}`, { provider: 'Pager', headline: `Paged story ${i}` }));
    // Several batches share one storedAt instant, so the _id tie-break is exercised too.
    for (let i = 0; i < before.length; i += 6) await repo.storeMany(before.slice(i, i + 6), new Date(Date.UTC(2025, 0, 1, 0, i)));
    const seen: string[] = [];
    let cursor: string | null = null;
    let arrivals = 0;
    do {
      const res = await get(`/v1/articles?provider=Pager&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = res.body as unknown as ListBody;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      // Concurrent writers: new stories land while the client pages.
      await Promise.all([0, 1].map(() => repo.store(story(`urn:p:new${arrivals++}`, { provider: 'Pager' }))));
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.some((b) => b.article.id === id)).sort()).toEqual(before.map((b) => b.article.id).sort());
  });

  it.each([
    ['from', 'from=yesterday'],
    ['to', 'from=2024-12-02T00:00:00Z&to=2024-12-01T00:00:00Z'],
    ['timeField', 'timeField=receivedAt'],
    ['language', 'language=English'],
    ['subject', 'subject=politics'],
    ['status', 'status=maybe'],
    ['limit', 'limit=0'],
    ['limit', 'limit=abc'],
    ['limit', 'limit=500'],
    ['cursor', 'cursor=garbage'],
    ['q', 'q=the%20of'],
    ['includeKilled', 'includeKilled=yes'],
    ['provider', 'provider=a&provider=b'],
    ['sort', 'sort=headline'],
  ])('refuses a bad %s with a 400 naming it', async (parameter, query) => {
    const res = await get(`/v1/articles?${query}`);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/json');
    expect(res.body).toMatchObject({ statusCode: 400, error: 'invalid_parameter' });
    expect(String(res.body['message'])).toContain(parameter);
    expect(res.body['details']).toEqual({ parameters: expect.arrayContaining([expect.objectContaining({ parameter })]) });
  });

  it('refuses a bad `by` on the single-article endpoint', async () => {
    const res = await get('/v1/articles/x?by=title');
    expect(res.status).toBe(400);
    expect(String(res.body['message'])).toContain('by');
  });

  it('serves its OpenAPI document, generated from the controllers and the validators', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body['openapi']).toBe('3.1.0');
    const paths = res.body['paths'] as Record<string, { get: { operationId: string; parameters: { name: string }[]; responses: Record<string, unknown> } }>;
    expect(paths['/v1/articles'].get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'q', 'person', 'subject', 'cursor', 'limit']));
    expect(Object.values(paths).map((p) => p.get.operationId)).toEqual(expect.arrayContaining(['listArticles', 'getArticle', 'getCluster']));
    expect(Object.keys(paths['/v1/articles/{id}'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429', '503']));
    const schemas = (res.body['components'] as { schemas: Record<string, { properties?: Record<string, unknown> }> }).schemas;
    expect(Object.keys(schemas['Article'].properties ?? {})).toEqual(Object.keys(ArticleView.shape));
  });

  it('answers exactly what the document describes: no undescribed field, no missing one', async () => {
    const strict = <T extends { strict: () => { parse: (v: unknown) => unknown } }>(s: T, v: unknown) => s.strict().parse(v);
    const list = (await get('/v1/articles?limit=5')).body;
    ArticlePage.extend({ items: ArticleView.strict().array() }).strict().parse(list);
    const first = (list['items'] as { id: string; clusterId: string }[])[0];
    const one = (await get(`/v1/articles/${first.id}`)).body;
    ArticleWithVersions.extend({ versions: VersionView.strict().array() }).strict().parse(one);
    const cluster = (await get(`/v1/clusters/${first.clusterId}`)).body;
    strict(ClusterView.extend({ articles: ArticleView.strict().array(), duplicates: DuplicateView.strict().array() }), cluster);
  });

  describe('standard formats out', () => {
    const NINJS = 'application/ninjs+json';
    const G2 = 'application/vnd.iptc.g2.newsitem+xml';
    const validNinjs = ninjsValidator();
    const raw = async (path: string, accept?: string) => {
      const res = await fetch(`${url}${path}`, accept ? { headers: { accept } } : {});
      return { status: res.status, type: res.headers.get('content-type') ?? '', vary: res.headers.get('vary') ?? '', text: await res.text() };
    };
    const onlyItem = (outcome: ReturnType<typeof parseNinjs>) => {
      const [item] = outcome.items;
      if (!item?.ok) throw new Error(`not read back: ${JSON.stringify(item)}`);
      return item.article;
    };
    const cubaPath = () => `/v1/articles/${seeded['cuba2'].article.id}`;

    it.each([
      ['Accept', '', NINJS],
      ['?format=ninjs', '?format=ninjs', undefined],
      ['?format=ninjs over a JSON Accept', '?format=ninjs', 'application/json'],
      ['Accept with q-values', '', 'application/json;q=0.5, application/ninjs+json'],
    ])('serves ninjs 2.1 (%s), valid against IPTC\'s schema', async (_how, query, accept) => {
      const res = await raw(`${cubaPath()}${query}`, accept);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/ninjs+json; charset=utf-8');
      expect(res.vary).toMatch(/accept/i);
      const item = JSON.parse(res.text) as Record<string, unknown>;
      expect(validNinjs(item)).toBe(true);
      expect(item).toMatchObject({ uri: 'urn:a:cuba', type: 'text', version: '2', pubstatus: 'usable', headlines: [{ role: 'main', value: 'Washington sanctions Havana (updated)' }] });
      expect(item['altids']).toEqual(expect.arrayContaining([{ role: 'newswire:article-id', value: seeded['cuba2'].article.id }, { role: 'newswire:story-key', value: 'reuters|urn:a:cuba' }]));
      const back = onlyItem(parseNinjs(res.text));
      expect(back).toMatchObject({ headline: 'Washington sanctions Havana (updated)', bodyText: seeded['cuba2'].article.bodyText, version: 2 });
      expect(back.people?.map((p) => p.name)).toEqual(['Vladimir Putin']);
    });

    it.each([
      ['Accept', '', G2],
      ['?format=newsml-g2', '?format=newsml-g2', undefined],
    ])('serves a NewsML-G2 newsItem (%s)', async (_how, query, accept) => {
      const res = await raw(`${cubaPath()}${query}`, accept);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/vnd.iptc.g2.newsitem+xml; charset=utf-8');
      expect(XMLValidator.validate(res.text)).toBe(true);
      const back = onlyItem(parseNewsMlG2(res.text));
      expect(back).toMatchObject({ uri: 'urn:a:cuba', headline: 'Washington sanctions Havana (updated)', bodyText: seeded['cuba2'].article.bodyText, version: 2 });
    });

    it('looks a story up by story key in the standard formats too', async () => {
      const res = await raw(`/v1/articles/${encodeURIComponent('reuters|urn:a:cuba')}?by=storyKey&format=ninjs`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toMatchObject({ uri: 'urn:a:cuba', version: '2' });
    });

    it.each([['ninjs'], ['newsml-g2']])('serves a killed story without its body as %s', async (format) => {
      const res = await raw(`/v1/articles/${seeded['killed'].article.id}?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('KILL: story withdrawn');
      expect(res.text).toContain('canceled');
      expect(res.text).not.toContain('Defamatory');
      if (format === 'ninjs') {
        const item = JSON.parse(res.text) as Record<string, unknown>;
        expect(validNinjs(item)).toBe(true);
        expect(item).toMatchObject({ pubstatus: 'canceled', representationtype: 'partial' });
        expect(item['bodies']).toBeUndefined();
      }
    });

    it('hides a withheld story from a public token (a JSON 404, whatever was asked for) and serves it whole to a privileged one', async () => {
      const path = `/v1/articles/${seeded['withheld'].article.id}?format=ninjs`;
      const hidden = await raw(path, NINJS);
      expect(hidden.status).toBe(404);
      expect(hidden.type).toContain('application/json');
      expect(JSON.parse(hidden.text)).toMatchObject({ statusCode: 404, error: 'not_found' });
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${privileged}` } });
      const item = (await res.json()) as Record<string, unknown>;
      expect(validNinjs(item)).toBe(true);
      expect(item).toMatchObject({ pubstatus: 'withheld', representationtype: 'full' });
      expect(JSON.stringify(item['bodies'])).toContain('Withheld body');
    });

    it.each([[undefined], ['*/*'], ['text/html'], ['application/json']])('answers JSON as before for Accept %s', async (accept) => {
      const res = await raw(cubaPath(), accept);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/json; charset=utf-8');
      expect(JSON.parse(res.text)).toMatchObject({ id: seeded['cuba2'].article.id, matchedAs: 'id' });
    });

    it('refuses an unknown format with a 400 naming it', async () => {
      const res = await raw(`${cubaPath()}?format=pdf`, NINJS);
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/json');
      const body = JSON.parse(res.text) as Record<string, unknown>;
      expect(body).toMatchObject({ statusCode: 400, error: 'invalid_parameter' });
      expect(body['details']).toEqual({ parameters: [expect.objectContaining({ parameter: 'format' })] });
    });

    it('describes the formats in the OpenAPI document', async () => {
      const doc = (await get('/openapi.json')).body as { paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> } }> };
      const op = doc.paths['/v1/articles/{id}'].get;
      expect(op.parameters.map((p) => p.name)).toContain('format');
      expect(Object.keys(op.responses['200'].content ?? {}).sort()).toEqual(['application/json', NINJS, G2].sort());
    });
  });

  it('reports health', async () => {
    expect((await get('/health/live')).body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    expect((await get('/health/ready')).body).toEqual({ status: 'ok', info: { store: { status: 'up' } }, error: {}, details: { store: { status: 'up' } } });
  });
});
