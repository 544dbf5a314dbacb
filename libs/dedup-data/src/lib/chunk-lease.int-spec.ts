import { connectMongo } from '@newswire/mongo';
import { testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { ChunkLease, type LeaseDoc } from './chunk-lease';
import { collection } from './collections';

describe('ChunkLease on the real store', () => {
  let db: Connection;

  beforeAll(async () => {
    db = await connectMongo(testEnv('chunk-lease')['MONGODB_URI']);
  });

  afterAll(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('lets the next caller of the instance go ahead when the one before it does not settle', async () => {
    const lease = new ChunkLease(collection<LeaseDoc>(db, 'leases'), { ttlMs: 5_000, pollMs: 5 });
    let unstick: () => void = () => undefined;
    // A holder whose store call is not answered (until the test ends).
    const stuck = lease.hold(() => new Promise<void>((resolve) => (unstick = resolve)), 200);
    try {
      expect(await lease.hold(async () => 'ran', 200)).toBe('ran');
    } finally {
      unstick();
      await stuck;
    }
  });
});
