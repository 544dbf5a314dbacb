import { createHmac, timingSafeEqual } from 'node:crypto';

/** Request headers of a signed delivery (lower-case, as Node presents them). */
export const SIGNATURE_HEADERS = {
  source: 'x-newswire-source',
  delivery: 'x-newswire-delivery',
  timestamp: 'x-newswire-timestamp',
  signature: 'x-newswire-signature',
} as const;

export const SIGNATURE_SCHEME = 'v1';
/** A signed request older or newer than this is refused: a captured request cannot be replayed later. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
/** Bounds the work one request can ask for; a rotating sender sends two. */
export const MAX_SIGNATURES_PER_REQUEST = 8;

const DELIVERY_ID = /^[\x21-\x7e]{1,128}$/;
const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** The sender's delivery id: 1 to 128 visible ASCII characters. */
export function isValidDeliveryId(id: string): boolean {
  return DELIVERY_ID.test(id);
}

export function isValidTimestamp(timestamp: string): boolean {
  return TIMESTAMP.test(timestamp);
}

/** `${timestamp}.${deliveryId}.` followed by the body bytes exactly as sent (before any Content-Encoding is undone). */
export function signingPayload(timestamp: string, deliveryId: string, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.${deliveryId}.`, 'utf8'), body]);
}

function hmac(secret: Uint8Array, timestamp: string, deliveryId: string, body: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${deliveryId}.`, 'utf8').update(body).digest();
}

/** Hex HMAC-SHA256 of the signing payload. */
export function computeSignature(secret: Uint8Array, timestamp: string, deliveryId: string, body: Uint8Array): string {
  return hmac(secret, timestamp, deliveryId, body).toString('hex');
}

/** The `v1=` values of a signature header; other schemes are ignored so new ones can be added beside v1. */
export function parseSignatureHeader(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SIGNATURE_SCHEME}=`))
    .map((part) => part.slice(SIGNATURE_SCHEME.length + 1));
}

export interface SignRequestInput {
  sourceId: string;
  /** One secret, or several while rotating (each gives one `v1=` value). */
  secrets: Uint8Array | Uint8Array[];
  body: Uint8Array;
  deliveryId: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
}

/** The four headers a sender adds to a delivery. */
export function signRequest(input: SignRequestInput): Record<string, string> {
  const timestamp = String(input.timestamp ?? Math.floor(Date.now() / 1000));
  const secrets = Array.isArray(input.secrets) ? input.secrets : [input.secrets];
  const signatures = secrets.map((s) => `${SIGNATURE_SCHEME}=${computeSignature(s, timestamp, input.deliveryId, input.body)}`);
  return {
    [SIGNATURE_HEADERS.source]: input.sourceId,
    [SIGNATURE_HEADERS.delivery]: input.deliveryId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.signature]: signatures.join(','),
  };
}

/**
 * The id of the first key whose signature is among `candidates`, compared in
 * constant time (equal-length buffers through timingSafeEqual), or undefined.
 */
export function matchingKey(
  keys: readonly { id: string; secret: Uint8Array }[],
  candidates: readonly string[],
  timestamp: string,
  deliveryId: string,
  body: Uint8Array,
): string | undefined {
  const given = candidates.filter((c) => HEX_SHA256.test(c)).map((c) => Buffer.from(c, 'hex'));
  for (const key of keys) {
    const expected = hmac(key.secret, timestamp, deliveryId, body);
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) return key.id;
  }
  return undefined;
}
