import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signRequest } from '@newswire/sources';

export interface TestSourceSpec {
  id: string;
  name?: string;
  provider?: string;
  enabled?: boolean;
  /** How many signing keys (each with its own secret); 1 by default. */
  keys?: number;
  rateLimit?: { perMinute: number; burst?: number };
}

export interface TestSource {
  id: string;
  /** One per key, in the registry's order. */
  secrets: string[];
}

/**
 * A sources file in a temporary folder, with fresh random secrets passed the
 * way production passes them (environment variables named by the file).
 * Spread `env` into the ingester's environment.
 */
export function testSources(specs: TestSourceSpec[]): { file: string; env: Record<string, string>; sources: Record<string, TestSource> } {
  const env: Record<string, string> = {};
  const sources: Record<string, TestSource> = {};
  const entries = specs.map((s) => {
    const secrets = Array.from({ length: s.keys ?? 1 }, () => randomBytes(32).toString('base64url'));
    const keys = secrets.map((secret, i) => {
      const variable = `NEWSWIRE_TEST_SECRET_${s.id.replace(/[^a-zA-Z0-9]/g, '_').toUpperCase()}_${i}`;
      env[variable] = secret;
      return { id: `key-${i}`, secretEnv: variable };
    });
    sources[s.id] = { id: s.id, secrets };
    return {
      id: s.id,
      name: s.name ?? `Test source ${s.id}`,
      ...(s.provider ? { provider: s.provider } : {}),
      ...(s.enabled === undefined ? {} : { enabled: s.enabled }),
      push: { keys },
      ...(s.rateLimit ? { rateLimit: s.rateLimit } : {}),
    };
  });
  const file = join(mkdtempSync(join(tmpdir(), 'newswire-sources-')), 'sources.json');
  writeFileSync(file, JSON.stringify({ sources: entries }, null, 2));
  return { file, env: { ...env, SOURCES_FILE: file }, sources };
}

export interface SignedPost {
  /** Signs as this source with its first secret unless `secrets` says otherwise. */
  source: TestSource | { id: string; secrets: string[] };
  body: string | Uint8Array;
  contentType?: string;
  secrets?: string[];
  deliveryId?: string;
  /** Unix seconds. */
  timestamp?: number;
  headers?: Record<string, string>;
}

/** The signature headers for a delivery, exactly as a sender computes them. */
export function signedHeaders(p: SignedPost): Record<string, string> {
  const body = typeof p.body === 'string' ? Buffer.from(p.body, 'utf8') : p.body;
  return signRequest({
    sourceId: p.source.id,
    secrets: (p.secrets ?? p.source.secrets.slice(0, 1)).map((s) => Buffer.from(s, 'utf8')),
    body,
    deliveryId: p.deliveryId ?? randomUUID(),
    timestamp: p.timestamp,
  });
}

/** POSTs a signed delivery to the ingester's articles endpoint. */
export function postSigned(baseUrl: string, p: SignedPost): Promise<Response> {
  const body = typeof p.body === 'string' ? Buffer.from(p.body, 'utf8') : p.body;
  return fetch(`${baseUrl}/v1/articles`, {
    method: 'POST',
    // Bytes, not a string: fetch would otherwise add its own content type.
    body: new Uint8Array(body),
    headers: { 'content-type': p.contentType ?? 'application/json', ...signedHeaders({ ...p, body }), ...p.headers },
  });
}
