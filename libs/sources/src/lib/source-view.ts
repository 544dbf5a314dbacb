import { durationSeconds, type SigningKeyRef, type SourceEntry } from './registry.schema';

/** Where a secret lives, never the secret: `env:NAME` or `file:path`. */
export type SecretRefView = string;

/** A source as the read API lists it: every setting, secrets only as references. */
export interface SourceView {
  id: string;
  name: string;
  provider: string | null;
  providerId: string | null;
  enabled: boolean;
  format: string | null;
  language: string | null;
  expectedCadence: string | null;
  expectedCadenceSeconds: number | null;
  trust: SourceEntry['trust'];
  dedup: { distinctIds: boolean };
  /** How its stories arrive: one entry per channel it has. */
  channels: ('push' | 'poll' | 'dropFolder')[];
  push: { keys: { id: string; secret: SecretRefView }[] } | null;
  poll: {
    /** Query values are shown as `REDACTED`: some feeds carry an API key there. */
    url: string;
    everySeconds: number;
    timeoutMs: number;
    maxBytes: number;
    maxRedirects: number;
    allowInternal: boolean | string[];
    format: string | null;
    credentials: { header: string; secret: SecretRefView } | null;
  } | null;
  dropFolder: { path: string; quietSeconds: number } | null;
  rateLimit: { perMinute: number; burst: number } | null;
}

const refOf = (ref: Pick<SigningKeyRef, 'secretEnv' | 'secretFile'>): SecretRefView => (ref.secretEnv !== undefined ? `env:${ref.secretEnv}` : `file:${ref.secretFile}`);

/**
 * Built field by field (never a spread of the entry), so a setting added to
 * the registry later is not listed until someone decides it may be.
 */
export function sourceView(entry: SourceEntry): SourceView {
  const channels = (['push', 'poll', 'dropFolder'] as const).filter((c) => entry[c] !== undefined);
  const poll = entry.poll;
  return {
    id: entry.id,
    name: entry.name,
    provider: entry.provider ?? null,
    providerId: entry.providerId ?? null,
    enabled: entry.enabled,
    format: entry.format ?? null,
    language: entry.language ?? null,
    expectedCadence: entry.expectedCadence ?? null,
    expectedCadenceSeconds: entry.expectedCadence ? durationSeconds(entry.expectedCadence) : null,
    trust: entry.trust,
    dedup: { distinctIds: entry.dedup?.distinctIds ?? false },
    channels,
    push: entry.push ? { keys: entry.push.keys.map((k) => ({ id: k.id, secret: refOf(k) })) } : null,
    poll: poll
      ? {
          url: redactQuery(poll.url),
          everySeconds: poll.everySeconds,
          timeoutMs: poll.timeoutMs,
          maxBytes: poll.maxBytes,
          maxRedirects: poll.maxRedirects,
          allowInternal: poll.allowInternal,
          format: poll.format ?? null,
          credentials: poll.credentials ? { header: poll.credentials.header, secret: refOf(poll.credentials) } : null,
        }
      : null,
    dropFolder: entry.dropFolder ? { path: entry.dropFolder.path, quietSeconds: entry.dropFolder.quietSeconds } : null,
    rateLimit: entry.rateLimit ? { perMinute: entry.rateLimit.perMinute, burst: entry.rateLimit.burst ?? entry.rateLimit.perMinute } : null,
  };
}

/** `https://x/feed?key=abc&lang=en` -> `https://x/feed?key=REDACTED&lang=REDACTED`. */
export function redactQuery(url: string): string {
  const parsed = new URL(url);
  for (const name of new Set(parsed.searchParams.keys())) parsed.searchParams.set(name, 'REDACTED');
  return parsed.toString();
}
