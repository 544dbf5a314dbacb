/**
 * The embargo decision, pure: what a new version of a story does to its hold.
 * A story is held (stored, visible to privileged readers only, no public event) while its
 * `heldUntil` is in the future; the releaser makes it public once that instant passes.
 */

/** The stored story a new version meets (absent: the story is new). */
export interface HoldState {
  /** The stored version's rank (versionRankOf); a number is a rank written before ranks were strings. */
  rank: string | number;
  killed: boolean;
  /** The current hold; set until the releaser has released it, even once its time passed. */
  heldUntil?: Date;
}

/** What decides about the arriving version. */
export interface Arrival {
  rank: string;
  /** The version's embargo instant (article.embargoed). */
  embargoed?: Date;
  kill: boolean;
}

export type EmbargoDecision =
  /** Older than (or as old as) the stored version, or the story is killed: the write will not apply. */
  | { action: 'stale' }
  /** Public at once, as without embargoes: no hold before, none now. */
  | { action: 'publish' }
  /** Held until `until`: a new story under a future embargo, or a new version of a held story keeping its time. */
  | { action: 'hold'; until: Date }
  /** A held story's new version moves the embargo (later or earlier, still in the future). */
  | { action: 'change'; from: Date; until: Date }
  /** A held story's new version carries no embargo, or one already past: released now. */
  | { action: 'lift'; from: Date }
  /** The hold's time passed and its release is still to come (the releaser's next round): left as it is. */
  | { action: 'pending'; until: Date };

/** Whether `next` is newer than the stored rank (the archive's guarded write uses the same order). */
export function isNewer(next: string, stored: string | number): boolean {
  return typeof stored === 'number' || stored < next;
}

/**
 * The decision for one arriving version. Rules (README "Embargo"):
 * - an embargo already past on arrival holds nothing;
 * - a story already public stays public: a later version's embargo does not hide it again;
 * - a kill of a held story keeps the hold (a kill notice must not reveal the embargoed headline early).
 */
export function decideEmbargo(stored: HoldState | undefined, next: Arrival, now: Date): EmbargoDecision {
  if (stored && (stored.killed || (!next.kill && !isNewer(next.rank, stored.rank)))) return { action: 'stale' };
  const future = next.embargoed && next.embargoed.getTime() > now.getTime() ? next.embargoed : undefined;
  const held = stored?.heldUntil;
  if (!stored) return future ? { action: 'hold', until: future } : { action: 'publish' };
  if (!held) return { action: 'publish' };
  if (held.getTime() <= now.getTime()) return { action: 'pending', until: held };
  if (next.kill) return { action: 'hold', until: held };
  if (!future) return { action: 'lift', from: held };
  return future.getTime() === held.getTime() ? { action: 'hold', until: held } : { action: 'change', from: held, until: future };
}

/** The story's `heldUntil` after the version is written (a lift holds until now: the releaser releases it at once). */
export function heldUntilAfter(decision: EmbargoDecision, now: Date): Date | undefined {
  switch (decision.action) {
    case 'hold':
    case 'change':
    case 'pending':
      return decision.until;
    case 'lift':
      return now;
    default:
      return undefined;
  }
}

/** Whether the version's public stored event waits for the release (the release sends it). */
export function waitsForRelease(decision: EmbargoDecision): boolean {
  return decision.action === 'hold' || decision.action === 'change' || decision.action === 'lift';
}

/** The state the next version of the same story in one batch meets. */
export function stateAfter(stored: HoldState | undefined, next: Arrival, decision: EmbargoDecision, now: Date): HoldState | undefined {
  if (decision.action === 'stale') return stored;
  return { rank: next.rank, killed: next.kill, heldUntil: heldUntilAfter(decision, now) };
}

export type AuditAction = 'hold' | 'change' | 'lift' | 'release';

/** The audit entry a decision writes, if any. */
export function auditActionOf(decision: EmbargoDecision): Exclude<AuditAction, 'release'> | undefined {
  return decision.action === 'hold' || decision.action === 'change' || decision.action === 'lift' ? decision.action : undefined;
}

/** Whether a hold is over at `now`: public readers see the story from this instant, released or not yet. */
export function isHeld(heldUntil: Date | undefined, now: Date): boolean {
  return heldUntil !== undefined && heldUntil.getTime() > now.getTime();
}
