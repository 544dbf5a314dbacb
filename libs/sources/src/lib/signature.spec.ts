import { computeSignature, isValidDeliveryId, parseSignatureHeader, signRequest, SIGNATURE_HEADERS } from './signature';
import { SourceRegistry } from './source-registry';
import { claimsASource, verifySignedRequest } from './verify-request';

const enc = (s: string) => Buffer.from(s, 'utf8');
const SECRET = enc('an-example-secret-of-at-least-32-bytes!');
const OLD = enc('the-previous-secret-still-valid-for-rotation');
const OTHER = enc('a-secret-of-another-source-entirely-000000');
const BODY = enc('{"uri":"urn:acme:1","headline":"H","bodyText":"B"}');
const T = 1_767_225_600; // 2026-01-01T00:00:00Z
const NOW = T * 1000;

const registry = new SourceRegistry([
  { id: 'acme', name: 'ACME', enabled: true, keys: [{ id: 'new', secret: SECRET }, { id: 'old', secret: OLD }] },
  { id: 'beta', name: 'Beta', enabled: true, keys: [{ id: 'k', secret: OTHER }] },
  { id: 'off', name: 'Off', enabled: false, keys: [] },
]);

const signed = (over: { secrets?: Buffer | Buffer[]; sourceId?: string; deliveryId?: string; timestamp?: number; body?: Buffer } = {}) =>
  signRequest({ sourceId: over.sourceId ?? 'acme', secrets: over.secrets ?? SECRET, body: over.body ?? BODY, deliveryId: over.deliveryId ?? 'd-0001', timestamp: over.timestamp ?? T });

describe('request signature', () => {
  it('is the HMAC-SHA256 of "<timestamp>.<delivery>." and the body, as the openssl recipe computes it', () => {
    // printf '%s' '1767225600.d-0001.{"uri":...}' | openssl dgst -sha256 -hmac 'an-example-secret-of-at-least-32-bytes!'
    expect(computeSignature(SECRET, String(T), 'd-0001', BODY)).toBe('c564ed4a76694e76505dff8a6eb617fc66b6b9b50a01c9efaa1273fb3d7ff808');
    expect(signed()[SIGNATURE_HEADERS.signature]).toBe('v1=c564ed4a76694e76505dff8a6eb617fc66b6b9b50a01c9efaa1273fb3d7ff808');
  });

  it('accepts a request signed with any current key of the source and says which key', () => {
    expect(verifySignedRequest(registry, signed(), BODY, NOW)).toMatchObject({ ok: true, keyId: 'new', deliveryId: 'd-0001', source: { id: 'acme' } });
    expect(verifySignedRequest(registry, signed({ secrets: OLD }), BODY, NOW)).toMatchObject({ ok: true, keyId: 'old' });
    // A rotating sender signs with both; one unknown value among them does not matter.
    const both = signed({ secrets: [enc('retired-key-nobody-knows-any-more-0000000'), SECRET] });
    expect(verifySignedRequest(registry, both, BODY, NOW)).toMatchObject({ ok: true, keyId: 'new' });
  });

  it('refuses a changed body, delivery id or timestamp, and another source key', () => {
    const h = signed();
    expect(verifySignedRequest(registry, h, enc(`${BODY.toString()} `), NOW)).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(verifySignedRequest(registry, { ...h, [SIGNATURE_HEADERS.delivery]: 'd-0002' }, BODY, NOW)).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(verifySignedRequest(registry, { ...h, [SIGNATURE_HEADERS.timestamp]: String(T + 1) }, BODY, NOW)).toMatchObject({ ok: false, code: 'bad_signature' });
    // Beta's key, claiming to be acme: the story would be attributed to acme, so it is refused.
    expect(verifySignedRequest(registry, signed({ secrets: OTHER }), BODY, NOW)).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(verifySignedRequest(registry, { ...h, [SIGNATURE_HEADERS.signature]: 'v1=zz' }, BODY, NOW)).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('refuses a timestamp more than five minutes either side of now', () => {
    expect(verifySignedRequest(registry, signed({ timestamp: T - 300 }), BODY, NOW)).toMatchObject({ ok: true });
    expect(verifySignedRequest(registry, signed({ timestamp: T + 300 }), BODY, NOW)).toMatchObject({ ok: true });
    expect(verifySignedRequest(registry, signed({ timestamp: T - 301 }), BODY, NOW)).toMatchObject({ ok: false, code: 'stale_timestamp' });
    expect(verifySignedRequest(registry, signed({ timestamp: T + 301 }), BODY, NOW)).toMatchObject({ ok: false, code: 'stale_timestamp' });
    expect(verifySignedRequest(registry, { ...signed(), [SIGNATURE_HEADERS.timestamp]: '2026-01-01' }, BODY, NOW)).toMatchObject({
      ok: false,
      code: 'invalid_timestamp',
    });
  });

  it('names missing headers, unknown and disabled sources', () => {
    const unsigned = signed();
    delete unsigned[SIGNATURE_HEADERS.signature];
    const missing = verifySignedRequest(registry, unsigned, BODY, NOW);
    expect(missing).toMatchObject({ ok: false, code: 'missing_signature' });
    expect(!missing.ok && missing.message).toContain(SIGNATURE_HEADERS.signature);
    expect(verifySignedRequest(registry, { ...signed(), [SIGNATURE_HEADERS.signature]: 'v0=abc' }, BODY, NOW)).toMatchObject({ code: 'missing_signature' });
    expect(verifySignedRequest(registry, signed({ sourceId: 'nobody' }), BODY, NOW)).toMatchObject({ ok: false, code: 'unknown_source' });
    expect(verifySignedRequest(registry, signed({ sourceId: 'off' }), BODY, NOW)).toMatchObject({ ok: false, code: 'source_disabled' });
  });

  it('bounds delivery ids to 1-128 visible ASCII characters', () => {
    expect(isValidDeliveryId('a'.repeat(128))).toBe(true);
    expect(isValidDeliveryId('550e8400-e29b-41d4-a716-446655440000')).toBe(true);
    for (const bad of ['', 'a'.repeat(129), 'has space', 'tab\t', 'é']) expect(isValidDeliveryId(bad)).toBe(false);
    expect(verifySignedRequest(registry, signed({ deliveryId: 'has space' }), BODY, NOW)).toMatchObject({ ok: false, code: 'invalid_delivery_id' });
  });

  it('reads comma-separated and repeated signature headers, ignoring other schemes', () => {
    expect(parseSignatureHeader('v1=aa, v0=bb,v1=cc')).toEqual(['aa', 'cc']);
    const h = signed({ secrets: [OLD, SECRET] });
    const [first, second] = h[SIGNATURE_HEADERS.signature].split(',');
    // Node joins a header sent twice with ", "; an array is accepted as well.
    expect(verifySignedRequest(registry, { ...h, [SIGNATURE_HEADERS.signature]: [first, second] }, BODY, NOW)).toMatchObject({ ok: true, keyId: 'new' });
    expect(verifySignedRequest(registry, { ...h, [SIGNATURE_HEADERS.signature]: Array(9).fill(first).join(',') }, BODY, NOW)).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('tells signed requests from unsigned ones', () => {
    expect(claimsASource({ 'content-type': 'text/plain' })).toBe(false);
    expect(claimsASource({ [SIGNATURE_HEADERS.source]: 'acme' })).toBe(true);
  });
});
