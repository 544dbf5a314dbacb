import type { Connection } from 'mongoose';

export interface StoreCapabilities {
  server: 'ferretdb' | 'mongodb';
  /** A `text` index and `$text` queries; FerretDB 1.x has neither. */
  textSearch: boolean;
  /**
   * The storage keeps the list index (collection `article_index`) beside the archive: FerretDB
   * answers only `_id` conditions from an index, so filtered lists read postings keyed by `_id`.
   * MongoDB has secondary indexes instead.
   */
  listIndex: boolean;
}

/**
 * FerretDB answers buildInfo like MongoDB 7 but adds its own fields
 * (`ferretdbVersion`, `ferretdbFeatures`; older releases `ferretdb`), which
 * is the reliable tell: the version number alone is not.
 */
export function capabilitiesFromBuildInfo(info: Record<string, unknown>): StoreCapabilities {
  const ferret = Object.keys(info).some((k) => k.toLowerCase().startsWith('ferretdb'));
  return ferret ? { server: 'ferretdb', textSearch: false, listIndex: true } : { server: 'mongodb', textSearch: true, listIndex: false };
}

export async function detectCapabilities(connection: Connection): Promise<StoreCapabilities> {
  const info = await connection.getClient().db().admin().command({ buildInfo: 1 });
  return capabilitiesFromBuildInfo(info);
}
