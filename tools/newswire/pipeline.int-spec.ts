import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { type ArticleDoc, ArticleRepository, enrichmentUpdate } from '@newswire/archive-data';
import { type ArticleStored, physicalTopic, TOPICS } from '@newswire/contracts';
import { topicBounds } from '@newswire/kafka';
import { connectMongo } from '@newswire/mongo';
import { ServiceProcess, testEnv, testKafka, TopicProbe } from '@newswire/testing';
import { runConformance } from '../conformance/conformance-report';
import type { BackfillSummary } from './backfill';
import type { BackfillState } from './backfill-state';
import { cli, cliJson } from './cli-harness';
import type { ReplayResult } from './replay';
import type { StoryReport } from './story';
import type { TailLine } from './tail';

// Where NEWSWIRE_FIXTURES says, else the shared corpus beside the repository (as CI's conformance run
// reads it), else the repository's own wire-format fixtures: the test compares with conformance on the same folder.
const SHARED_FIXTURES = join(__dirname, '../../../shared/fixtures');
const FIXTURES = process.env['NEWSWIRE_FIXTURES'] ?? (existsSync(SHARED_FIXTURES) ? SHARED_FIXTURES : join(__dirname, '../../libs/wire-formats/src/fixtures'));

/**
 * The verbs that need the whole platform: the four services run from their
 * built bundles (npx nx run-many -t build --projects=ingester,enricher,deduplicator,storage),
 * on the real broker and store, each test run in its own namespace and database.
 */
describe('newswire backfill, tail, story and replay against the running pipeline', () => {
  const env: Record<string, string> = { ...testEnv('cli-pipe'), LOG_LEVEL: 'log', PORT: '0', ENRICHER_WORKERS: '1' };
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const storedTopic = physicalTopic(TOPICS.articleStored, ns);
  const services = [
    new ServiceProcess('enricher', env, /consuming .* as group/),
    new ServiceProcess('deduplicator', env, /consuming .* as group/),
    new ServiceProcess('storage', env, /consuming .* as group/),
  ];
  const ingester = new ServiceProcess('ingester', env, /ready: POST (http:\/\/\S+)\/v1\/articles/);
  const dir = mkdtempSync(join(tmpdir(), 'newswire-backfill-'));
  const stateFile = join(dir, 'state.json');
  let url = '';
  let probe: TopicProbe;
  let db: Connection;
  let repo: ArticleRepository;

  const receivedCount = async () => {
    const admin = testKafka(`${ns}-admin`, env['KAFKA_BROKERS'], env).admin();
    await admin.connect();
    const bounds = await topicBounds(admin, physicalTopic(TOPICS.articleReceived, ns)).finally(() => admin.disconnect());
    return bounds.reduce((n, b) => n + b.high - b.low, 0);
  };
  const stored = () => probe.on(storedTopic).map((m) => m.value as ArticleStored);

  beforeAll(async () => {
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [storedTopic], `${ns}-probe`, env).start();
    await Promise.all(services.map((s) => s.start(90_000)));
    await ingester.start(90_000);
    url = /ready: POST (http:\/\/\S+)\/v1\/articles/.exec(ingester.log)?.[1] ?? '';
    db = await connectMongo(env['MONGODB_URI']);
    repo = new ArticleRepository(db);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([ingester, ...services].map((s) => s.stop()));
    await probe?.stop();
    await db?.dropDatabase();
    await db?.close();
  }, 60_000);

  it('backfills the fixtures folder with the counts the conformance run reports, and resumes from its state file', async () => {
    const conformance = runConformance(FIXTURES, () => undefined);
    const summary = await cliJson<BackfillSummary>(env, 'backfill', FIXTURES, '--url', url, '--rate', '100', '--state', stateFile);
    expect(summary.items).toMatchObject({ accepted: conformance.parsed, refused: conformance.rejected });
    expect(summary.byStatus.accepted + summary.byStatus.partial + summary.byStatus.refused).toBe(summary.files);
    expect(summary.refusedFiles.length).toBe(summary.byStatus.refused);
    // Every refused story is counted under its reason.
    expect(Object.values(summary.items.reasons).reduce((n, c) => n + c, 0)).toBe(conformance.rejected);
    const published = await receivedCount();
    expect(published).toBe(conformance.parsed);

    // Every file is in the state file: a second run sends nothing.
    const again = await cliJson<BackfillSummary>(env, 'backfill', FIXTURES, '--url', url, '--state', stateFile);
    expect(again).toMatchObject({ resumed: summary.files, items: summary.items });
    expect(await receivedCount()).toBe(published);

    // As if interrupted before the last three files: only those are sent.
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as BackfillState;
    const lastThree = Object.keys(state.files).sort().slice(-3);
    const resent = lastThree.reduce((n, name) => n + state.files[name].accepted, 0);
    for (const name of lastThree) delete state.files[name];
    writeFileSync(stateFile, JSON.stringify(state));
    const resumed = await cliJson<BackfillSummary>(env, 'backfill', FIXTURES, '--url', url, '--state', stateFile);
    expect(resumed).toMatchObject({ resumed: summary.files - 3, items: summary.items });
    expect(await receivedCount()).toBe(published + resent);

    const text = await cli(env, 'backfill', FIXTURES, '--url', url, '--state', stateFile);
    expect(text.out).toContain(`backfill: ${conformance.parsed} stories accepted, ${conformance.rejected} refused`);
  }, 300_000);

  it('tails a topic in readable form: headline, source, verdict, latency', async () => {
    const total = await receivedCount();
    await probe.waitFor(() => stored().length >= total, 240_000, `${total} stored events`);
    const run = await cli(env, '--json', 'tail', TOPICS.articleDeduplicated, '--from-beginning', '--limit', '3');
    expect(run.code).toBe(0);
    const lines = run.out.trim().split('\n').map((l) => JSON.parse(l) as TailLine);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.headline?.length).toBeGreaterThan(0);
      expect(line.verdict).toMatch(/^(original|duplicate|new-version|stale-version)/);
      expect(line.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const readable = await cli(env, 'tail', TOPICS.articleStored, '--from-beginning', '--limit', '2');
    expect(readable.out.trim().split('\n')).toHaveLength(2);
    expect(readable.out).toMatch(/(stored|duplicate-recorded|stale-recorded|unchanged|killed) .*"/);
  }, 300_000);

  it('shows one story: versions, verdict with its explanation, enrichment provenance; a duplicate leads to its story', async () => {
    const first = stored().find((e) => e.status === 'stored');
    expect(first).toBeDefined();
    const report = await cliJson<StoryReport>(env, 'story', first?.articleId ?? '');
    expect(report).toMatchObject({ articleId: first?.articleId, storyKey: first?.storyKey, enrichment: { version: 1 } });
    expect(report.versions.map((v) => v._id)).toContain(first?.articleId);
    expect(report.verdict.explanation?.length).toBeGreaterThan(0);
    expect(report.enrichment.provenance.length).toBeGreaterThan(0);
    // The ingester starts a trace for every story; storage keeps its id with the version.
    expect(report.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect((await cliJson<StoryReport>(env, 'story', first?.storyKey ?? '')).articleId).toBe(first?.articleId);

    const duplicate = stored().find((e) => e.status === 'duplicate-recorded');
    if (duplicate) {
      const original = await cliJson<StoryReport>(env, 'story', duplicate.articleId);
      expect(original.duplicates.map((d) => d._id)).toContain(duplicate.articleId);
    }
    const text = await cli(env, 'story', first?.articleId ?? '');
    expect(text.out).toContain('provenance');
    expect((await cli(env, 'story', 'no-such-story')).code).toBe(2);
  }, 60_000);

  it('replays a stored story through enrichment: a new enrichment version with provenance, no new story, version or duplicate', async () => {
    const target = stored().find((e) => e.status === 'stored');
    const doc = await repo.findById(target?.articleId ?? '');
    if (!doc) throw new Error('no stored story to replay');
    // As if stored by an older extractor: the replay's enrichment differs from it.
    const old = { ...doc.enrichment, provenance: doc.enrichment.provenance.map((p) => ({ ...p, version: '0.0.1' })), enrichedAt: '2024-01-01T00:00:00.000Z' };
    const raw = await repo.articles.findById(doc._id).lean<ArticleDoc>().exec();
    await repo.articles.updateOne({ _id: doc._id }, { $set: enrichmentUpdate(raw ?? {}, old) }).exec();
    const counts = async () => [await repo.articles.countDocuments({}), await repo.versions.countDocuments({}), await repo.duplicates.countDocuments({})];
    const before = await counts();

    const result = await cliJson<ReplayResult>(env, 'replay', '--id', doc.articleId, '--timeout', '120');
    expect(result).toMatchObject({ stage: 'enrichment', published: 1, outcomes: { 're-enriched': 1 }, missing: [] });
    expect(result.stories).toEqual([{ articleId: doc.articleId, status: 're-enriched', enrichmentVersion: 2 }]);
    expect(await counts()).toEqual(before);

    const report = await cliJson<StoryReport>(env, 'story', doc.articleId);
    expect(report.enrichment.version).toBe(2);
    expect(report.enrichmentVersions.map((e) => [e.version, e.origin, e.replayId])).toEqual([
      [1, 'ingest', undefined],
      [2, 'replay', result.replayId],
    ]);
    expect(report.enrichmentVersions[0].provenance[0].version).toBe('0.0.1');
    expect(report.enrichment.provenance).toEqual(doc.enrichment.provenance);

    // The same extractors again: nothing changes.
    const again = await cliJson<ReplayResult>(env, 'replay', '--id', doc.articleId, '--timeout', '120');
    expect(again.outcomes).toEqual({ unchanged: 1 });
    expect(await counts()).toEqual(before);
  }, 300_000);
});
