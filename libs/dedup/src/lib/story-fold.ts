import type { StoryState, StoryVersion } from './store-port';

export const HISTORY_LIMIT = 10;

/** What a version is to its story. */
export type StoryStep =
  | { kind: 'first' }
  | { kind: 'newer'; previousId: string }
  | { kind: 'stale'; currentId: string }
  /** The story's current version is this very article: an earlier attempt stopped before its verdict was kept. */
  | { kind: 'replay'; previousId?: string };

/**
 * Applies one version to a story, as the old conditional upsert did: it
 * becomes current only if it ranks above the current one; a late version is
 * kept in the history (once) without touching the current one; a cancel
 * marks the story killed whatever its order.
 */
export function applyVersion(state: StoryState | undefined, key: string, v: StoryVersion, now: Date): { step: StoryStep; next: StoryState } {
  const killed = v.pubStatus === 'canceled' ? { killed: true } : {};
  if (!state) {
    return { step: { kind: 'first' }, next: { key, rank: v.rank, currentArticleId: v.articleId, pubStatus: v.pubStatus, ...killed, firstSeenAt: now, updatedAt: now, history: [v] } };
  }
  if (v.rank > state.rank) {
    const next = { ...state, rank: v.rank, currentArticleId: v.articleId, pubStatus: v.pubStatus, ...killed, updatedAt: now, history: trimmed([...state.history, v]) };
    return { step: { kind: 'newer', previousId: state.currentArticleId }, next };
  }
  if (state.currentArticleId === v.articleId) {
    const at = state.history.findIndex((h) => h.articleId === v.articleId);
    return { step: { kind: 'replay', previousId: at > 0 ? state.history[at - 1].articleId : undefined }, next: state };
  }
  const known = state.history.some((h) => h.articleId === v.articleId);
  const next = known ? state : { ...state, ...killed, updatedAt: now, history: trimmed([...state.history, v]) };
  return { step: { kind: 'stale', currentId: state.currentArticleId }, next };
}

function trimmed(history: StoryVersion[]): StoryVersion[] {
  return history.length > HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT) : history;
}
