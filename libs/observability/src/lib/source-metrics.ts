import type { Counter, Gauge } from 'prom-client';
import type { ServiceMetrics } from './metrics';

/** Past this many distinct sources, new names are counted as `other`: unsigned bodies name whatever they like. */
export const MAX_SOURCE_SERIES = 1000;
export const OTHER_SOURCE = 'other';
/** Stories whose body names no provider or publisher, sent unsigned (development mode only). */
export const UNKNOWN_SOURCE = 'unknown';

/** Stories accepted per source and when each was last heard from (`newswire_source_*`). */
export class SourceMetrics {
  private readonly series = new Map<string, { stories: Counter.Internal; lastSeen: Gauge.Internal<string> }>();

  constructor(private readonly metrics: ServiceMetrics) {}

  accepted(source: string, at = Date.now()): void {
    const name = this.series.has(source) || this.series.size < MAX_SOURCE_SERIES ? source : OTHER_SOURCE;
    let series = this.series.get(name);
    if (!series) {
      series = { stories: this.metrics.sourceStories.labels(name), lastSeen: this.metrics.sourceLastSeen.labels(name) };
      this.series.set(name, series);
    }
    series.stories.inc();
    series.lastSeen.set(at / 1000);
  }
}
