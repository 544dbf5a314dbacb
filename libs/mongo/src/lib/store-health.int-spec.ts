import { createServer } from 'node:net';
import mongoose from 'mongoose';
import { testEnv } from '@newswire/testing';
import { connectMongo } from './mongo';
import { isStoreUnavailable, StoreProbe } from './store-health';
import { freshStorePing } from './store-wedge';

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('store outage classification, on real drivers', () => {
  it('calls a store that cannot be reached unavailable, and a bad request not', async () => {
    const port = await closedPort();
    const down = mongoose.createConnection(`mongodb://127.0.0.1:${port}/x`, { serverSelectionTimeoutMS: 300, bufferCommands: false });
    const err = await down.asPromise().then(
      () => undefined,
      (e: unknown) => e,
    );
    await down.close().catch(() => undefined);
    expect(err).toBeDefined();
    expect(isStoreUnavailable(err)).toBe(true);

    const up = await connectMongo(testEnv('store-health')['MONGODB_URI']);
    try {
      const bad = await up
        .collection('x')
        .insertOne({ $bad: 1 } as never)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(bad).toBeDefined();
      expect(isStoreUnavailable(bad)).toBe(false);
    } finally {
      await up.close();
    }
  });

  it('reports a reachable store, and an unreachable one once its connection is gone', async () => {
    const connection = await connectMongo(testEnv('store-probe')['MONGODB_URI']);
    const probe = new StoreProbe(connection, 60_000);
    await probe.start();
    try {
      expect(probe.reachable).toBe(true);
      expect(probe.downSince).toBeUndefined();
      await connection.close();
      const before = Date.now();
      expect(await probe.check()).toBe(false);
      expect(probe.reachable).toBe(false);
      const since = probe.downSince;
      expect(since).toBeGreaterThanOrEqual(before);
      // A second failed ping keeps the start of the outage.
      expect(await probe.check()).toBe(false);
      expect(probe.downSince).toBe(since);
    } finally {
      probe.stop();
    }
  });

  it('pings with a client of its own: yes for the running store, no for a port nothing listens on', async () => {
    expect(await freshStorePing(testEnv('fresh-ping')['MONGODB_URI'])).toBe(true);
    expect(await freshStorePing(`mongodb://127.0.0.1:${await closedPort()}/x`, 300)).toBe(false);
  });
});
