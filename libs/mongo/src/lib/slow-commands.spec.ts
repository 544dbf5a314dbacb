import { EventEmitter } from 'node:events';
import type { mongo } from 'mongoose';
import { shapeOf, type SlowCommand, watchSlowCommands } from './slow-commands';

describe('shapeOf', () => {
  it('keeps field names and operators, never values', () => {
    const shape = shapeOf({ storyKey: 'secret story text', version: { $gt: 3 }, $or: [{ a: 1 }, { b: 'x' }], at: new Date() });
    expect(shape).toBe('{storyKey,version{$gt},$or[{a},…],at}');
    expect(shape).not.toContain('secret');
  });

  it('stops at a bounded depth', () => {
    expect(shapeOf({ a: { b: { c: { d: { e: 1 } } } } })).toBe('{a{b{c{d…}}}}');
  });
});

describe('watchSlowCommands', () => {
  const events = (client: EventEmitter, requestId: number, command: Record<string, unknown>, name: string, duration: number) => {
    client.emit('commandStarted', { requestId, commandName: name, command });
    client.emit('commandSucceeded', { requestId, commandName: name, duration });
  };

  it('reports commands at or over the threshold with collection and selector shape', () => {
    const client = new EventEmitter();
    const seen: SlowCommand[] = [];
    const stop = watchSlowCommands(client as unknown as mongo.MongoClient, 50, (slow) => seen.push(slow));
    events(client, 1, { find: 'articles', filter: { storyKey: 'k' } }, 'find', 120);
    events(client, 2, { find: 'articles', filter: { _id: 'k' } }, 'find', 3);
    events(client, 3, { update: 'facts', updates: [{ q: { _id: 'x' }, u: {} }] }, 'update', 50);
    events(client, 4, { ping: 1 }, 'ping', 900);
    client.emit('commandStarted', { requestId: 5, commandName: 'insert', command: { insert: 'articles', documents: [] } });
    client.emit('commandFailed', { requestId: 5, commandName: 'insert', duration: 70 });
    expect(seen).toEqual([
      { command: 'find', collection: 'articles', shape: '{storyKey}', ms: 120, failed: false },
      { command: 'update', collection: 'facts', shape: '{_id}', ms: 50, failed: false },
      { command: 'insert', collection: 'articles', shape: '', ms: 70, failed: true },
    ]);
    stop();
    events(client, 6, { find: 'articles', filter: {} }, 'find', 999);
    expect(seen).toHaveLength(3);
    expect(client.listenerCount('commandStarted')).toBe(0);
  });
});
