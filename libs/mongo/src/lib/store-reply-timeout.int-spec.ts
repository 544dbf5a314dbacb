import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { askUntil, testEnv } from '@newswire/testing';
import { connectMongo } from './mongo';
import { isStoreUnavailable } from './store-health';

/**
 * A TCP path to the real store that can go silent: connections stay open and
 * nothing gets through, as when a store host or container vanishes without
 * closing its sockets. Closing the gap resets what went silent.
 */
class SilenceableLink {
  private readonly sockets = new Set<Socket>();
  private silent = false;
  private server: Server | undefined;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('data', (chunk: Buffer) => void (this.silent || upstream.write(chunk)));
      upstream.on('data', (chunk: Buffer) => void (this.silent || client.write(chunk)));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  }

  goSilent(): void {
    this.silent = true;
  }

  speakAgain(): void {
    this.silent = false;
    for (const s of this.sockets) s.resetAndDestroy();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('STORE_REPLY_TIMEOUT_MS, over a link to the real store that goes silent', () => {
  it('fails a command whose reply never comes as a store outage, and the connection works again once the link does', async () => {
    const storeUri = new URL(testEnv('store-reply')['MONGODB_URI']);
    const link = new SilenceableLink({ host: storeUri.hostname, port: Number(storeUri.port || 27017) });
    const viaLink = new URL(storeUri.href);
    viaLink.host = `127.0.0.1:${await link.start()}`;
    viaLink.searchParams.set('directConnection', 'true');
    const connection = await connectMongo(viaLink.href, { replyTimeoutMs: 500 });
    try {
      const stories = connection.collection<{ _id: string }>(`reply_${Date.now()}`);
      await stories.insertOne({ _id: 'before' });

      link.goSilent();
      // Without the bound this find waits forever (the test would time out instead of failing here).
      const err = await stories.findOne({ _id: 'before' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeDefined();
      expect(isStoreUnavailable(err)).toBe(true);

      link.speakAgain();
      const found = await askUntil(
        'the store answers again',
        () => stories.findOne({ _id: 'before' }).catch(() => null),
        (doc) => doc !== null,
      );
      expect(found?._id).toBe('before');
      await stories.drop();
    } finally {
      await connection.close(true);
      await link.stop();
    }
  }, 20_000);
});
