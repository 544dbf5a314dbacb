import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';

type AsyncMethod = (...args: never[]) => Promise<unknown>;
type AsyncMethodNames<T> = { [K in keyof T]: T[K] extends AsyncMethod ? K : never }[keyof T] & string;

/**
 * Gives each listed method of a store object (a repository) a CLIENT span
 * per call, `<component>.<method>`, child of whatever span is active (the
 * message or the request), so a slow store call shows in the trace.
 * Wraps the object's own public methods: no global driver patching, which
 * would have to know mongoose 8 and FerretDB.
 */
export function withStoreSpans<T extends object>(target: T, tracer: Tracer | undefined, component: string, methods: readonly AsyncMethodNames<T>[]): T {
  if (!tracer) return target;
  const self = target as Record<string, AsyncMethod>;
  for (const name of methods) {
    const original = self[name].bind(target);
    const spanName = `${component}.${name}`;
    self[name] = ((...args: never[]) =>
      tracer.startActiveSpan(spanName, { kind: SpanKind.CLIENT, attributes: { 'db.system': 'mongodb' } }, async (span) => {
        try {
          return await original(...args);
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name });
          throw err;
        } finally {
          span.end();
        }
      })) as AsyncMethod;
  }
  return target;
}
