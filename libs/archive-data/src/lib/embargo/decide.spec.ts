import { decideEmbargo, heldUntilAfter, type HoldState, isHeld, stateAfter, waitsForRelease } from './decide';

const now = new Date('2026-01-01T12:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const held = (minutes: number, rank = 'r1'): HoldState => ({ rank, killed: false, heldUntil: at(minutes) });

describe('decideEmbargo', () => {
  it('holds a new story whose embargo is in the future, until that instant', () => {
    const d = decideEmbargo(undefined, { rank: 'r1', embargoed: at(5), kill: false }, now);
    expect(d).toEqual({ action: 'hold', until: at(5) });
    expect(waitsForRelease(d)).toBe(true);
    expect(heldUntilAfter(d, now)).toEqual(at(5));
  });

  it('holds nothing when the embargo is already past (or exactly now) on arrival', () => {
    expect(decideEmbargo(undefined, { rank: 'r1', embargoed: at(-1), kill: false }, now)).toEqual({ action: 'publish' });
    expect(decideEmbargo(undefined, { rank: 'r1', embargoed: now, kill: false }, now)).toEqual({ action: 'publish' });
    expect(decideEmbargo(undefined, { rank: 'r1', kill: false }, now)).toEqual({ action: 'publish' });
  });

  it('keeps a story already public public: a newer version with a future embargo does not hide it again', () => {
    expect(decideEmbargo({ rank: 'r1', killed: false }, { rank: 'r2', embargoed: at(5), kill: false }, now)).toEqual({ action: 'publish' });
  });

  it('moves a hold later or earlier when a newer version changes the embargo', () => {
    expect(decideEmbargo(held(5), { rank: 'r2', embargoed: at(30), kill: false }, now)).toEqual({ action: 'change', from: at(5), until: at(30) });
    expect(decideEmbargo(held(5), { rank: 'r2', embargoed: at(1), kill: false }, now)).toEqual({ action: 'change', from: at(5), until: at(1) });
  });

  it('records a newer version keeping the same embargo as a hold of that version', () => {
    expect(decideEmbargo(held(5), { rank: 'r2', embargoed: at(5), kill: false }, now)).toEqual({ action: 'hold', until: at(5) });
  });

  it('lifts a hold when a newer version has no embargo or a past one; the release is due at once', () => {
    const noEmbargo = decideEmbargo(held(5), { rank: 'r2', kill: false }, now);
    expect(noEmbargo).toEqual({ action: 'lift', from: at(5) });
    expect(heldUntilAfter(noEmbargo, now)).toEqual(now);
    expect(isHeld(heldUntilAfter(noEmbargo, now), now)).toBe(false);
    expect(decideEmbargo(held(5), { rank: 'r2', embargoed: at(-10), kill: false }, now)).toEqual({ action: 'lift', from: at(5) });
  });

  it('ignores versions that will not be written: older, equal, or after a kill', () => {
    expect(decideEmbargo(held(5, 'r2'), { rank: 'r1', kill: false }, now)).toEqual({ action: 'stale' });
    expect(decideEmbargo(held(5, 'r2'), { rank: 'r2', kill: false }, now)).toEqual({ action: 'stale' });
    expect(decideEmbargo({ rank: 'r1', killed: true }, { rank: 'r9', embargoed: at(5), kill: false }, now)).toEqual({ action: 'stale' });
  });

  it('treats a numeric stored rank (written before string ranks) as older than any version', () => {
    expect(decideEmbargo({ rank: 7, killed: false, heldUntil: at(5) }, { rank: 'r0', kill: false }, now)).toEqual({ action: 'lift', from: at(5) });
  });

  it('keeps the hold of a held story that is killed, so the kill does not reveal it early', () => {
    const d = decideEmbargo(held(5, 'r2'), { rank: 'r1', kill: true }, now);
    expect(d).toEqual({ action: 'hold', until: at(5) });
  });

  it('leaves a hold whose time passed to the releaser, whatever the new version says', () => {
    const d = decideEmbargo(held(-1), { rank: 'r2', embargoed: at(60), kill: false }, now);
    expect(d).toEqual({ action: 'pending', until: at(-1) });
    expect(waitsForRelease(d)).toBe(false);
    expect(heldUntilAfter(d, now)).toEqual(at(-1));
  });

  it('threads the state through several versions of one story in a batch', () => {
    const v1 = { rank: 'r1', embargoed: at(5), kill: false };
    const v2 = { rank: 'r2', embargoed: at(9), kill: false };
    const d1 = decideEmbargo(undefined, v1, now);
    const s1 = stateAfter(undefined, v1, d1, now);
    expect(decideEmbargo(s1, v2, now)).toEqual({ action: 'change', from: at(5), until: at(9) });
    expect(stateAfter(s1, { rank: 'r0', kill: false }, { action: 'stale' }, now)).toBe(s1);
  });
});
