import { StoreWedgeWatch } from './store-wedge';

/** A probe, a fresh client and a clock the test sets. */
function setup(opts: { downSince?: number; fresh: boolean; afterMs?: number }) {
  const probe: { downSince: number | undefined } = { downSince: opts.downSince };
  let now = 100_000;
  const fresh = { ok: opts.fresh, calls: 0 };
  const wedged: string[] = [];
  const watch = new StoreWedgeWatch(
    probe,
    async () => {
      fresh.calls++;
      return fresh.ok;
    },
    (reason) => wedged.push(reason),
    opts.afterMs ?? 60_000,
    () => now,
  );
  return { watch, probe, fresh, wedged, advance: (ms: number) => (now += ms) };
}

describe('StoreWedgeWatch', () => {
  it('does nothing while the probe succeeds', async () => {
    const { watch, fresh, wedged } = setup({ downSince: undefined, fresh: true });
    expect(await watch.check()).toBe(false);
    expect(fresh.calls).toBe(0);
    expect(wedged).toEqual([]);
  });

  it('waits out a short outage without asking anyone', async () => {
    const { watch, fresh, wedged } = setup({ downSince: 100_000 - 59_000, fresh: true });
    expect(await watch.check()).toBe(false);
    expect(fresh.calls).toBe(0);
    expect(wedged).toEqual([]);
  });

  it('leaves a long outage alone while a fresh client cannot reach the store either', async () => {
    const { watch, fresh, wedged } = setup({ downSince: 100_000 - 600_000, fresh: false });
    expect(await watch.check()).toBe(false);
    expect(fresh.calls).toBe(1);
    expect(wedged).toEqual([]);
  });

  it('declares the connection wedged once, when it has failed past the bound and a fresh client gets through', async () => {
    const { watch, wedged } = setup({ downSince: 100_000 - 61_000, fresh: true });
    expect(await watch.check()).toBe(true);
    expect(wedged).toHaveLength(1);
    expect(wedged[0]).toContain('61 s');
    expect(await watch.check()).toBe(false);
    expect(wedged).toHaveLength(1);
  });

  it('does not fire when the service recovered while the fresh client was connecting', async () => {
    const state = setup({ downSince: 0, fresh: true });
    const watch = new StoreWedgeWatch(
      state.probe,
      async () => {
        state.probe.downSince = undefined;
        return true;
      },
      (reason) => state.wedged.push(reason),
      60_000,
      () => 100_000,
    );
    expect(await watch.check()).toBe(false);
    expect(state.wedged).toEqual([]);
  });

  it('is off at 0', async () => {
    const { watch, fresh, wedged } = setup({ downSince: 0, fresh: true, afterMs: 0 });
    expect(await watch.check()).toBe(false);
    expect(fresh.calls).toBe(0);
    expect(wedged).toEqual([]);
  });
});
