import { describe, expect, it } from 'vitest';
import type { ContainerStatus, StatusEvent } from './api-types';
import { createFailureToaster, EXIT_GRACE_MS } from './failure-toasts';
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
});
