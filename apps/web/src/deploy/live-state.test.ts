import { describe, expect, it } from 'vitest';
import { EMPTY_LIVE, failureOf, publishedPorts, reduceStatus, restartWords, serviceLive } from './live-state';
import { containerStatus } from './testing';

const c = containerStatus;

describe('reduceStatus', () => {
  it('takes a snapshot as the whole truth and applies changes by engine time', () => {
    let s = reduceStatus(
      { ...EMPTY_LIVE, containers: { 'old/old/1': c({ service: 'old' }) } },
      { kind: 'snapshot', containers: [c({})], at: 1 },
    );
    expect(Object.keys(s.containers)).toEqual(['web/web/1']);
    expect(s.engine).toBe(true);
    s = reduceStatus(s, { kind: 'change', status: c({ state: 'healthy', at: 5 }) });
    s = reduceStatus(s, { kind: 'change', status: c({ state: 'starting', at: 3 }) }); // late, older
    expect(s.containers['web/web/1']?.state).toBe('healthy');
    s = reduceStatus(s, { kind: 'change', status: c({ state: 'removed', at: 6 }) });
    expect(s.containers).toEqual({});
  });

  it('keeps two containers of one slot apart by engine id; the better one speaks for the slot', () => {
    let s = reduceStatus(EMPTY_LIVE, { kind: 'snapshot', containers: [c({ id: 'old', state: 'healthy' })], at: 1 });
    // A canary beside the old replica, which is then stopped and set aside.
    s = reduceStatus(s, { kind: 'change', status: c({ id: 'new', state: 'healthy', at: 2 }) });
    s = reduceStatus(s, { kind: 'change', status: c({ id: 'old', state: 'exited', exitCode: 0, at: 3 }) });
    expect(serviceLive(s, 'web', 1)).toMatchObject({ state: 'healthy', running: 1 });
    // A new replica that is removed again (rolled back) does not take the old one with it.
    s = reduceStatus(s, { kind: 'change', status: c({ id: 'new', state: 'removed', at: 4 }) });
    expect(Object.keys(s.containers)).toEqual(['web/web/1#old']);
    expect(serviceLive(s, 'web', 1)?.state).toBe('exited');
  });

  it('records the engine going away without forgetting the last states', () => {
    const s = reduceStatus(reduceStatus(EMPTY_LIVE, { kind: 'snapshot', containers: [c({})], at: 1 }), {
      kind: 'engine',
      connected: false,
      message: 'gone',
      at: 2,
    });
    expect(s).toMatchObject({ engine: false, engineMessage: 'gone' });
    expect(Object.keys(s.containers)).toHaveLength(1);
  });
});

describe('serviceLive', () => {
  it('shows the worst container, replicas running/desired, health and restarts', () => {
    const s = reduceStatus(EMPTY_LIVE, {
      kind: 'snapshot',
      containers: [c({ state: 'healthy' }), c({ replica: 2, state: 'crash-looping', exitCode: 3, restarts: 4 }), c({ service: 'db' })],
      at: 1,
    });
    expect(serviceLive(s, 'web', 3)).toEqual({
      state: 'crash-looping',
      label: 'crash-looping (3)',
      health: 'healthy',
      running: 1,
      desired: 3,
      restarts: 4,
      lastExit: 3,
    });
    expect(serviceLive(s, 'db', 1)).toMatchObject({ state: 'running', running: 1 });
    expect(serviceLive(s, 'cache', 1)).toBeUndefined();
  });
});

describe('failureOf', () => {
  it('reports a new crash loop or non-zero exit once, not a clean exit', () => {
    expect(failureOf(c({}), c({ state: 'crash-looping', exitCode: 1, restarts: 2 }))).toBe('web/web is crash-looping (exit 1), 2 restarts');
    expect(failureOf(c({ state: 'crash-looping' }), c({ state: 'crash-looping' }))).toBeUndefined();
    expect(failureOf(c({}), c({ state: 'exited', exitCode: 0 }))).toBeUndefined();
  });
});

describe('publishedPorts', () => {
  it('lists each published port once', () => {
    const s = reduceStatus(EMPTY_LIVE, {
      kind: 'snapshot',
      containers: [c({ ports: ['127.0.0.1:8080->80/tcp'] }), c({ replica: 2, ports: ['127.0.0.1:8080->80/tcp'] })],
      at: 1,
    });
    expect(publishedPorts(s)).toEqual([{ service: 'web', port: '127.0.0.1:8080->80/tcp' }]);
  });
});

describe('usage', () => {
  const stats = (elementId: string, replica: number, cpuPercent: number, at: number) => ({
    kind: 'stats' as const,
    stats: { id: `${elementId}${replica}`, elementId, replica, cpuPercent, memoryBytes: 1024 * 1024, memoryLimitBytes: 0, at },
  });

  it('sums the containers of a service into one point per second and keeps half a minute', () => {
    let s = EMPTY_LIVE;
    s = reduceStatus(s, stats('container:web/web', 1, 2, 1000));
    s = reduceStatus(s, stats('container:web/web', 2, 3, 1100)); // same second: replaces the point
    s = reduceStatus(s, stats('container:db/db', 1, 50, 1100));
    expect(s.usage?.web).toEqual([{ at: 1100, cpuPercent: 5, memoryBytes: 2 * 1024 * 1024 }]);
    for (let i = 1; i <= 40; i++) s = reduceStatus(s, stats('container:web/web', 1, i, 1100 + i * 1000));
    expect(s.usage?.web).toHaveLength(30);
    expect(s.usage?.db).toHaveLength(1);
  });
});

describe('restarts on the node', () => {
  it('counts a container that exits and runs again under its own id (auto-healing: the engine does not count it)', () => {
    let s = reduceStatus(EMPTY_LIVE, { kind: 'snapshot', containers: [c({ id: 'x' })], at: 1 });
    for (let i = 0; i < 3; i++) {
      s = reduceStatus(s, { kind: 'change', status: c({ id: 'x', state: 'exited', exitCode: 1, at: 10 + 2 * i }) });
      s = reduceStatus(s, { kind: 'change', status: c({ id: 'x', state: 'running', exitCode: 1, at: 11 + 2 * i }) });
    }
    expect(serviceLive(s, 'web', 1)).toMatchObject({ state: 'running', restarts: 3, lastExit: 1 });
    expect(restartWords(3, 1)).toEqual({ short: '↻ 3× · exit 1', long: 'restarted 3 times, last exit code 1' });
    // A reconnect's snapshot keeps what was seen of containers still there.
    s = reduceStatus(s, { kind: 'snapshot', containers: [c({ id: 'x', exitCode: 1, at: 20 })], at: 20 });
    expect(serviceLive(s, 'web', 1)?.restarts).toBe(3);
  });

  it('takes the engine’s count when it is higher (restart policy), and counts no redeploy as a restart', () => {
    let s = reduceStatus(EMPTY_LIVE, { kind: 'snapshot', containers: [c({ id: 'x', restarts: 5, exitCode: 2 })], at: 1 });
    expect(serviceLive(s, 'web', 1)).toMatchObject({ restarts: 5, lastExit: 2 });
    // A redeploy: the old container stops (137) and goes, a new one takes the slot.
    s = reduceStatus(s, { kind: 'change', status: c({ id: 'x', state: 'exited', exitCode: 137, restarts: 5, at: 2 }) });
    s = reduceStatus(s, { kind: 'change', status: c({ id: 'x', state: 'removed', at: 3 }) });
    s = reduceStatus(s, { kind: 'change', status: c({ id: 'y', state: 'running', at: 4 }) });
    expect(serviceLive(s, 'web', 1)).toMatchObject({ restarts: 0 });
    expect(serviceLive(s, 'web', 1)?.lastExit).toBeUndefined();
    expect(restartWords(0, undefined)).toBeUndefined();
  });
});
