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

/** Pushed deliveries (signed HTTP POSTs). Later channels (pulled feeds, drop folders) sit beside it. */
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

export const SourceEntry = z.strictObject({
  id: SourceId,
  name: z.string().trim().min(1),
  /** Set as the article's provider on everything this source sends. */
  provider: z.string().trim().min(1).optional(),
  enabled: z.boolean().default(true),
  push: PushChannel.optional(),
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
