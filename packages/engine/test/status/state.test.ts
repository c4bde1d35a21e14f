import { describe, expect, it } from 'vitest';
import { applyEvent, CRASH_LOOP, canPredict, type Facts, refresh, settle, type Tracked } from '../../src/docker/status';
import type { ContainerEvent, EventAction } from '../../src/docker/status/events';
import { trackedOf } from '../../src/docker/status/inspect';

const identity = { project: 'p', service: 'web', container: 'main', replica: 1, elementId: 'container:web/main' };
const S = 1e9;
const ev = (action: EventAction, t: number, exitCode?: number): ContainerEvent => ({
  id: 'c1',
  action,
  identity,
  image: 'img',
  t,
  exitCode,
});
const facts = (f: Partial<Facts> = {}): Facts => ({
  restartCount: 0,
  restarting: false,
  running: true,
  hasHealthcheck: false,
  ports: [],
  policy: { name: 'no', max: 0, autoRemove: false },
  ...f,
});
const always = { name: 'always', max: 0, autoRemove: false };

/** Runs events through the machine; returns the emitted states as "state" or "state(exit)". */
function run(steps: [ContainerEvent, Facts?][], start?: Tracked) {
  let t = start;
  const emitted: string[] = [];
  const statuses = [];
  for (const [e, f] of steps) {
    const step = applyEvent(t, e, f);
    t = step.next;
    if (step.emit) {
      statuses.push(step.emit);
      emitted.push(step.emit.exitCode === undefined ? step.emit.state : `${step.emit.state}(${step.emit.exitCode})`);
    }
  }
  return { emitted, statuses, last: t };
}

describe('state machine (DESIGN §5 states)', () => {
  it('create → start → die → destroy', () => {
    const r = run([
      [ev('create', 1 * S)],
      [ev('start', 2 * S), facts({ ports: ['127.0.0.1:8080->80/tcp'] })],
      [ev('kill', 3 * S)],
      [ev('die', 3.1 * S, 137), facts({ running: false })],
      [ev('destroy', 4 * S)],
    ]);
    expect(r.emitted).toEqual(['pending', 'running', 'exited(137)', 'removed']);
    expect(r.statuses[1]?.ports).toEqual(['127.0.0.1:8080->80/tcp']);
    expect(r.statuses[2]?.ports).toEqual([]);
    expect(r.statuses.map((s) => s.at)).toEqual([1000, 2000, 3100, 4000]);
    expect(r.last).toBeUndefined();
  });

  it('health: starting, healthy, unhealthy; a late health result does not revive a dead container', () => {
    const r = run([
      [ev('create', 1 * S)],
      [ev('start', 2 * S), facts({ hasHealthcheck: true, health: 'starting' })],
      [ev('healthy', 3 * S)],
      [ev('unhealthy', 4 * S)],
      [ev('die', 5 * S, 1), facts({ running: false, hasHealthcheck: true })],
      [ev('healthy', 6 * S)],
    ]);
    expect(r.emitted).toEqual(['pending', 'starting', 'healthy', 'unhealthy', 'exited(1)']);
  });

  it('restarting, then crash-looping after three restarting dies in the window, with restart counts', () => {
    const steps: [ContainerEvent, Facts?][] = [[ev('create', 0)]];
    for (let i = 1; i <= 4; i++) {
      steps.push([ev('start', i * S), facts({ restartCount: i - 1 })]);
      steps.push([ev('die', i * S + 0.1 * S, 3), facts({ restarting: true, running: false, restartCount: i })]);
    }
    const r = run(steps);
    expect(r.emitted).toEqual([
      'pending',
      'running',
      'restarting(3)',
      'running',
      'restarting(3)',
      'running',
      'crash-looping(3)',
      'crash-looping(3)',
      'crash-looping(3)',
    ]);
    expect(r.statuses.at(-1)?.restarts).toBe(4);
    // It stays up past the settle time: recovered, running again.
    const s = settle(r.last!, 4.1 * S + CRASH_LOOP.settleNs);
    expect(s.emit?.state).toBe('running');
    expect(s.emit?.at).toBe(14_100);
  });

  it('a die the restart manager already answered (running again, higher count) is a restart too', () => {
    const r = run([
      [ev('start', 1 * S), facts()],
      [ev('die', 2 * S, 2), facts({ running: true, restartCount: 1 })],
    ]);
    expect(r.emitted).toEqual(['running', 'restarting(2)']);
  });

  it('a manual stop of a restart-always container is exited, not restarting', () => {
    const r = run([
      [ev('start', 1 * S), facts()],
      [ev('kill', 2 * S)],
      [ev('die', 2.1 * S, 137), facts({ running: false, restarting: false })],
    ]);
    expect(r.emitted).toEqual(['running', 'exited(137)']);
  });

  it('an oom kill says so', () => {
    const r = run([[ev('start', 1 * S), facts()], [ev('oom', 2 * S)], [ev('die', 2.1 * S, 137), facts({ running: false })]]);
    expect(r.statuses.at(-1)?.message).toMatch(/out of memory/);
  });

  it('does not repeat a status that did not change', () => {
    const base = trackedOf({
      Id: 'c1',
      Created: '2026-01-01T00:00:00Z',
      Config: { Labels: { 'dev.blaupause.element': 'container:web/main' } },
      State: { Status: 'running', Running: true, StartedAt: '2026-01-01T00:00:01Z' },
    });
    expect(base.status.state).toBe('running');
    expect(applyEvent(base, ev('start', base.watermark + 1), facts()).emit).toBeUndefined();
  });
});

describe('predicting without waiting for inspect', () => {
  it('waits only for a container whose configuration is unknown', () => {
    expect(canPredict(undefined, ev('create', 1))).toBe(true);
    expect(canPredict(undefined, ev('start', 1))).toBe(false);
    const known = applyEvent(undefined, ev('create', 1 * S), facts({ policy: always })).next!;
    expect(canPredict(known, ev('start', 2 * S))).toBe(true);
    expect(canPredict(known, ev('die', 2 * S))).toBe(true);
  });

  it('predicts the restart manager from the policy and the kill flag', () => {
    const r = run([
      [ev('create', 0), facts({ policy: always })],
      [ev('start', 1 * S)],
      [ev('die', 2 * S, 3)],
      [ev('start', 2.1 * S)],
      [ev('kill', 3 * S)],
      [ev('die', 3.1 * S, 137)],
    ]);
    expect(r.emitted).toEqual(['pending', 'running', 'restarting(3)', 'running', 'exited(137)']);
    expect(r.statuses.map((s) => s.restarts)).toEqual([0, 0, 1, 1, 1]);
    const onFailure = { name: 'on-failure', max: 1, autoRemove: false };
    const f = run([[ev('create', 0), facts({ policy: onFailure })], [ev('start', 1 * S)], [ev('die', 2 * S, 0)]]);
    expect(f.emitted.at(-1)).toBe('exited(0)');
    const g = run([
      [ev('create', 0), facts({ policy: onFailure })],
      [ev('start', 1 * S)],
      [ev('die', 2 * S, 1)],
      [ev('start', 3 * S)],
      [ev('die', 4 * S, 1)],
    ]);
    // on-failure:1 — one restart, then it stays down.
    expect(g.emitted.slice(2)).toEqual(['restarting(1)', 'running', 'exited(1)']);
  });

  it('folds the late inspect in: ports and health after a start, a correction after a wrong guess', () => {
    const started = run([[ev('create', 0), facts({ policy: always })], [ev('start', 1 * S)]]);
    const afterStart = refresh(
      started.last!,
      ev('start', 1 * S),
      facts({ policy: always, ports: ['0.0.0.0:80->80/tcp'], hasHealthcheck: true, health: 'starting' }),
    );
    expect(afterStart.emit).toMatchObject({ state: 'starting', ports: ['0.0.0.0:80->80/tcp'] });

    const died = applyEvent(afterStart.next, ev('die', 2 * S, 1));
    expect(died.emit).toMatchObject({ state: 'restarting', restarts: 1 });
    // The engine did not restart it after all: say so, and take the restart back.
    const fixed = refresh(died.next!, ev('die', 2 * S, 1), facts({ policy: always, running: false, restarting: false }));
    expect(fixed.emit).toMatchObject({ state: 'exited', exitCode: 1, restarts: 0 });
    expect(fixed.next?.dies).toEqual([]);
    // A right guess only confirms: no new status.
    expect(
      refresh(died.next!, ev('die', 2 * S, 1), facts({ policy: always, running: false, restarting: true, restartCount: 1 })).emit,
    ).toBeUndefined();
  });
});

describe('snapshot from inspect', () => {
  it('maps engine states, published ports and restart counts', () => {
    const t = trackedOf({
      Id: 'x',
      RestartCount: 5,
      Created: '2026-01-01T00:00:00Z',
      Config: { Image: 'busybox', Labels: { 'dev.blaupause.element': 'container:db/main', 'com.docker.compose.container-number': '3' } },
      State: {
        Status: 'restarting',
        Restarting: true,
        ExitCode: 3,
        StartedAt: '2026-01-01T00:01:00.5Z',
        FinishedAt: '2026-01-01T00:01:00.6Z',
      },
      NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }], '81/tcp': null } },
    });
    expect(t.status).toMatchObject({
      state: 'crash-looping',
      exitCode: 3,
      restarts: 5,
      service: 'db',
      replica: 3,
      image: 'busybox',
      ports: ['127.0.0.1:8080->80/tcp'],
    });
    expect(t.status.at).toBe(Date.parse('2026-01-01T00:01:00.6Z'));
    expect(trackedOf({ Id: 'y', State: { Status: 'running', Health: { Status: 'unhealthy' } } }).status.state).toBe('unhealthy');
    // Running again a moment after its latest short run, with restarts behind it: still looping (and
    // no stale exit code 0 from the restart); the same container up for a minute is simply running.
    const justRestarted = {
      Id: 'v',
      RestartCount: 4,
      State: { Status: 'running', Running: true, ExitCode: 0, StartedAt: '2026-01-01T00:01:00.7Z', FinishedAt: '2026-01-01T00:01:00.6Z' },
    };
    const now = Date.parse('2026-01-01T00:01:01Z') * 1e6;
    expect(trackedOf(justRestarted, now).status).toMatchObject({ state: 'crash-looping', exitCode: undefined, restarts: 4 });
    expect(trackedOf(justRestarted, now + 60e9).status.state).toBe('running');
    expect(trackedOf({ Id: 'z', State: { Status: 'created' } }).status.state).toBe('pending');
    expect(trackedOf({ Id: 'w', State: { Status: 'exited', ExitCode: 0 } }).status).toMatchObject({ state: 'exited', exitCode: 0 });
  });
});
