import type { Connection, mongo } from 'mongoose';

/**
 * Reads documents by `_id`, many at once, the cheapest way the server
 * allows: MongoDB answers `{_id: {$in}}` from its index in one round trip;
 * FerretDB 1.x serves only `_id` equality from its index and scans the whole
 * collection for `$in` (17 ms per key at 20k documents, measured), so there
 * each id is one indexed `find`, sent in parallel. Callers read only what
 * an insert could not settle, so these batches stay small.
 */
export class IdReader {
  private ferret: Promise<boolean> | undefined;

  constructor(private readonly connection: Connection) {}

  async read<T extends { _id: string }>(col: mongo.Collection<T>, ids: readonly string[]): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const docs = (await this.isFerret())
      ? (await Promise.all(unique.map((id) => col.findOne({ _id: id } as mongo.Filter<T>)))).filter((d) => d !== null)
      : await col.find({ _id: { $in: unique } } as mongo.Filter<T>).toArray();
    return new Map(docs.map((d) => [d._id, d as T]));
  }

  /** FerretDB answers buildInfo like MongoDB but adds fields of its own (`ferretdbVersion`, `ferretdbFeatures`). */
  private isFerret(): Promise<boolean> {
    this.ferret ??= (async () => {
      const db = this.connection.db;
      if (!db) throw new Error('dedup store: the connection is not open');
      const info = await db.admin().command({ buildInfo: 1 });
      return Object.keys(info).some((k) => k.toLowerCase().startsWith('ferretdb'));
    })().catch((err: unknown) => {
      this.ferret = undefined;
      throw err;
    });
    return this.ferret;
  }
}
