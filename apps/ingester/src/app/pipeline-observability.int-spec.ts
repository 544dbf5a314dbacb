import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { type ArticleStored, deadLetterTopicOf, HEADERS, physicalTopic, sourceOfStoryKey, TELEMETRY_HEADERS, TOPICS } from '@newswire/contracts';
import {
  captureJsonLogs,
  freePort,
  OtlpReceiver,
  publishRaw,
  type ReceivedSpan,
  type Sample,
  scrapeMetrics,
  seriesOf,
  testEnv,
  TopicProbe,
  traceIdOf,
  valueOf,
} from '@newswire/testing';
// The real services, started in-process with their own bootstraps.
import { startApi } from '../../../api/src/bootstrap';
import { startDeduplicator } from '../../../deduplicator/src/bootstrap';
import { startEnricher } from '../../../enricher/src/bootstrap';
import { startStorage } from '../../../storage/src/bootstrap';
import { startIngester } from '../bootstrap';

const STAGES = [
  { service: 'enricher', start: startEnricher, input: TOPICS.articleReceived, output: TOPICS.articleEnriched },
  { service: 'deduplicator', start: startDeduplicator, input: TOPICS.articleEnriched, output: TOPICS.articleDeduplicated },
  { service: 'storage', start: startStorage, input: TOPICS.articleDeduplicated, output: TOPICS.articleStored },
] as const;

/**
 * One story through the whole pipeline with every service's telemetry on:
 * spans exported over OTLP/HTTP to a collector in this process, JSON logs
 * captured from stdout, /metrics scraped on each service.
 */
describe('observability across the pipeline', () => {
  const otlp = new OtlpReceiver();
  const logs = captureJsonLogs();
  let env: Record<string, string>;
  let ns: string;
  const apps: INestApplication[] = [];
  const metricsUrl: Record<string, string> = {};
  let ingestUrl: string;
  let apiUrl: string;
  let probe: TopicProbe;

  // The caller's own trace: the ingester continues it.
  const callerTrace = randomBytes(16).toString('hex');
  const marker = `bodymarker${randomBytes(6).toString('hex')}`;
  const article = {
    uri: `urn:obs:${randomBytes(4).toString('hex')}`,
    provider: 'ObsWire',
    headline: 'Harbour reopens after the storm',
    bodyText: `The harbour of Valletta reopened on Tuesday after three days of closure, officials said. ${marker} Ferries resumed their crossings and fishing boats left at dawn. `.repeat(3),
  };
  let accepted: { id: string; traceId?: string };
  let acceptedTraceparent: string | null;
  let stored: { value: ArticleStored; headers: Record<string, string> };
  let startedAt: number;

  beforeAll(async () => {
    const collector = await otlp.start();
    env = { ...testEnv('observability'), OTEL_EXPORTER_OTLP_ENDPOINT: collector, OTEL_BSP_SCHEDULE_DELAY: '100', LOG_LEVEL: 'debug' };
    ns = env['KAFKA_TOPIC_NAMESPACE'];
    probe = await new TopicProbe(
      env['KAFKA_BROKERS'],
      [TOPICS.articleReceived, TOPICS.articleEnriched, TOPICS.articleDeduplicated, TOPICS.articleStored, deadLetterTopicOf(TOPICS.articleReceived)].map((t) => physicalTopic(t, ns)),
      `${ns}-probe`,
      env,
    ).start();
    for (const stage of STAGES) {
      const port = await freePort();
      apps.push((await stage.start({ ...env, HEALTH_PORT: String(port) })).app);
      metricsUrl[stage.service] = `http://127.0.0.1:${port}`;
    }
    const ingester = await startIngester({ ...env, PORT: '0' });
    apps.push(ingester.app);
    ingestUrl = metricsUrl['ingester'] = ingester.url;
    const api = await startApi({ ...env, PORT: '0' });
    apps.push(api.app);
    apiUrl = metricsUrl['api'] = api.url;

    startedAt = Date.now();
    // A refusal first (415): HTTP metrics by status.
    expect((await fetch(`${ingestUrl}/v1/articles`, { method: 'POST', body: new TextEncoder().encode('x'), headers: { 'content-type': 'application/pdf' } })).status).toBe(415);
    const res = await fetch(`${ingestUrl}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${callerTrace}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify(article),
    });
    expect(res.status).toBe(202);
    accepted = (await res.json()) as typeof accepted;
    acceptedTraceparent = res.headers.get('traceparent');
    const storedTopic = physicalTopic(TOPICS.articleStored, ns);
    const find = () => probe.on(storedTopic).find((m) => (m.value as ArticleStored).articleId === accepted.id);
    await probe.waitFor(() => find() !== undefined, 60_000, 'the stored event');
    stored = find() as unknown as typeof stored;
    // A poison record straight onto the enricher's input: the dead-letter counter and a warn line with the story's key.
    await publishRaw(env['KAFKA_BROKERS'], physicalTopic(TOPICS.articleReceived, ns), [{ key: 'poison|urn:obs:bad', value: '{"not":"an article"}' }], env);
    await probe.waitForCount(physicalTopic(deadLetterTopicOf(TOPICS.articleReceived), ns), 1, 60_000);
    // Spans are exported in batches: wait until the last hop's are in.
    await otlp.waitFor((spans) => spans.some((s) => s.traceId === callerTrace && s.name === 'archive.storeMany'), 30_000, 'the storage spans');
  }, 180_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    await probe?.stop();
    await otlp.stop();
    logs.restore();
  }, 60_000);

  describe('traces', () => {
    it('carries the caller\'s trace id from the ingest request to the stored event, on every hop', () => {
      expect(accepted.traceId).toBe(callerTrace);
      expect(traceIdOf(acceptedTraceparent)).toBe(callerTrace);
      expect(traceIdOf(stored.headers[TELEMETRY_HEADERS.traceparent])).toBe(callerTrace);
      const ingestedAt = Number(stored.headers[TELEMETRY_HEADERS.ingestedAt]);
      expect(ingestedAt).toBeGreaterThanOrEqual(startedAt - 1);
      expect(ingestedAt).toBeLessThanOrEqual(Date.now());
      for (const topic of [TOPICS.articleReceived, TOPICS.articleEnriched, TOPICS.articleDeduplicated]) {
        const record = probe.on(physicalTopic(topic, ns)).find((m) => JSON.stringify(m.value).includes(accepted.id));
        expect({ topic, trace: traceIdOf(record?.headers[TELEMETRY_HEADERS.traceparent]), ingestedAt: Number(record?.headers[TELEMETRY_HEADERS.ingestedAt]) }).toEqual({
          topic,
          trace: callerTrace,
          ingestedAt,
        });
      }
    });

    it('exports one trace with a span per stage, each the child of the hop before, and a span per store call', () => {
      const spans = otlp.spans.filter((s) => s.traceId === callerTrace);
      const one = (service: string, name: string): ReceivedSpan => {
        const found = spans.filter((s) => s.service === service && s.name === name);
        expect({ service, name, count: found.length }).toEqual({ service, name, count: 1 });
        return found[0];
      };
      const request = one('ingester', 'POST /v1/articles');
      const publish = one('ingester', `publish ${TOPICS.articleReceived}`);
      const enrich = one('enricher', 'enricher process');
      const dedup = one('deduplicator', 'deduplicator process');
      const store = one('storage', 'storage process');
      expect(request.attributes).toMatchObject({ 'http.route': '/v1/articles', 'http.response.status_code': 202 });
      expect(publish.parentSpanId).toBe(request.spanId);
      expect(enrich.parentSpanId).toBe(publish.spanId);
      expect(dedup.parentSpanId).toBe(enrich.spanId);
      expect(store.parentSpanId).toBe(dedup.spanId);
      for (const stage of [enrich, dedup, store]) expect(stage.attributes['newswire.article_id']).toBe(accepted.id);
      const dedupStore = spans.filter((s) => s.service === 'deduplicator' && s.name.startsWith('dedup.'));
      expect(dedupStore.length).toBeGreaterThanOrEqual(2);
      // Store spans sit under the stage's span (directly, or under another store call of the same message).
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      const stageOf = (span: ReceivedSpan): ReceivedSpan | undefined => {
        let at: ReceivedSpan | undefined = span;
        while (at && at.name.includes('.')) at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined;
        return at;
      };
      for (const s of dedupStore) expect(stageOf(s)?.spanId).toBe(dedup.spanId);
      expect(one('storage', 'archive.storeMany').parentSpanId).toBe(store.spanId);
    });
  });

  describe('logs', () => {
    it('writes JSON lines naming service, article, story key, source and trace on every line about the story', () => {
      const about = logs.lines.filter((l) => l['articleId'] === accepted.id);
      const storyKey = stored.value.storyKey;
      expect(new Set(about.map((l) => l['service']))).toEqual(new Set(['ingester', 'enricher', 'deduplicator', 'storage']));
      for (const line of about) {
        expect(line).toMatchObject({ storyKey, source: 'obswire', traceId: callerTrace, level: expect.any(String), time: expect.any(String), message: expect.any(String) });
      }
      // The deduplicator says why, on a line that names the story.
      expect(about.some((l) => l['service'] === 'deduplicator' && /^verdict original by none/.test(String(l['message'])))).toBe(true);
    });

    it('names the story key and trace of a dead-lettered record at warn', () => {
      const dead = probe.on(physicalTopic(deadLetterTopicOf(TOPICS.articleReceived), ns))[0];
      const line = logs.lines.find((l) => l['level'] === 'warn' && l['storyKey'] === 'poison|urn:obs:bad');
      expect(line).toMatchObject({ service: 'enricher', source: 'poison', traceId: expect.stringMatching(/^[\da-f]{32}$/) });
      expect(String(line?.['message'])).toContain('dead-lettered');
      expect(dead.headers[HEADERS.dlqReason]).toBeTruthy();
    });

    it('never writes the body text, at any level', () => {
      expect(logs.lines.length).toBeGreaterThan(10);
      expect(logs.lines.filter((l) => JSON.stringify(l).includes(marker))).toEqual([]);
    });
  });

  describe('metrics', () => {
    let scraped: Record<string, Sample[]>;

    beforeAll(async () => {
      // One API read so the API has a route series of its own.
      expect((await fetch(`${apiUrl}/v1/articles/${accepted.id}`)).status).toBe(200);
      scraped = {};
      for (const [service, base] of Object.entries(metricsUrl)) {
        const { contentType, samples } = await scrapeMetrics(base);
        expect(contentType).toContain('text/plain');
        scraped[service] = samples;
      }
    });

    it('labels every series with its service and exports the default process metrics', () => {
      for (const [service, samples] of Object.entries(scraped)) {
        expect(samples.length).toBeGreaterThan(20);
        expect(samples.filter((s) => s.labels['service'] !== service)).toEqual([]);
        expect(valueOf(samples, 'newswire_process_cpu_seconds_total')).toBeGreaterThan(0);
        expect(valueOf(samples, 'newswire_process_resident_memory_bytes')).toBeGreaterThan(1e6);
        expect(seriesOf(samples, 'newswire_nodejs_eventloop_lag_seconds')).toHaveLength(1);
      }
    });

    it('counts messages consumed and produced per stage and topic, with processing time', () => {
      for (const { service, input, output } of STAGES) {
        const samples = scraped[service];
        const labels = { stage: service, topic: input };
        // The enricher also consumed (and dead-lettered) the poison record.
        expect(valueOf(samples, 'newswire_messages_consumed_total', labels)).toBe(service === 'enricher' ? 2 : 1);
        expect(valueOf(samples, 'newswire_messages_produced_total', { stage: service, topic: output })).toBe(1);
        expect(valueOf(samples, 'newswire_stage_processing_seconds_count', labels)).toBe(service === 'enricher' ? 2 : 1);
        const sum = valueOf(samples, 'newswire_stage_processing_seconds_sum', labels);
        expect(sum).toBeGreaterThan(0);
        expect(sum).toBeLessThan(30);
        expect(valueOf(samples, 'newswire_stage_processing_seconds_bucket', { ...labels, le: '+Inf' })).toBe(service === 'enricher' ? 2 : 1);
      }
    });

    it('counts dead letters by stage, topic and error class', () => {
      const dead = seriesOf(scraped['enricher'], 'newswire_messages_dead_lettered_total', { stage: 'enricher', topic: TOPICS.articleReceived });
      expect(dead).toHaveLength(1);
      expect(dead[0]).toMatchObject({ value: 1, labels: { error_type: expect.stringMatching(/Error$/) } });
      expect(seriesOf(scraped['storage'], 'newswire_messages_dead_lettered_total')).toEqual([]);
    });

    it('reports consumer lag per partition, caught up once the story is handled', () => {
      for (const { service, input } of STAGES) {
        const lag = seriesOf(scraped[service], 'newswire_consumer_lag', { stage: service, topic: input });
        expect(lag.length).toBeGreaterThanOrEqual(1);
        for (const s of lag) {
          expect(s.labels['partition']).toMatch(/^[01]$/);
          expect(s.value).toBe(0);
        }
      }
    });

    it('observes ingest-to-stored latency at storage from the x-ingested-at header, and each hop\'s on the way', () => {
      const elapsed = (Date.now() - startedAt) / 1000;
      for (const { service, output } of STAGES) {
        const labels = { topic: output };
        expect(valueOf(scraped[service], 'newswire_pipeline_latency_seconds_count', labels)).toBe(1);
        const latency = valueOf(scraped[service], 'newswire_pipeline_latency_seconds_sum', labels);
        expect(latency).toBeGreaterThan(0);
        expect(latency).toBeLessThanOrEqual(elapsed);
      }
      const e2e = valueOf(scraped['storage'], 'newswire_pipeline_latency_seconds_sum', { topic: TOPICS.articleStored });
      expect(e2e).toBeGreaterThanOrEqual(valueOf(scraped['deduplicator'], 'newswire_pipeline_latency_seconds_sum', { topic: TOPICS.articleDeduplicated }));
    });

    it('counts stories per source and when each was last seen', () => {
      const source = 'obswire';
      expect(sourceOfStoryKey(stored.value.storyKey)).toBe(source);
      expect(valueOf(scraped['ingester'], 'newswire_source_stories_total', { source })).toBe(1);
      const lastSeen = valueOf(scraped['ingester'], 'newswire_source_last_seen_timestamp_seconds', { source });
      expect(lastSeen).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000));
      expect(lastSeen).toBeLessThanOrEqual(Date.now() / 1000);
    });

    it('counts HTTP requests and their latency by route template, method and status', () => {
      const ingester = scraped['ingester'];
      expect(valueOf(ingester, 'newswire_http_requests_total', { route: '/v1/articles', method: 'POST', status: '202' })).toBe(1);
      expect(valueOf(ingester, 'newswire_http_requests_total', { route: '/v1/articles', method: 'POST', status: '415' })).toBe(1);
      expect(valueOf(ingester, 'newswire_http_request_duration_seconds_count', { route: '/v1/articles', method: 'POST', status: '202' })).toBe(1);
      expect(valueOf(ingester, 'newswire_http_request_duration_seconds_sum', { route: '/v1/articles', method: 'POST', status: '202' })).toBeGreaterThan(0);
      // The path's id never becomes a label: the template does.
      expect(valueOf(scraped['api'], 'newswire_http_requests_total', { route: '/v1/articles/:id', method: 'GET', status: '200' })).toBe(1);
      expect(seriesOf(scraped['api'], 'newswire_http_requests_total').filter((s) => s.labels['route'].includes(accepted.id))).toEqual([]);
    });

    it('exports readiness per check and the current outage length', () => {
      for (const { service } of STAGES) {
        const ready = seriesOf(scraped[service], 'newswire_ready');
        expect(Object.fromEntries(ready.map((s) => [s.labels['check'], s.value]))).toEqual(
          service === 'enricher' ? { consumer: 1, broker: 1 } : { consumer: 1, broker: 1, store: 1 },
        );
        expect(valueOf(scraped[service], 'newswire_dependency_outage_seconds', { stage: service })).toBe(0);
      }
      expect(Object.fromEntries(seriesOf(scraped['ingester'], 'newswire_ready').map((s) => [s.labels['check'], s.value]))).toEqual({ broker: 1, publishing: 1 });
      expect(valueOf(scraped['api'], 'newswire_ready', { check: 'store' })).toBe(1);
    });
  });
});
