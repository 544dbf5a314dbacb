/**
 * A TCP proxy (node:net) between clients and a server (the fault suite's broker, a test's store), with a
 * controllable one-way latency and two ways to cut the link:
 * - 'blackhole': connections stay open but nothing gets through (a pulled
 *   cable, a dropped route: the peer learns only from its own timeouts);
 * - 'reset': every connection is destroyed and new ones are refused at once.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

type CutMode = 'blackhole' | 'reset';

export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private latencyMs = 0;
  private cut: CutMode | undefined;
  connections = 0;

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  start(): Promise<this> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve(this));
    });
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  cutLink(mode: CutMode): void {
    this.cut = mode;
    if (mode === 'reset') for (const s of this.sockets) s.resetAndDestroy();
  }

  restore(): void {
    this.cut = undefined;
    // Blackholed connections carried nothing for a while: the clients have given up on them.
    for (const s of this.sockets) s.resetAndDestroy();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.cut === 'reset') {
      client.resetAndDestroy();
      return;
    }
    this.connections += 1;
    const upstream = createConnection(this.target);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined); // resets are the point here
    }
    this.pipe(client, upstream);
    this.pipe(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Forwards chunks in order, each held for the latency in force when it arrived; drops them while cut. */
  private pipe(from: Socket, to: Socket): void {
    const queue: { due: number; chunk: Buffer }[] = [];
    let timer: NodeJS.Timeout | undefined;
    const drain = () => {
      timer = undefined;
      while (queue.length && queue[0].due <= Date.now()) {
        const { chunk } = queue.shift() as { chunk: Buffer };
        if (!this.cut && !to.destroyed) to.write(chunk);
      }
      if (queue.length) timer = setTimeout(drain, queue[0].due - Date.now());
    };
    from.on('data', (chunk: Buffer) => {
      if (this.cut) return;
      if (this.latencyMs === 0 && queue.length === 0) {
        to.write(chunk);
        return;
      }
      queue.push({ due: Date.now() + this.latencyMs, chunk });
      timer ??= setTimeout(drain, this.latencyMs);
    });
  }
}
