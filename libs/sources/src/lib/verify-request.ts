import {
  isValidDeliveryId,
  isValidTimestamp,
  MAX_SIGNATURES_PER_REQUEST,
  matchingKey,
  parseSignatureHeader,
  SIGNATURE_HEADERS,
  TIMESTAMP_TOLERANCE_SECONDS,
} from './signature';
import type { RegisteredSource, SourceRegistry } from './source-registry';

export type RefusalCode =
  | 'missing_signature'
  | 'unknown_source'
  | 'source_disabled'
  | 'invalid_delivery_id'
  | 'invalid_timestamp'
  | 'stale_timestamp'
  | 'bad_signature';

export type Verification =
  | { ok: true; source: RegisteredSource; keyId: string; deliveryId: string }
  | { ok: false; code: RefusalCode; message: string };

type HeaderValue = string | string[] | undefined;

/** Whether the request carries any of the signature headers (dev mode accepts requests with none). */
export function claimsASource(headers: Record<string, HeaderValue>): boolean {
  return Object.values(SIGNATURE_HEADERS).some((h) => headers[h] !== undefined);
}

/**
 * Decides whether a delivery was signed by a registered, enabled source's
 * key, over these exact bytes, recently. Cheap checks come first so a
 * stranger costs no HMAC work.
 */
export function verifySignedRequest(
  registry: SourceRegistry,
  headers: Record<string, HeaderValue>,
  body: Uint8Array,
  nowMs: number,
): Verification {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  const sourceId = one(SIGNATURE_HEADERS.source);
  const deliveryId = one(SIGNATURE_HEADERS.delivery);
  const timestamp = one(SIGNATURE_HEADERS.timestamp);
  const signature = one(SIGNATURE_HEADERS.signature);
  const missing = Object.values(SIGNATURE_HEADERS).filter((h) => !one(h));
  if (missing.length > 0 || !sourceId || !deliveryId || !timestamp || !signature) {
    return refuse('missing_signature', `a signed request needs the headers ${Object.values(SIGNATURE_HEADERS).join(', ')}; missing: ${missing.join(', ')}`);
  }
  const source = registry.get(sourceId);
  if (!source) return refuse('unknown_source', 'the source is not registered');
  if (!source.enabled) return refuse('source_disabled', `source ${source.id} is disabled`);
  if (!isValidDeliveryId(deliveryId)) return refuse('invalid_delivery_id', `${SIGNATURE_HEADERS.delivery} must be 1 to 128 visible ASCII characters`);
  if (!isValidTimestamp(timestamp)) return refuse('invalid_timestamp', `${SIGNATURE_HEADERS.timestamp} must be unix seconds`);
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > TIMESTAMP_TOLERANCE_SECONDS) {
    return refuse('stale_timestamp', `the timestamp is more than ${TIMESTAMP_TOLERANCE_SECONDS} seconds from the server's clock`);
  }
  const candidates = parseSignatureHeader(signature);
  if (candidates.length === 0) return refuse('missing_signature', `${SIGNATURE_HEADERS.signature} has no v1= value`);
  if (candidates.length > MAX_SIGNATURES_PER_REQUEST) return refuse('bad_signature', `at most ${MAX_SIGNATURES_PER_REQUEST} signatures per request`);
  const keyId = matchingKey(source.keys, candidates, timestamp, deliveryId, body);
  if (!keyId) return refuse('bad_signature', 'no signature matches a key of this source for this body, delivery id and timestamp');
  return { ok: true, source, keyId, deliveryId };
}

function refuse(code: RefusalCode, message: string): Verification {
  return { ok: false, code, message };
}
