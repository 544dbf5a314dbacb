import { askUntil, freePort, TcpProxy, testEnv } from '@newswire/testing';
import { connectMongo } from './mongo';
import { isStoreUnavailable } from './store-health';

describe('STORE_REPLY_TIMEOUT_MS, over a link to the real store that goes silent', () => {
  it('fails a command whose reply never comes as a store outage, and the connection works again once the link does', async () => {
    const storeUri = new URL(testEnv('store-reply')['MONGODB_URI']);
    // A link that goes silent: connections stay open and nothing gets through, as when a store host or
    // container vanishes without closing its sockets; restoring it resets what went silent.
    const link = await new TcpProxy(await freePort(), { host: storeUri.hostname, port: Number(storeUri.port || 27017) }).start();
    const viaLink = new URL(storeUri.href);
    viaLink.host = `127.0.0.1:${link.port}`;
    viaLink.searchParams.set('directConnection', 'true');
    const connection = await connectMongo(viaLink.href, { replyTimeoutMs: 500 });
    try {
      const stories = connection.collection<{ _id: string }>(`reply_${Date.now()}`);
      await stories.insertOne({ _id: 'before' });

      link.cutLink('blackhole');
      // Without the bound this find waits forever (the test would time out instead of failing here).
      const err = await stories.findOne({ _id: 'before' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeDefined();
      expect(isStoreUnavailable(err)).toBe(true);

      link.restore();
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
