import { physicalTopic, TOPICS } from '@newswire/contracts';
import { askUntil, freePort, publishRaw, receivedArticle, scrapeMetrics, seriesOf, ServiceProcess, testEnv, TopicProbe, valueOf } from '@newswire/testing';

/**
 * The enricher as run in production, forking workers: its primary serves the
 * health port for all of them, and /metrics is the workers' series summed.
 */
describe('the clustered enricher, from its built bundle', () => {
  const env: Record<string, string> = { ...testEnv('enricher-cluster'), LOG_LEVEL: 'log', ENRICHER_WORKERS: '2' };
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  let enricher: ServiceProcess;
  let probe: TopicProbe;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [physicalTopic(TOPICS.articleEnriched, ns)], `${ns}-probe`, env).start();
    // Ready once the primary serves the port and both workers consume.
    enricher = await new ServiceProcess('enricher', { ...env, HEALTH_PORT: String(port) }, /metrics of all workers[\s\S]*consuming[\s\S]*consuming/).start(90_000);
  }, 120_000);

  afterAll(async () => {
    await enricher?.stop();
    await probe?.stop();
  }, 60_000);

  it('is live, and ready once every worker is up and ready', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    // Readiness is polled: the workers' broker checks may report a moment after their consumers start.
    const ready = await askUntil('enricher ready', async () => {
      const answer = await fetch(`${base}/health/ready`);
      return { status: answer.status, body: (await answer.json()) as unknown };
    }, (answer) => answer.status === 200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { workers: { status: 'up' }, consumer: { status: 'up' }, broker: { status: 'up' } }, error: {} });
  });

  it('serves the workers\' metrics summed, whichever worker handled the story', async () => {
    const articles = [receivedArticle(), receivedArticle(), receivedArticle()];
    await publishRaw(
      env['KAFKA_BROKERS'],
      physicalTopic(TOPICS.articleReceived, ns),
      // As the ingester sends them: stamped with the ingest time, which the latency histogram reads.
      articles.map((a, i) => ({ key: `wire-${i}|${a.uri}`, value: JSON.stringify(a), headers: { 'x-ingested-at': String(Date.now()) } })),
      env,
    );
    await probe.waitForCount(physicalTopic(TOPICS.articleEnriched, ns), 3, 60_000);
    const labels = { stage: 'enricher', topic: TOPICS.articleReceived };
    // A worker counts a message once the broker has acknowledged its output, a moment after the probe
    // can read that output (CI-74 scraped 1 of 3): the summed series are polled until they reach 3.
    const { contentType, samples } = await askUntil(
      'the summed metrics count all three stories',
      () => scrapeMetrics(base),
      (scraped) => seriesOf(scraped.samples, 'newswire_messages_consumed_total', labels).reduce((sum, s) => sum + s.value, 0) >= 3,
    );
    expect(contentType).toContain('text/plain');
    expect(valueOf(samples, 'newswire_messages_consumed_total', labels)).toBe(3);
    expect(valueOf(samples, 'newswire_messages_produced_total', { stage: 'enricher', topic: TOPICS.articleEnriched })).toBe(3);
    expect(valueOf(samples, 'newswire_stage_processing_seconds_count', labels)).toBe(3);
    expect(valueOf(samples, 'newswire_pipeline_latency_seconds_count', { topic: TOPICS.articleEnriched })).toBe(3);
    // Each partition reported once, by the worker that owns it, and caught up.
    const lag = seriesOf(samples, 'newswire_consumer_lag', labels);
    expect(lag.length).toBeGreaterThanOrEqual(1);
    expect(new Set(lag.map((s) => s.labels['partition'])).size).toBe(lag.length);
    expect(lag.every((s) => s.value === 0)).toBe(true);
    expect(valueOf(samples, 'newswire_ready', { check: 'consumer' })).toBe(1);
    expect(valueOf(samples, 'newswire_process_cpu_seconds_total')).toBeGreaterThan(0);
  });
});
