import { type ArticleStored, physicalTopic, TOPICS } from '@newswire/contracts';
import { ArticleRepository } from '@newswire/archive-data';
import { connectMongo } from '@newswire/mongo';
import { callToolModule, freePort, PROMETHEUS_CONFIG_DIR, PrometheusServer, publishRaw, ServiceProcess, STORIES, storyText, testEnv, TopicProbe } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const STAGES = ['enricher', 'deduplicator', 'storage'] as const;
const JOBS = ['ingester', ...STAGES, 'poller', 'api'] as const;
/** Each stage's input topic (the `topic` label of its consumer series: logical, without the namespace). */
const INPUT: Record<(typeof STAGES)[number], string> = {
  enricher: TOPICS.articleReceived,
  deduplicator: TOPICS.articleEnriched,
  storage: TOPICS.articleDeduplicated,
};
/** Dashboard panels that must show data after this test's traffic (the others may rightly be empty: retries, 5xx). */
const PANELS_WITH_DATA = [
  'Targets up',
  'Stories stored',
  'End-to-end p99',
  'Consumer lag',
  'Dead letters',
  'Consumed per stage',
  'Produced per stage',
  'Processing time per message',
  'Lag per stage',
  'Lag per partition',
  'Ingest to stored',
  'Latency at each hop (p95)',
  'Dead letters per topic and error',
  'Dead letters in the time range',
  'Stories per source',
  "Time since each source's last story",
  'Requests by route',
  'Latency by route',
  'Errors by route and status',
  'Readiness per service and check',
  'Scrape targets',
  'Dependency outage',
  'CPU',
  'Resident memory',
  'Event-loop lag (p99)',
];

/** A sources file with no source, in a folder of its own (removed at exit). */
function emptyRegistry(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prom-sources-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'sources.yaml');
  writeFileSync(file, 'sources: []\n');
  return file;
}

interface DashboardQuery {
  where: string;
  panel?: string;
  expr: string;
}

describe('Prometheus scraping the six services, with the shipped configuration, alert rules and dashboard', () => {
  const env: Record<string, string> = { ...testEnv('prom'), LOG_LEVEL: 'log' };
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const services: ServiceProcess[] = [];
  let prometheus: PrometheusServer;
  let stored: TopicProbe;
  let db: Connection;
  let repo: ArticleRepository;
  let ingesterUrl: string;
  let posted = 0;

  beforeAll(async () => {
    const ports = Object.fromEntries(await Promise.all(JOBS.map(async (job) => [job, await freePort()] as const))) as Record<(typeof JOBS)[number], number>;
    stored = await new TopicProbe(
      env['KAFKA_BROKERS'],
      [physicalTopic(TOPICS.articleStored, ns), `${physicalTopic(TOPICS.articleReceived, ns)}.dlq`],
      `${ns}-observer`,
    ).start();
    services.push(
      ...STAGES.map((stage) => new ServiceProcess(stage, { ...env, HEALTH_PORT: String(ports[stage]) }, /consuming .* as group/)),
      new ServiceProcess('ingester', { ...env, PORT: String(ports.ingester) }, /ready: POST/),
      new ServiceProcess('api', { ...env, PORT: String(ports.api) }, /ready: GET/),
      // No source registered: scraped for its health and process series like every service.
      new ServiceProcess('poller', { ...env, HEALTH_PORT: String(ports.poller), SOURCES_FILE: emptyRegistry() }, /polling \d+ feed/),
    );
    await Promise.all(services.map((s) => s.start()));
    ingesterUrl = `http://127.0.0.1:${ports.ingester}`;
    prometheus = await PrometheusServer.start({ targets: Object.fromEntries(JOBS.map((job) => [job, `127.0.0.1:${ports[job]}`])) });
    db = await connectMongo(env['MONGODB_URI']);
    repo = new ArticleRepository(db);
  }, 120_000); // hooks get their own timeout: a multi-project Jest run ignores the project testTimeout

  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all(services.map((s) => s.stop()));
    await stored?.stop();
    await db?.dropDatabase();
    await db?.close();
  }, 60_000);

  const storedIds = () => stored.on(physicalTopic(TOPICS.articleStored, ns)).map((m) => (m.value as ArticleStored).articleId);

  /** Posts `count` distinct stories and waits until storage has published each one's stored event. */
  const postStories = async (count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const story = STORIES[posted++ % STORIES.length];
      const res = await fetch(`${ingesterUrl}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: storyText(story.headline, story.paragraphs.join('\n\n')),
      });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
    }
    await stored.waitFor(() => ids.every((id) => storedIds().includes(id)), 60_000, `${count} stored event(s)`);
  };

  const storageCount = 'sum(newswire_pipeline_latency_seconds_count{service="storage"})';

  it('scrapes every service: each job of prometheus.yml has its target up', async () => {
    const up = await prometheus.waitFor('every target up', async () => {
      const result = await prometheus.query('up');
      return result.length === JOBS.length && result.every((s) => s.value[1] === '1') ? result : undefined;
    });
    expect(up.map((s) => s.metric['job']).sort()).toEqual([...JOBS].sort());
    for (const target of await prometheus.targets()) expect({ job: target.labels['job'], lastError: target.lastError }).toEqual({ job: target.labels['job'], lastError: '' });
  });

  it('loads every rule of alerts.yml and evaluates each without error', async () => {
    const shipped = parseYaml(readFileSync(join(PROMETHEUS_CONFIG_DIR, 'alerts.yml'), 'utf8')) as { groups: { rules: { alert?: string; record?: string }[] }[] };
    const expected = shipped.groups.flatMap((g) => g.rules.map((r) => r.alert ?? r.record)).sort();
    // Health is `unknown` until a rule's first evaluation (one interval after loading).
    const rules = await prometheus.waitFor('every rule evaluated', async () => {
      const loaded = await prometheus.rules();
      return loaded.every((r) => r.health !== 'unknown') ? loaded : undefined;
    });
    expect(rules.map((r) => r.name).sort()).toEqual(expected);
    expect(rules.filter((r) => r.health !== 'ok').map((r) => `${r.name}: ${r.lastError}`)).toEqual([]);
  });

  it("measures each stored story's end-to-end latency: the histogram's count is the archive's, and p99 has a value", async () => {
    // The histogram's series are born with their first observations; rate() needs a later increase, so two waves.
    await postStories(3);
    await prometheus.waitForValue(storageCount, (v) => v >= 3);
    await postStories(3);
    const count = await prometheus.waitForValue(storageCount, (v) => v >= 6);
    expect(count).toBe(6);
    expect(await repo.articles.countDocuments({})).toBe(count);

    const p99 = await prometheus.waitForValue(
      'histogram_quantile(0.99, sum by (le) (rate(newswire_pipeline_latency_seconds_bucket{service="storage"}[1m])))',
      (v) => Number.isFinite(v),
    );
    expect(p99).toBeGreaterThan(0);
    expect(p99).toBeLessThanOrEqual(120); // within the buckets: a story took less than the largest bound
    // Every hop reports its own ingest-to-output latency.
    const hops = await prometheus.query('sum by (service) (newswire_pipeline_latency_seconds_count)');
    expect(hops.map((s) => s.metric['service']).sort()).toEqual(['deduplicator', 'enricher', 'storage']);
  });

  it('reports consumer lag for every stage and partition, back to zero once the stories are stored', async () => {
    const lag = await prometheus.waitFor('consumer lag of every stage at zero', async () => {
      const result = await prometheus.query('newswire_consumer_lag');
      const stages = new Set(result.map((s) => s.metric['stage']));
      return STAGES.every((stage) => stages.has(stage)) && result.every((s) => s.value[1] === '0') ? result : undefined;
    });
    for (const stage of STAGES) {
      const series = lag.filter((s) => s.metric['stage'] === stage);
      expect(new Set(series.map((s) => s.metric['topic']))).toEqual(new Set([INPUT[stage]]));
      expect(series.every((s) => s.metric['service'] === stage && /^\d+$/.test(s.metric['partition']))).toBe(true);
    }
  });

  it('counts poison records as consumed and dead-lettered by the enricher, with their error type', async () => {
    const consumed = 'sum(newswire_messages_consumed_total{stage="enricher"})';
    const deadLettered = 'sum by (stage, topic, error_type) (newswire_messages_dead_lettered_total)';
    const before = await prometheus.waitForValue(consumed, (v) => v >= 6);
    const input = physicalTopic(TOPICS.articleReceived, ns);
    // Two, one scrape apart: a counter's first value is only its start, increase() counts from there.
    for (const n of [1, 2]) {
      await publishRaw(env['KAFKA_BROKERS'], input, [{ key: `poison-${n}`, value: 'not json' }], env);
      await stored.waitForCount(`${input}.dlq`, n, 60_000);
      await prometheus.waitForValue(`sum(${deadLettered})`, (v) => v === n);
    }
    const dead = await prometheus.query(deadLettered);
    expect(dead).toHaveLength(1);
    expect(dead[0].metric).toMatchObject({ stage: 'enricher', topic: TOPICS.articleReceived });
    expect(dead[0].metric['error_type']).toMatch(/\w/);
    expect(await prometheus.waitForValue(consumed, (v) => v >= before + 2)).toBe(before + 2);
  });

  it('runs every query of the Grafana dashboard, and the panels fed by this traffic show data', async () => {
    // Fresh traffic, so every rate over the last minute has something in it whatever the earlier tests took.
    const storedBefore = await prometheus.waitForValue(storageCount, (v) => v >= 6);
    await postStories(2);
    await prometheus.waitForValue(storageCount, (v) => v >= storedBefore + 2);
    // Refusals, so the HTTP errors panel has something to show. Its rate() needs two samples of the
    // counter, which exists only from its first refusal: one refusal, scraped, then another, scraped.
    const refuse = () => fetch(`${ingesterUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' });
    const refusals = 'sum(newswire_http_requests_total{service="ingester", status="415"})';
    expect((await refuse()).status).toBe(415);
    const refusedBefore = await prometheus.waitForValue(refusals, (v) => v >= 1);
    expect((await refuse()).status).toBe(415);
    await prometheus.waitForValue(refusals, (v) => v >= refusedBefore + 1);

    const queries = await callToolModule<DashboardQuery[]>('observability-check.mjs', 'loadDashboardQueries()');
    expect(queries.length).toBeGreaterThan(30);
    const empty: string[] = [];
    for (const query of queries) {
      const result = await prometheus.query(query.expr); // throws on a query Prometheus refuses
      const hasData = result.some((s) => !Number.isNaN(Number(s.value[1])));
      if (query.panel && PANELS_WITH_DATA.includes(query.panel) && !hasData) empty.push(`${query.where}: ${query.expr}`);
    }
    expect(empty).toEqual([]);
    for (const title of PANELS_WITH_DATA) expect(queries.map((q) => q.panel)).toContain(title);
  });
});
