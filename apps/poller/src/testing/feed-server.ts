import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fixture server saw, and how it answered. */
export interface Served {
  path: string;
  status: number;
  conditional: boolean;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A real HTTP server for the poller's tests: routes by path, records every
 * request with its answer, tracks how many requests per path are in flight
 * at once, and lets a test wait for what it expects to have been served.
 * Test support only (not bundled: nothing in the app imports it).
 */
export class FeedServer {
  readonly served: Served[] = [];
  readonly maxInFlight = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private waiters: { done: (s: Served[]) => boolean; resolve: () => void }[] = [];
  private server: Server | undefined;
  url = '';

  constructor(private readonly routes: Record<string, Route>) {}

  async start(host: string): Promise<this> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const now = (this.inFlight.get(path) ?? 0) + 1;
      this.inFlight.set(path, now);
      this.maxInFlight.set(path, Math.max(now, this.maxInFlight.get(path) ?? 0));
      let recorded = false;
      const record = () => {
        if (recorded) return;
        recorded = true;
        this.inFlight.set(path, (this.inFlight.get(path) ?? 1) - 1);
        this.served.push({ path, status: res.headersSent ? res.statusCode : 0, conditional: Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']) });
        const ready = this.waiters.filter((w) => w.done(this.served));
        this.waiters = this.waiters.filter((w) => !ready.includes(w));
        ready.forEach((w) => w.resolve());
      };
      res.on('finish', record);
      res.on('close', record);
      (this.routes[path] ?? ((_q: IncomingMessage, r: ServerResponse) => r.writeHead(404).end()))(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves once `done` holds over everything served so far. */
  waitFor(what: string, done: (served: Served[]) => boolean, timeoutMs = 60_000): Promise<void> {
    if (done(this.served)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; served ${JSON.stringify(this.served.slice(-20))}`)), timeoutMs);
      this.waiters.push({ done, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  count(path: string, filter: (s: Served) => boolean = () => true): number {
    return this.served.filter((s) => s.path === path && filter(s)).length;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
