import { z } from 'zod';

/**
 * A source id appears in story keys (`<id>|<uri>`), in delivery records
 * (`<id>|<deliveryId>`) and in logs, so it is short, lower-case and never
 * contains `|`.
 */
export const SourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1-64 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit');

const KeyId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 characters of letters, digits, ".", "_" or "-"');

/**
 * A signing key names where its secret lives; the registry itself holds no
 * secret, so it can be committed, reviewed and shared.
 */
export const SigningKeyRef = z
  .strictObject({
    id: KeyId,
    secretEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name').optional(),
    secretFile: z.string().min(1).optional(),
    secret: z.never({ error: 'secrets are referenced with secretEnv or secretFile, never written in the registry' }).optional(),
  })
  .refine((k) => (k.secretEnv === undefined) !== (k.secretFile === undefined), {
    error: 'give exactly one of secretEnv or secretFile',
  });

/** Pushed deliveries (signed HTTP POSTs). Pulled feeds and drop folders sit beside it. */
export const PushChannel = z
  .strictObject({
    /** Two or more keys are valid at once while a sender rotates. */
    keys: z.array(SigningKeyRef).min(1, 'list at least one key'),
  })
  .superRefine((push, ctx) => {
    const seen = new Set<string>();
    push.keys.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'id'], message: `key id "${k.id}" is listed twice` });
      seen.add(k.id);
    });
  });

/** A token bucket: `burst` requests at once, refilled at `perMinute`. */
export const RateLimit = z.strictObject({
  perMinute: z.number().int().positive(),
  /** Defaults to perMinute. */
  burst: z.number().int().positive().optional(),
});

const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

/** `type/subtype`, as in a Content-Type header (no parameters). */
export const MediaType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'must be a media type such as application/rss+xml');

/** A BCP 47 tag (`en`, `de-CH`, `zh-Hant-TW`): its shape, not the IANA registry. */
export const LanguageTag = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or de-CH');

/** An ISO 8601 duration in days, hours, minutes and seconds (`PT15M`, `P1D`, `PT1H30M`). */
export const IsoDuration = z
  .string()
  .regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'must be an ISO 8601 duration in days, hours, minutes or seconds, such as PT15M or P1D');

/** The seconds of a duration `IsoDuration` accepts. */
export function durationSeconds(duration: string): number {
  const m = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!m) throw new RangeError(`not an ISO 8601 duration in days, hours, minutes or seconds: ${duration}`);
  const [d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0));
  return ((d * 24 + h) * 60 + min) * 60 + s;
}

/**
 * A header sent with every poll (`Authorization: Bearer ...`, an API key
 * header); its value lives in an environment variable or a file, never here.
 */
export const CredentialRef = z
  .strictObject({
    header: z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name'),
    /** Written before the secret (`"Bearer "`), so the secret is the token alone. */
    prefix: z.string().max(64).optional(),
    secretEnv: EnvName.optional(),
    secretFile: z.string().min(1).optional(),
    value: z.never({ error: 'credentials are referenced with secretEnv or secretFile, never written in the registry' }).optional(),
  })
  .refine((c) => (c.secretEnv === undefined) !== (c.secretFile === undefined), { error: 'give exactly one of secretEnv or secretFile' });

/** An IPv4/IPv6 address or CIDR range (`10.0.0.0/8`, `127.0.0.1`, `fd00::/8`), read by the poller's address policy. */
const AddressRange = z.string().regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'must be an IP address or CIDR range');

/** A feed the poller fetches on a schedule (RSS, Atom, ninjs, NewsML-G2: whatever push accepts). */
export const PollChannel = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
    .refine((u) => new URL(u).username === '' && new URL(u).password === '', { error: 'must not carry a user name or password: use credentials' }),
  /** Time between polls while the feed answers; failures back off from it (doubling, with jitter). */
  everySeconds: z.number().int().min(1).max(7 * 24 * 3600),
  /** The whole poll (DNS, connect, redirects, body) must finish within this. */
  timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  /** A larger body is refused (on its Content-Length, or as soon as it passes this while arriving). */
  maxBytes: z.number().int().min(1024).max(512 * 1024 * 1024).default(4 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(10).default(5),
  /**
   * Private, loopback, link-local and other non-public addresses are refused
   * unless listed here (`true`: all of them). Checked after DNS resolution and on every redirect.
   */
  allowInternal: z.union([z.boolean(), z.array(AddressRange).min(1)]).default(false),
  /** How to read the body when the server's Content-Type is missing or generic; defaults to the source's `format`. */
  format: MediaType.optional(),
  credentials: CredentialRef.optional(),
});

/**
 * A folder the poller's drop-folder watcher reads files from (a local disk
 * or a mounted share; relative paths from the registry's folder); a file is
 * taken once unchanged for `quietSeconds` (0: when first seen, for senders
 * that write under an in-progress name and rename into place).
 */
export const DropFolderChannel = z.strictObject({
  path: z.string().min(1),
  quietSeconds: z.number().int().min(0).max(3600).default(5),
  /** A larger file goes to failed/ unread (`payload_too_large`, as push answers). */
  maxBytes: z.number().int().min(1024).max(512 * 1024 * 1024).default(4 * 1024 * 1024),
});

/** How far a source's own claims are believed downstream (recorded here; no stage reads it yet). */
export const TRUST_LEVELS = ['trusted', 'standard', 'untrusted'] as const;

/** How the deduplicator treats this source's items. */
export const DedupRules = z.strictObject({
  /** Items with different ids are never merged as copies (a wire that re-uses text across distinct stories). */
  distinctIds: z.boolean().default(false),
});

export const SourceEntry = z.strictObject({
  id: SourceId,
  name: z.string().trim().min(1),
  /** Set as the article's provider on everything this source sends. */
  provider: z.string().trim().min(1).optional(),
  /** The provider's stable identifier (an IPTC provider qcode, a domain); `provider` is its display name. */
  providerId: z.string().trim().min(1).max(200).optional(),
  enabled: z.boolean().default(true),
  /** What the source sends, when neither the channel nor the body says. */
  format: MediaType.optional(),
  /** The language of its stories when an item does not say. */
  language: LanguageTag.optional(),
  /** How often it is expected to send something; silence past it is alerted on. */
  expectedCadence: IsoDuration.optional(),
  trust: z.enum(TRUST_LEVELS).default('standard'),
  dedup: DedupRules.optional(),
  push: PushChannel.optional(),
  poll: PollChannel.optional(),
  dropFolder: DropFolderChannel.optional(),
  rateLimit: RateLimit.optional(),
});

export const SourcesDocument = z
  .strictObject({
    sources: z.array(SourceEntry),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `source id "${s.id}" is listed twice` });
      seen.add(s.id);
    });
  });

export type SigningKeyRef = z.infer<typeof SigningKeyRef>;
export type RateLimit = z.infer<typeof RateLimit>;
export type SourceEntry = z.infer<typeof SourceEntry>;
export type SourcesDocument = z.infer<typeof SourcesDocument>;
export type PollChannel = z.infer<typeof PollChannel>;
export type CredentialRef = z.infer<typeof CredentialRef>;
export type DropFolderChannel = z.infer<typeof DropFolderChannel>;
