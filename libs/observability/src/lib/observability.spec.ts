import { Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { Readiness, terminusBody } from './health';
import { ServiceLogger } from './logger';
import { ServiceMetrics } from './metrics';
import { inStoryScope } from './story-context';
import { traceExportUrl, TelemetryEnv } from './telemetry';
import { Tracing } from './tracing';

/** The lines a logger writes to stdout while `fn` runs. */
function linesOf(fn: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return written.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('ServiceLogger', () => {
  it('writes one JSON line with service, level and message, and the story scope on lines about a story', () => {
    const logger = new ServiceLogger('storage', { level: 'debug' });
    const [plain, scoped] = linesOf(() => {
      logger.log('started', 'storage');
      inStoryScope({ articleId: 'a-1', storyKey: 'wire|urn:1', source: 'wire', traceId: 'f'.repeat(32) }, () => logger.debug('handled', 'storage:consumer'));
    });
    expect(plain).toMatchObject({ level: 'info', service: 'storage', context: 'storage', message: 'started', time: expect.any(String) });
    expect(plain).not.toHaveProperty('articleId');
    expect(scoped).toMatchObject({ level: 'debug', service: 'storage', context: 'storage:consumer', message: 'handled', articleId: 'a-1', storyKey: 'wire|urn:1', source: 'wire', traceId: 'f'.repeat(32) });
  });

  it('keeps to LOG_LEVEL: at warn, info and debug lines are not written', () => {
    const logger = new ServiceLogger('api', { level: 'warn' });
    const lines = linesOf(() => {
      logger.debug('no');
      logger.log('no');
      logger.warn('yes');
      logger.error('also');
    });
    expect(lines.map((l) => [l['level'], l['message']])).toEqual([
      ['warn', 'yes'],
      ['error', 'also'],
    ]);
  });

  it('names the trace of the active span when no story scope does', () => {
    const tracing = new Tracing('api', { processors: [] });
    const logger = new ServiceLogger('api');
    Logger.overrideLogger(logger);
    const [line] = linesOf(() => tracing.tracer.startActiveSpan('inner', (inner) => {
      new Logger('x').log('inside');
      inner.end();
    }));
    expect(line['traceId']).toMatch(/^[\da-f]{32}$/);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});

describe('trace export configuration', () => {
  const config = (env: Record<string, string>) => TelemetryEnv.parse(env);

  it('is off by default and on with an endpoint', () => {
    expect(traceExportUrl(config({}))).toBeUndefined();
    expect(traceExportUrl(config({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }))).toBe('http://collector:4318/v1/traces');
    expect(traceExportUrl(config({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' }))).toBe('http://c:4318/custom');
    expect(traceExportUrl(config({ OTEL_TRACES_EXPORTER: 'otlp' }))).toBe('http://localhost:4318/v1/traces');
    expect(traceExportUrl(config({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }))).toBeUndefined();
  });

  it('refuses an endpoint that is not a URL', () => {
    expect(() => config({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow();
  });
});

describe('Readiness', () => {
  it('counts a check that throws as down, and the gauge agrees with the probe', async () => {
    const metrics = new ServiceMetrics('ingester', { processMetrics: false });
    const readiness = new Readiness(metrics)
      .add('broker', () => true)
      .add('store', async () => {
        throw new Error('no');
      });
    const results = await readiness.evaluate();
    expect(Object.fromEntries(results)).toEqual({ broker: true, store: false });
    expect(terminusBody(results)).toEqual({ status: 'error', info: { broker: { status: 'up' } }, error: { store: { status: 'down' } }, details: { broker: { status: 'up' }, store: { status: 'down' } } });
    const { body } = await metrics.render();
    expect(body).toContain('newswire_ready{check="broker",service="ingester"} 1');
    expect(body).toContain('newswire_ready{check="store",service="ingester"} 0');
  });
});
