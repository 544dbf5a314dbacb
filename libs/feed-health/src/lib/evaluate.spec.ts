import { DEFAULT_HEALTH_SETTINGS, evaluate, isTransition } from './evaluate';
import { emptyTally, HOUR_MS, hourOf, type Tally } from './tally';

const T0 = Date.UTC(2026, 11, 1, 0, 0, 0);
const MIN = 60_000;
const s = DEFAULT_HEALTH_SETTINGS;

/** A source sending `perHour` stories every hour from `from` to `to` (epoch hours), last story at `lastSeenAt`. */
function steady(perHour: number, from: number, to: number, lastSeenAt: number): Tally {
  const t = emptyTally();
  for (let h = from; h <= to; h++) t.stories.set(h, perHour);
  t.lastSeenAt = lastSeenAt;
  return t;
}

describe('evaluate: silence', () => {
  const tally = (lastSeenAt: number) => ({ ...emptyTally(), lastSeenAt, stories: new Map([[hourOf(lastSeenAt), 1]]) });

  it('is silent once nothing has come for longer than the expected cadence, and ok again when a story comes', () => {
    const source = { id: 'wire', expectedCadenceSeconds: 15 * 60 };
    const fine = evaluate(source, tally(T0), T0, undefined, T0 + 14 * MIN);
    expect(fine.status).toBe('ok');
    const silent = evaluate(source, tally(T0), T0, fine, T0 + 16 * MIN);
    expect(silent).toMatchObject({ status: 'silent', since: T0 + 16 * MIN, silenceThresholdSeconds: 900 });
    expect(silent.reason).toBe('no story for 16 min (silent after its expected cadence, 15 min)');
    // Still silent later: `since` stays when the status held.
    expect(evaluate(source, tally(T0), T0, silent, T0 + 30 * MIN).since).toBe(T0 + 16 * MIN);
    expect(evaluate(source, tally(T0 + 31 * MIN), T0, silent, T0 + 31 * MIN).status).toBe('ok');
  });

  it('without a cadence: silent after four mean gaps of its own baseline, or after an hour without a baseline', () => {
    const source = { id: 'wire' };
    // 12 stories an hour for 10 hours: a mean gap of 5 min, silent after 20 min.
    const now = T0 + 12 * HOUR_MS;
    const busy = steady(12, hourOf(T0), hourOf(now) - 1, now - 21 * MIN);
    expect(evaluate(source, busy, T0, undefined, now)).toMatchObject({ status: 'silent', baselinePerHour: 12, silenceThresholdSeconds: 1200 });
    expect(evaluate(source, { ...busy, lastSeenAt: now - 19 * MIN }, T0, undefined, now).status).toBe('ok');
    // Tracked for 30 minutes, one story at the start: no baseline, the one-hour default.
    const young = evaluate(source, tally(T0), T0, undefined, T0 + 59 * MIN);
    expect(young).toMatchObject({ status: 'ok', baselinePerHour: null, silenceThresholdSeconds: 3600 });
    expect(evaluate(source, tally(T0), T0, undefined, T0 + 61 * MIN).status).toBe('silent');
  });

  it('counts a source that never sent anything from when it was first tracked', () => {
    const verdict = evaluate({ id: 'quiet', expectedCadenceSeconds: 60 }, emptyTally(), T0, undefined, T0 + 2 * MIN);
    expect(verdict).toMatchObject({ status: 'silent', lastSeenAt: null });
    expect(verdict.reason).toMatch(/^no story since tracking began 2 min ago/);
  });
});

describe('evaluate: against its own baseline', () => {
  const source = { id: 'wire', expectedCadenceSeconds: 3600 };
  const now = T0 + 30 * HOUR_MS + 30 * MIN;
  const history = (perHour: number, lastHours: number) => {
    const t = steady(perHour, hourOf(T0), hourOf(now) - 2, now - MIN);
    t.stories.set(hourOf(now) - 1, lastHours);
    t.stories.set(hourOf(now), lastHours);
    return t;
  };

  it('flags a last hour far below or far above the baseline of the hours before', () => {
    const low = evaluate(source, history(40, 4), T0, undefined, now);
    expect(low).toMatchObject({ status: 'off-baseline', baselinePerHour: 40, storiesLastHour: 6 });
    expect(low.reason).toBe('6 stories in the last hour against a baseline of 40/h');
    expect(evaluate(source, history(40, 200), T0, undefined, now).status).toBe('off-baseline');
    expect(evaluate(source, history(40, 30), T0, undefined, now).status).toBe('ok');
  });

  it('leaves a quiet feed alone: below the minimum volume a swing is noise', () => {
    expect(s.minVolumePerHour).toBe(20);
    expect(evaluate(source, history(8, 1), T0, undefined, now)).toMatchObject({ status: 'ok', baselinePerHour: 8 });
    // ... unless the last hour itself passes the minimum.
    expect(evaluate(source, history(2, 40), T0, undefined, now).status).toBe('off-baseline');
  });

  it('judges no baseline before it has three complete hours of history', () => {
    const young = evaluate(source, history(40, 2), now - 3 * HOUR_MS, undefined, now);
    expect(young).toMatchObject({ status: 'ok', baselinePerHour: null });
  });
});

describe('evaluate: sequence gaps and parse failures', () => {
  const source = { id: 'ap', expectedCadenceSeconds: 3600 };
  const now = T0 + 10 * MIN;
  const withSequence = (numbers: number[]) => {
    const t = { ...emptyTally(), lastSeenAt: now - 2 * MIN };
    t.sequences.set('a', { wrapsAfter: 9999, seen: new Map(numbers.map((n, i) => [n, now - 5 * MIN + i])) });
    return t;
  };

  it('reports missing ANPA sequence numbers, across the wrap, with the newest number of the series', () => {
    const verdict = evaluate(source, withSequence([9998, 9999, 3]), T0, undefined, now);
    expect(verdict).toMatchObject({ status: 'gaps', missingSequences: 2, gaps: [{ series: 'a', missing: 2, listed: [1, 2] }] });
    expect(verdict.lastSequences).toEqual([{ series: 'a', number: 3, at: now - 5 * MIN + 2 }]);
    expect(evaluate(source, withSequence([9998, 9999, 1, 2, 3]), T0, undefined, now).status).toBe('ok');
  });

  it('forgets numbers older than the gap window', () => {
    const old = withSequence([10, 12]);
    old.sequences.get('a')!.seen.set(10, now - 2 * HOUR_MS);
    expect(evaluate(source, old, T0, undefined, now).missingSequences).toBe(0);
  });

  it('is failing at five parse failures in the last hour, not at four', () => {
    const failures = (n: number) => ({ ...withSequence([1]), failures: new Map([[hourOf(now), n]]), lastFailure: { at: now, reason: 'invalid JSON' } });
    expect(evaluate(source, failures(4), T0, undefined, now).status).toBe('ok');
    const failing = evaluate(source, failures(5), T0, undefined, now);
    expect(failing).toMatchObject({ status: 'failing', parseFailuresLastHour: 5 });
    expect(failing.reason).toBe('5 parse failures in the last hour (threshold 5); last: invalid JSON');
  });
});

describe('isTransition', () => {
  const v = (status: 'ok' | 'silent') => evaluate({ id: 'x', expectedCadenceSeconds: status === 'ok' ? 3600 : 1 }, { ...emptyTally(), lastSeenAt: T0 }, T0, undefined, T0 + 5_000);

  it('is a change of status, except a first verdict of ok', () => {
    expect(isTransition(undefined, v('ok'))).toBe(false);
    expect(isTransition(undefined, v('silent'))).toBe(true);
    expect(isTransition(v('ok'), v('silent'))).toBe(true);
    expect(isTransition(v('silent'), v('silent'))).toBe(false);
    expect(isTransition(v('silent'), v('ok'))).toBe(true);
  });
});
