import { describe, expect, it } from 'vitest';
import type { ServiceLive } from '../deploy/live-state';
import { EMPTY_HISTORY, HISTORY_POINTS, healthSpans, withHealth, withUsage } from './history';

const live = (state: ServiceLive['state'], restarts = 0): ServiceLive => ({
  state,
  label: state,
  health: undefined,
  running: 1,
  desired: 1,
  restarts,
});

describe('Monitor history', () => {
  it('appends only newer usage points, takes a replaced newest one, and stays bounded', () => {
    let h = withUsage(EMPTY_HISTORY, [{ at: 1000, cpuPercent: 1, memoryBytes: 10 }]);
    h = withUsage(h, [
      { at: 1000, cpuPercent: 2, memoryBytes: 10 },
      { at: 2000, cpuPercent: 3, memoryBytes: 20 },
    ]);
    expect(h.usage.map((p) => [p.at, p.cpuPercent])).toEqual([
      [1000, 2],
      [2000, 3],
    ]);
    expect(withUsage(h, h.usage)).toBe(h);
    const long = withUsage(
      EMPTY_HISTORY,
      Array.from({ length: HISTORY_POINTS + 10 }, (_, i) => ({ at: i, cpuPercent: i, memoryBytes: 0 })),
    );
    expect(long.usage).toHaveLength(HISTORY_POINTS);
  });

  it('records state changes and restarts, not repeats; spans run to now', () => {
    let h = withHealth(EMPTY_HISTORY, live('running'), 10);
    h = withHealth(h, live('running'), 20);
    h = withHealth(h, live('unhealthy'), 30);
    h = withHealth(h, live('unhealthy', 1), 40);
    h = withHealth(h, undefined, 50);
    expect(h.health.map((p) => [p.at, p.state, p.restarts])).toEqual([
      [10, 'running', 0],
      [30, 'unhealthy', 0],
      [40, 'unhealthy', 1],
      [50, 'removed', 0],
    ]);
    expect(healthSpans(h.health, 60).map((s) => [s.from, s.to])).toEqual([
      [10, 30],
      [30, 40],
      [40, 50],
      [50, 60],
    ]);
    expect(withHealth(EMPTY_HISTORY, undefined, 1)).toBe(EMPTY_HISTORY);
  });
});
