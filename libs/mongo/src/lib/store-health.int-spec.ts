import { createServer } from 'node:net';
import mongoose from 'mongoose';
import { testEnv } from '@newswire/testing';
import { connectMongo } from './mongo';
import { isStoreUnavailable, StoreProbe } from './store-health';

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
      await connection.close();
      expect(await probe.check()).toBe(false);
      expect(probe.reachable).toBe(false);
    } finally {
      probe.stop();
    }
  });
});
