import type { IHeaders } from 'kafkajs';
import { HEADERS } from '@newswire/contracts';

/** A message a stage wants published, addressed by its logical (contract) topic. */
export interface OutboundMessage<T = unknown> {
  topic: string;
  /** Keeps every version of one story on one partition, hence in order. */
  key: string;
  value: T;
  headers?: Record<string, string>;
}

export function encodeValue(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** `carried`: what the stage passes on from the input (trace context, ingest time); it wins over the handler's own. */
export function contractHeaders(topic: string, extra?: Record<string, string>, carried?: Record<string, string>): IHeaders {
  return { [HEADERS.schema]: topic, [HEADERS.contentType]: 'application/json', ...extra, ...carried };
}

export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  return out;
}
