import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixKafkajsIdleTimer, KAFKAJS_IDLE_TIMER_FIXED_IN } from './kafkajs-idle-timer';

interface Queue {
  pending: unknown[];
  inflight: Map<number, unknown>;
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  maybeThrottle(ms: number): void;
  push(request: QueuedRequest): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  destroy(): void;
}
interface QueuedRequest {
  entry: { correlationId: number; apiKey: number; apiName: string; apiVersion: number; resolve: () => void; reject: () => void };
  expectResponse: boolean;
  sendRequest: () => void;
}
type QueueClass = new (options: Record<string, unknown>) => Queue;

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const RequestQueue = require('kafkajs/src/network/requestQueue') as QueueClass & { prototype: Queue };
const original = RequestQueue.prototype.scheduleCheckPendingRequests;
const queue = (maxInFlightRequests = 1) => new RequestQueue({ maxInFlightRequests, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'spec', broker: 'localhost:9092', logger: silent });
const request = (correlationId: number, sent: number[]): QueuedRequest => ({
  entry: { correlationId, apiKey: 1, apiName: 'Fetch', apiVersion: 11, resolve: () => undefined, reject: () => undefined },
  expectResponse: true,
  sendRequest: () => sent.push(correlationId),
});

describe("kafkajs' idle timer loop (kafkajs#1556)", () => {
  afterEach(() => jest.useRealTimers());

  it('is fixed in the kafkajs release the project pins; an upgrade must check #1556 again', () => {
    const pinned = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')).dependencies.kafkajs;
    expect(pinned).toBe(KAFKAJS_IDLE_TIMER_FIXED_IN);
    expect(fixKafkajsIdleTimer()).toBe(true);
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).not.toBe(original);
  });

  it("unfixed, a queue with nothing waiting keeps rescheduling its check (the loop this removes)", () => {
    const q = queue();
    original.call(q);
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    q.destroy();
  });

  it('fixed, a queue with nothing waiting schedules nothing, after a request completes too', () => {
    fixKafkajsIdleTimer();
    const sent: number[] = [];
    const q = queue();
    q.push(request(1, sent));
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1]);
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('fixed, a request held by a client-side throttle is sent when the throttle ends', () => {
    fixKafkajsIdleTimer();
    jest.useFakeTimers({ now: 1_000_000 });
    const sent: number[] = [];
    const q = queue(5);
    q.maybeThrottle(200);
    q.push(request(7, sent));
    expect(sent).toEqual([]);
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    jest.advanceTimersByTime(199);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([7]);
    q.fulfillRequest({ correlationId: 7, payload: Buffer.alloc(0), size: 0 });
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('fixed, a request waiting for an in-flight slot goes when the slot frees', () => {
    fixKafkajsIdleTimer();
    const sent: number[] = [];
    const q = queue(1);
    q.push(request(1, sent));
    q.push(request(2, sent));
    expect(sent).toEqual([1]);
    q.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1, 2]);
    q.fulfillRequest({ correlationId: 2, payload: Buffer.alloc(0), size: 0 });
    expect(q.pending).toEqual([]);
    q.destroy();
  });
});
