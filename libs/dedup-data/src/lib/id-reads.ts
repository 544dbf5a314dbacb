import type { Connection, mongo } from 'mongoose';

/** A store that could not push `$in` down may be asked again after this long (the collection may not have existed yet). */
const REPROBE_MS = 60_000;
/** Ids per `$in`: the project's FerretDB build pushes down at most 1,000 and scans the collection beyond that. */
export const IDS_PER_READ = 500;

/**
 * Reads documents by `_id`, many at once, the cheapest way the server
 * allows: MongoDB answers `{_id: {$in}}` from its index in one round trip,
 * and so does the project's FerretDB build (tools/infra/local-stack.mjs
 * pushes `_id: {$in}` down to the `_id` index). Stock FerretDB 1.x serves
 * only `_id` equality from its index and scans the whole collection for
 * `$in` (17 ms per key at 20k documents, measured), so there each id is one
 * indexed `find`, sent in parallel. Which one a store is, its own explain
 * says (`filterPushdown`), per collection.
 */
export class IdReader {
  private ferret: Promise<boolean> | undefined;
  /** Per collection: `$in` pushed down (true), or not as of that time (a number). */
  private readonly inPushdown = new Map<string, true | number>();

  constructor(private readonly connection: Connection) {}

  async read<T extends { _id: string }>(col: mongo.Collection<T>, ids: readonly string[]): Promise<Map<string, T>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const docs = unique.length > 1 && !(await this.readsInAtOnce(col))
      ? (await Promise.all(unique.map((id) => col.findOne({ _id: id } as mongo.Filter<T>)))).filter((d) => d !== null)
      : (await Promise.all(slices(unique, IDS_PER_READ).map((slice) => col.find({ _id: { $in: slice } } as mongo.Filter<T>).toArray()))).flat();
    return new Map(docs.map((d) => [d._id, d as T]));
  }

  /** `{_id: {$in}}` is served by the `_id` index: MongoDB always; FerretDB when its explain says it pushes the filter down. */
  private async readsInAtOnce<T extends { _id: string }>(col: mongo.Collection<T>): Promise<boolean> {
    if (!(await this.isFerret())) return true;
    const known = this.inPushdown.get(col.collectionName);
    if (known === true) return true;
    if (known !== undefined && Date.now() - known < REPROBE_MS) return false;
    const explained = await col.find({ _id: { $in: ['newswire-probe-1', 'newswire-probe-2'] } } as mongo.Filter<T>).explain();
    const pushed = (explained as { filterPushdown?: unknown }).filterPushdown === true;
    this.inPushdown.set(col.collectionName, pushed ? true : Date.now());
    return pushed;
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

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
