import type { Message } from 'kafkajs';

/** A record ready for the wire, addressed by physical topic, with its size known once. */
export interface EncodedRecord {
  topic: string;
  message: Message;
  bytes: number;
}

/**
 * Per-record overhead in a v2 record batch (length, attributes, deltas and
 * header counts as varints): at most a few dozen bytes; counted generously.
 */
const RECORD_OVERHEAD = 64;
/** The record batch header and the produce request around it. */
export const BATCH_OVERHEAD = 1024;

function len(v: Buffer | string | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'string' ? Buffer.byteLength(v) : v.length;
}

export function recordBytes(message: Message): number {
  let bytes = RECORD_OVERHEAD + len(message.key) + len(message.value);
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    bytes += Buffer.byteLength(k) + 8;
    if (Array.isArray(v)) for (const x of v) bytes += len(x) + 8;
    else bytes += len(v as Buffer | string | undefined);
  }
  return bytes;
}

/** The most a single record may weigh on a topic whose `max.message.bytes` is `limit`. */
export function recordLimit(limit: number): number {
  return limit - BATCH_OVERHEAD;
}

/**
 * Splits records into requests that each stay under the limit, so no record
 * batch the broker sees can exceed `max.message.bytes` whatever lands on one
 * partition. Groups (the outputs of one input) are never split across
 * requests unless a group alone is over the limit; order is kept.
 */
export function chunkByBytes<T extends { bytes: number }>(groups: T[][], limit: number): T[][] {
  const budget = recordLimit(limit);
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const group of groups) {
    const groupBytes = group.reduce((sum, r) => sum + r.bytes, 0);
    if (current.length && size + groupBytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    for (const record of group) {
      if (current.length && size + record.bytes > budget) {
        chunks.push(current);
        current = [];
        size = 0;
      }
      current.push(record);
      size += record.bytes;
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}
