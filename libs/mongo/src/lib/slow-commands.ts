import type { mongo } from 'mongoose';

type CommandStartedEvent = mongo.CommandStartedEvent;
type CommandSucceededEvent = mongo.CommandSucceededEvent;
type CommandFailedEvent = mongo.CommandFailedEvent;

/** Commands that are the driver's own housekeeping, not the service's work. */
const HOUSEKEEPING = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'saslStart', 'saslContinue', 'endSessions', 'buildInfo', 'getMore', 'killCursors']);

export interface SlowCommand {
  command: string;
  collection: string;
  ms: number;
  /** The filter's field names (and operators), never its values: a log line must not carry story text. */
  shape: string;
  failed: boolean;
}

/**
 * What a command asked, without its values: `{storyKey,$or:[{a},{b}]}`.
 * Nested operator documents keep their keys so `{x:{$in}}` and `{x}` differ.
 */
export function shapeOf(value: unknown, depth = 0): string {
  if (depth > 3) return '…';
  if (Array.isArray(value)) return value.length && typeof value[0] === 'object' && value[0] !== null ? `[${shapeOf(value[0], depth + 1)}${value.length > 1 ? ',…' : ''}]` : '';
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value) || (value as { _bsontype?: string })._bsontype) return '';
  const keys = Object.keys(value as object);
  return `{${keys.map((k) => k + shapeOf((value as Record<string, unknown>)[k], depth + 1)).join(',')}}`;
}

/** The part of a command that says what it selects: a filter, the first update's or delete's query, or a pipeline's first stage. */
function selectorOf(body: Record<string, unknown>): unknown {
  if (body['filter'] !== undefined) return body['filter'];
  if (body['query'] !== undefined) return body['query'];
  if (Array.isArray(body['updates'])) return (body['updates'][0] as { q?: unknown } | undefined)?.q;
  if (Array.isArray(body['deletes'])) return (body['deletes'][0] as { q?: unknown } | undefined)?.q;
  if (Array.isArray(body['pipeline'])) return body['pipeline'][0];
  return undefined;
}

/**
 * Reports every store command slower than `slowMs` (MongoDB's own slow-query
 * log, on the client side, so it works on FerretDB too, which has none): the
 * first sign that a query the code thought indexed scans a growing collection.
 * The client must have been made with `monitorCommands: true`.
 */
export function watchSlowCommands(client: mongo.MongoClient, slowMs: number, report: (slow: SlowCommand) => void): () => void {
  const started = new Map<number, { command: string; collection: string; shape: string }>();
  const onStart = (e: CommandStartedEvent) => {
    if (HOUSEKEEPING.has(e.commandName)) return;
    const body = e.command as Record<string, unknown>;
    const collection = typeof body[e.commandName] === 'string' ? (body[e.commandName] as string) : '';
    started.set(e.requestId, { command: e.commandName, collection, shape: shapeOf(selectorOf(body)) });
  };
  const onEnd = (e: CommandSucceededEvent | CommandFailedEvent, failed: boolean) => {
    const begun = started.get(e.requestId);
    if (!begun) return;
    started.delete(e.requestId);
    if (e.duration >= slowMs) report({ ...begun, ms: e.duration, failed });
  };
  const onSucceeded = (e: CommandSucceededEvent) => onEnd(e, false);
  const onFailed = (e: CommandFailedEvent) => onEnd(e, true);
  client.on('commandStarted', onStart);
  client.on('commandSucceeded', onSucceeded);
  client.on('commandFailed', onFailed);
  return () => {
    client.off('commandStarted', onStart);
    client.off('commandSucceeded', onSucceeded);
    client.off('commandFailed', onFailed);
    started.clear();
  };
}
