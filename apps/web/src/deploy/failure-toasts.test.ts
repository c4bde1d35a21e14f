import { describe, expect, it } from 'vitest';
import type { ContainerStatus, StatusEvent } from './api-types';
import { createFailureToaster, EXIT_GRACE_MS, RECOVERED_MS } from './failure-toasts';
import { EMPTY_LIVE, type LiveState, reduceStatus } from './live-state';
import { containerStatus } from './testing';

const c = containerStatus;

/** The stream as useStatusStream feeds it: toaster first, then the store; timers run by hand. */
function harness(busy = false) {
  let live: LiveState = reduceStatus(EMPTY_LIVE, { kind: 'snapshot', containers: [c({})], at: 0 });
  const toasts: string[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const run = { busy };
  const toaster = createFailureToaster({
    live: () => live,
    runBusy: () => run.busy,
    toast: (t) => toasts.push(t.title),
    schedule: (fn, ms) => timers.push({ fn, ms }),
  });
  const change = (status: ContainerStatus) => {
    toaster.onChange(status);
    live = reduceStatus(live, { kind: 'change', status } satisfies StatusEvent);
  };
  const elapse = () => {
    for (const t of timers.splice(0)) {
      expect(t.ms).toBe(EXIT_GRACE_MS);
      t.fn();
    }
  };
  return { change, elapse, toasts, run };
}

describe('createFailureToaster', () => {
  it('says nothing when a stopped container is removed within the grace (redeploy retire, tear down, scale down)', () => {
    const h = harness();
    h.change(c({ state: 'exited', exitCode: 137, at: 2 }));
    h.change(c({ state: 'removed', at: 3 }));
    h.elapse();
    expect(h.toasts).toEqual([]);
  });

  it("says nothing while this page's own deploy or tear-down runs (the run reports its failures)", () => {
    const h = harness(true);
    h.change(c({ state: 'exited', exitCode: 137, at: 2 }));
    h.elapse();
    expect(h.toasts).toEqual([]);
  });

  it('tells an exit that is still there after the grace, once', () => {
    const h = harness();
    h.change(c({ state: 'exited', exitCode: 3, at: 2 }));
    expect(h.toasts).toEqual([]);
    h.elapse();
    expect(h.toasts).toEqual(['web/web is exited (exit 3)']);
    h.change(c({ state: 'exited', exitCode: 3, at: 3 }));
    h.elapse();
    expect(h.toasts).toHaveLength(1);
  });

  it('tells a crash loop or an unhealthy container at once, even during a run', () => {
    const h = harness(true);
    h.change(c({ state: 'crash-looping', exitCode: 1, restarts: 2, at: 2 }));
    expect(h.toasts).toEqual(['web/web is crash-looping (exit 1), 2 restarts']);
  });

  it('never tells a clean exit', () => {
    const h = harness();
    h.change(c({ state: 'exited', exitCode: 0, at: 2 }));
    h.elapse();
    expect(h.toasts).toEqual([]);
  });

  it('tells an auto-healing episode once: unhealthy → restarted → unhealthy again is not a new failure', () => {
    const h = harness();
    let at = 2;
    for (let cycle = 0; cycle < 4; cycle++) {
      h.change(c({ state: 'unhealthy', at: at++ }));
      h.change(c({ state: 'restarting', at: at++ }));
      h.change(c({ state: 'running', at: at++ })); // its check not passed yet
      at += 30_000;
    }
    expect(h.toasts).toEqual(['web/web is unhealthy']);
    // Healthy a moment is not recovered; healthy for RECOVERED_MS is, and the next failure is told.
    h.change(c({ state: 'healthy', at }));
    h.change(c({ state: 'unhealthy', at: at + RECOVERED_MS - 1 }));
    expect(h.toasts).toHaveLength(1);
    h.change(c({ state: 'healthy', at: at + RECOVERED_MS }));
    h.change(c({ state: 'unhealthy', at: at + 2 * RECOVERED_MS }));
    expect(h.toasts).toEqual(['web/web is unhealthy', 'web/web is unhealthy']);
  });

  it('tells a container that dies again after the supervisor started or recreated it once, until it stays up', () => {
    const h = harness();
    h.change(c({ id: 'a', state: 'exited', exitCode: 1, at: 2 }));
    h.elapse();
    h.change(c({ id: 'a', state: 'running', at: 1_000 })); // started again
    h.change(c({ id: 'a', state: 'exited', exitCode: 1, at: 3_000 }));
    h.elapse();
    h.change(c({ id: 'a', state: 'removed', at: 4_000 })); // recreated under a new id
    h.change(c({ id: 'b', state: 'running', at: 5_000 }));
    h.change(c({ id: 'b', state: 'exited', exitCode: 1, at: 6_000 }));
    h.elapse();
    h.change(c({ id: 'b', state: 'crash-looping', exitCode: 1, restarts: 3, at: 7_000 }));
    expect(h.toasts).toEqual(['web/web is exited (exit 1)']);
    // Up for RECOVERED_MS (no health check: running is well): the next death is a new episode.
    h.change(c({ id: 'b', state: 'running', at: 8_000 }));
    h.change(c({ id: 'b', state: 'exited', exitCode: 2, at: 8_000 + RECOVERED_MS }));
    h.elapse();
    expect(h.toasts).toEqual(['web/web is exited (exit 1)', 'web/web is exited (exit 2)']);
  });

  it('keeps replicas apart, and a removal by this page’s own run (a redeploy) ends the episode', () => {
    const h = harness();
    h.change(c({ state: 'unhealthy', at: 2 }));
    h.change(c({ replica: 2, state: 'unhealthy', at: 3 }));
    expect(h.toasts).toEqual(['web/web is unhealthy', 'web/web #2 is unhealthy']);
    h.change(c({ state: 'running', at: 4 }));
    h.change(c({ state: 'removed', at: 5 })); // the supervisor's recreate: the episode goes on
    h.change(c({ state: 'unhealthy', at: 6 }));
    expect(h.toasts).toHaveLength(2);
    h.run.busy = true;
    h.change(c({ state: 'removed', at: 7 })); // the redeploy retires it
    h.run.busy = false;
    h.change(c({ id: 'new', state: 'unhealthy', at: 8 }));
    expect(h.toasts).toEqual(['web/web is unhealthy', 'web/web #2 is unhealthy', 'web/web is unhealthy']);
  });
});
