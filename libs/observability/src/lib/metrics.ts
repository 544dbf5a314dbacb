import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Buckets fixed by deploy/observability/METRICS.md (the dashboard and alerts read them). */
export const BUCKETS = {
  processing: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  latency: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  http: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
} as const;

export const METRIC_PREFIX = 'newswire_';

type StageLabels = 'stage' | 'topic';

/**
 * One Prometheus registry per service, every series labelled with the
 * service's name. Families are created on first use, so a service exposes
 * only the ones it feeds; names and labels are the contract in
 * deploy/observability/METRICS.md. Several services may run in one process
 * (the integration tests do): each has its own registry.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly families = new Map<string, unknown>();

  constructor(
    readonly service: string,
    { processMetrics = true }: { processMetrics?: boolean } = {},
  ) {
    this.registry.setDefaultLabels({ service });
    if (processMetrics) collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  get consumed(): Counter<StageLabels> {
    return this.family('messages_consumed_total', () => new Counter({ ...this.base('messages_consumed_total', 'Records read and handled, dead-lettered ones included'), labelNames: ['stage', 'topic'] }));
  }

  get produced(): Counter<StageLabels> {
    return this.family('messages_produced_total', () => new Counter({ ...this.base('messages_produced_total', 'Output records acknowledged by the broker (not dead letters)'), labelNames: ['stage', 'topic'] }));
  }

  get retried(): Counter<StageLabels | 'kind'> {
    return this.family('messages_retried_total', () => new Counter({ ...this.base('messages_retried_total', 'Retries: kind=error (bounded) or outage (waited out)'), labelNames: ['stage', 'topic', 'kind'] }));
  }

  get deadLettered(): Counter<StageLabels | 'error_type'> {
    return this.family(
      'messages_dead_lettered_total',
      () => new Counter({ ...this.base('messages_dead_lettered_total', 'Records sent to <topic>.dlq, by error class'), labelNames: ['stage', 'topic', 'error_type'] }),
    );
  }

  get processing(): Histogram<StageLabels> {
    return this.family(
      'stage_processing_seconds',
      () =>
        new Histogram({
          ...this.base('stage_processing_seconds', 'Handler time per message (a chunk divided over its messages)'),
          labelNames: ['stage', 'topic'],
          buckets: [...BUCKETS.processing],
        }),
    );
  }

  get lag(): Gauge<StageLabels | 'partition'> {
    return this.family(
      'consumer_lag',
      () => new Gauge({ ...this.base('consumer_lag', 'High watermark minus the next offset to read, per partition'), labelNames: ['stage', 'topic', 'partition'], aggregator: 'sum' }),
    );
  }

  get pipelineLatency(): Histogram<'topic'> {
    return this.family(
      'pipeline_latency_seconds',
      () =>
        new Histogram({
          ...this.base('pipeline_latency_seconds', 'From x-ingested-at to the output being acknowledged, per output topic'),
          labelNames: ['topic'],
          buckets: [...BUCKETS.latency],
        }),
    );
  }

  get sourceStories(): Counter<'source'> {
    return this.family('source_stories_total', () => new Counter({ ...this.base('source_stories_total', 'Stories accepted per source'), labelNames: ['source'] }));
  }

  get sourceLastSeen(): Gauge<'source'> {
    return this.family(
      'source_last_seen_timestamp_seconds',
      () => new Gauge({ ...this.base('source_last_seen_timestamp_seconds', 'When the source last sent an accepted story (unix seconds)'), labelNames: ['source'], aggregator: 'max' }),
    );
  }

  get feedPolls(): Counter<'source' | 'outcome'> {
    return this.family(
      'feed_polls_total',
      () => new Counter({ ...this.base('feed_polls_total', 'Polls of pulled feeds per source, by outcome (published, unchanged, not_modified, or the failure code)'), labelNames: ['source', 'outcome'] }),
    );
  }

  get feedLastSuccess(): Gauge<'source'> {
    return this.family(
      'feed_last_success_timestamp_seconds',
      () => new Gauge({ ...this.base('feed_last_success_timestamp_seconds', 'When a pulled feed last answered a poll (200 or 304, unix seconds)'), labelNames: ['source'], aggregator: 'max' }),
    );
  }

  get dropFiles(): Counter<'source' | 'outcome'> {
    return this.family(
      'drop_files_total',
      () =>
        new Counter({
          ...this.base('drop_files_total', 'Drop-folder files per source, by outcome (taken, processed, failed, publish_failed: left in place and retried)'),
          labelNames: ['source', 'outcome'],
        }),
    );
  }

  get dropFolderErrors(): Counter<'source'> {
    return this.family('drop_folder_errors_total', () => new Counter({ ...this.base('drop_folder_errors_total', 'Scans of a drop folder that could not read or file into it'), labelNames: ['source'] }));
  }

  get sourceHealth(): Gauge<'source' | 'status'> {
    return this.family(
      'source_health_status',
      () =>
        new Gauge({
          ...this.base('source_health_status', "1 for the source's current feed-health status (ok, silent, off-baseline, gaps, failing, unknown), 0 for the others"),
          labelNames: ['source', 'status'],
          aggregator: 'max',
        }),
    );
  }

  get sourceSilence(): Gauge<'source'> {
    return this.family(
      'source_silence_seconds',
      () => new Gauge({ ...this.base('source_silence_seconds', 'Seconds since the source last sent a story (since it was first watched, if never), as of the last feed-health evaluation'), labelNames: ['source'], aggregator: 'max' }),
    );
  }

  get embargoes(): Counter<'action'> {
    return this.family(
      'embargo_actions_total',
      () => new Counter({ ...this.base('embargo_actions_total', 'Embargo actions of the storage stage: hold, change, lift (by a new version) and release'), labelNames: ['action'] }),
    );
  }

  get embargoesDue(): Gauge {
    return this.family('embargo_due', () => new Gauge({ ...this.base('embargo_due', 'Held stories whose embargo time has passed and that await release (the last release round)'), aggregator: 'max' }));
  }

  get httpRequests(): Counter<'route' | 'method' | 'status'> {
    return this.family(
      'http_requests_total',
      () => new Counter({ ...this.base('http_requests_total', 'HTTP requests by route template'), labelNames: ['route', 'method', 'status'] }),
    );
  }

  get httpDuration(): Histogram<'route' | 'method' | 'status'> {
    return this.family(
      'http_request_duration_seconds',
      () =>
        new Histogram({
          ...this.base('http_request_duration_seconds', 'HTTP latency by route template'),
          labelNames: ['route', 'method', 'status'],
          buckets: [...BUCKETS.http],
        }),
    );
  }

  /** Readiness is evaluated when scraped: `collect` sets each check's value. */
  readyGauge(collect: (gauge: Gauge<'check'>) => Promise<void> | void): Gauge<'check'> {
    return this.family(
      'ready',
      () =>
        new Gauge({
          ...this.base('ready', '1 when the readiness check passes, else 0'),
          labelNames: ['check'],
          // Across cluster workers a check passes only if it passes in every one.
          aggregator: 'min',
          collect() {
            return collect(this);
          },
        }),
    );
  }

  /** How long the current outage has lasted, read from the stage when scraped. */
  outageGauge(stage: string, since: () => number | undefined): Gauge<'stage'> {
    return this.family(
      'dependency_outage_seconds',
      () =>
        new Gauge({
          ...this.base('dependency_outage_seconds', 'How long the current outage of a dependency (broker, store) has lasted; 0 when none'),
          labelNames: ['stage'],
          aggregator: 'max',
          collect() {
            const start = since();
            this.set({ stage }, start === undefined ? 0 : (Date.now() - start) / 1000);
          },
        }),
    );
  }

  /** The Prometheus text exposition. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private base(name: string, help: string) {
    return { name: `${METRIC_PREFIX}${name}`, help, registers: [this.registry] };
  }

  private family<T>(name: string, create: () => T): T {
    let family = this.families.get(name) as T | undefined;
    if (family === undefined) {
      family = create();
      this.families.set(name, family);
    }
    return family;
  }
}
