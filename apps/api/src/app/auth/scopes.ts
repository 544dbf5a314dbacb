/**
 * What a read token may do.
 * - `public`: stories that are published (listed) and killed stories' headlines, never a body that was withdrawn.
 * - `privileged`: everything `public` may, plus withheld stories (listed with `includeWithheld=true`, found by id,
 *   shown in clusters, with their body), stories held under embargo (likewise, `includeEmbargoed=true`; their
 *   embargo audit) and `includeKilled=true` on lists.
 */
export const SCOPES = ['public', 'privileged'] as const;
export type Scope = (typeof SCOPES)[number];

const IMPLIED: Record<Scope, readonly Scope[]> = {
  public: ['public'],
  privileged: ['privileged', 'public'],
};

/** Whether scopes held grant the one needed: `privileged` includes `public`. */
export function grants(held: readonly Scope[], needed: Scope): boolean {
  return held.some((scope) => IMPLIED[scope].includes(needed));
}
