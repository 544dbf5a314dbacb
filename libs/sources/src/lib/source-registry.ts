import { isAbsolute, join } from 'node:path';
import type { PollChannel, RateLimit, SourceEntry, SourcesDocument } from './registry.schema';

/** Secrets shorter than this are refused: an HMAC key should carry at least 256 bits. */
export const MIN_SECRET_BYTES = 32;

export interface SigningKey {
  id: string;
  secret: Buffer;
}

/** A registry entry with its secrets loaded. */
export interface RegisteredSource {
  id: string;
  name: string;
  provider?: string;
  /** The language of its stories when an item does not say. */
  language?: string;
  enabled: boolean;
  /** Empty for a disabled source (its secrets are not loaded) or one that takes no pushed deliveries. */
  keys: SigningKey[];
  rateLimit?: Required<RateLimit>;
}

/** Where secrets come from; injected so the loading rules are testable without a file system. */
export interface SecretReaders {
  env: Record<string, string | undefined>;
  /** Throws when the file cannot be read. */
  readFile: (path: string) => string;
  /** Relative secret files are resolved against the registry file's folder. */
  baseDir: string;
}

export class SourceRegistry {
  private readonly byId: ReadonlyMap<string, RegisteredSource>;

  constructor(readonly sources: readonly RegisteredSource[]) {
    this.byId = new Map(sources.map((s) => [s.id, s]));
  }

  get(id: string): RegisteredSource | undefined {
    return this.byId.get(id);
  }

  /** Sources that can push right now: enabled and with at least one key. */
  pushEnabled(): RegisteredSource[] {
    return this.sources.filter((s) => s.enabled && s.keys.length > 0);
  }
}

/**
 * Loads every enabled source's secrets. Problems are collected, not thrown
 * one at a time, so an operator fixes them in one pass.
 */
export function loadSourceRegistry(doc: SourcesDocument, readers: SecretReaders): { registry: SourceRegistry; problems: string[] } {
  const problems: string[] = [];
  const sources = doc.sources.map((entry, index) => {
    const keys = entry.enabled ? (entry.push?.keys ?? []).flatMap((ref, k) => {
      const where = `sources[${index}] "${entry.id}": push.keys[${k}] "${ref.id}"`;
      const secret = readSecret(ref, readers, MIN_SECRET_BYTES);
      if (typeof secret === 'string') {
        problems.push(`${where}: ${secret}`);
        return [];
      }
      return [{ id: ref.id, secret }];
    }) : [];
    return toRegistered(entry, keys);
  });
  return { registry: new SourceRegistry(sources), problems };
}

function toRegistered(entry: SourceEntry, keys: SigningKey[]): RegisteredSource {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.provider === undefined ? {} : { provider: entry.provider }),
    ...(entry.language === undefined ? {} : { language: entry.language }),
    enabled: entry.enabled,
    keys,
    ...(entry.rateLimit ? { rateLimit: { perMinute: entry.rateLimit.perMinute, burst: entry.rateLimit.burst ?? entry.rateLimit.perMinute } } : {}),
  };
}

/** An enabled source's pulled feed, with its credential loaded. */
export interface PollTarget {
  sourceId: string;
  provider?: string;
  language?: string;
  /** The source's format: how to read a body whose Content-Type says nothing useful, unless the channel names one. */
  format?: string;
  poll: PollChannel;
  /** The header sent with every request of this feed. */
  credential?: { header: string; value: string };
}

/** Every enabled source with a `poll` channel; problems (an unset variable, an unreadable file) are collected. */
export function loadPollTargets(doc: SourcesDocument, readers: SecretReaders): { targets: PollTarget[]; problems: string[] } {
  const problems: string[] = [];
  const targets = doc.sources.flatMap((entry, index): PollTarget[] => {
    if (!entry.enabled || !entry.poll) return [];
    const ref = entry.poll.credentials;
    let credential: PollTarget['credential'];
    if (ref) {
      const secret = readSecret(ref, readers, 1);
      if (typeof secret === 'string') {
        problems.push(`sources[${index}] "${entry.id}": poll.credentials: ${secret}`);
        return [];
      }
      credential = { header: ref.header, value: `${ref.prefix ?? ''}${secret.toString('utf8')}` };
    }
    const format = entry.poll.format ?? entry.format;
    return [
      {
        sourceId: entry.id,
        ...(entry.provider === undefined ? {} : { provider: entry.provider }),
        ...(entry.language === undefined ? {} : { language: entry.language }),
        ...(format === undefined ? {} : { format }),
        poll: entry.poll,
        ...(credential ? { credential } : {}),
      },
    ];
  });
  return { targets, problems };
}

/** The secret's bytes, or a sentence saying why it cannot be used. */
function readSecret(ref: { secretEnv?: string; secretFile?: string }, readers: SecretReaders, minBytes: number): Buffer | string {
  let text: string | undefined;
  if (ref.secretEnv !== undefined) {
    text = readers.env[ref.secretEnv];
    if (text === undefined || text === '') return `environment variable ${ref.secretEnv} is not set`;
  } else {
    const path = isAbsolute(ref.secretFile ?? '') ? (ref.secretFile as string) : join(readers.baseDir, ref.secretFile as string);
    try {
      text = readers.readFile(path);
    } catch (err) {
      return `secret file ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    }
  }
  const secret = secretBytes(text);
  if (secret.length < minBytes) return `the secret is ${secret.length} bytes; at least ${minBytes} are required`;
  return secret;
}

/** A secret's bytes: its UTF-8 text without one trailing line break (`echo secret > file` and here-docs add one). */
export function secretBytes(text: string): Buffer {
  return Buffer.from(text.replace(/\r?\n$/, ''), 'utf8');
}
