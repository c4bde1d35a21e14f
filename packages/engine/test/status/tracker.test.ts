import { describe, expect, it } from 'vitest';
import type { ContainerEvent, EventAction } from '../../src/docker/status/events';
import type { Facts, Tracked } from '../../src/docker/status/state';
import { Tracker } from '../../src/docker/status/tracker';
import type { ContainerStatus } from '../../src/types';

const identity = { project: 'p', service: 'web', container: 'main', replica: 1, elementId: 'container:web/main' };
const S = 1e9;
const ev = (id: string, action: EventAction, t: number, exitCode?: number): ContainerEvent => ({
  id,
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

/** An inspect answer the test releases when it wants (the inspects are ours to time, not the engine). */
function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function tracker() {
  const emitted: ContainerStatus[] = [];
  const running: string[] = [];
  const t = new Tracker(new Map<string, Tracked>(), {
    emit: (s) => emitted.push(s),
    running: (id) => running.push(id),
    stopped: () => {},
  });
  const states = (id?: string) =>
    emitted.filter((s) => !id || s.id === id).map((s) => (s.exitCode === undefined ? s.state : `${s.state}(${s.exitCode})`));
  return { t, emitted, running, states };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Tracker', () => {
  it("a new container's start waits only for the first inspect to answer (its create's), not its own", async () => {
    const { t, states, emitted } = tracker();
    const create = later<Facts | undefined>();
    const start = later<Facts | undefined>();
    t.push({ ev: ev('a', 'create', 1 * S), early: false, facts: create.promise });
    t.push({ ev: ev('a', 'start', 2 * S), early: false, facts: start.promise });
    await flush();
    expect(states()).toEqual(['pending']);
    create.resolve(facts({ running: false, hasHealthcheck: true }));
    await flush();
    // Known to have a health check: starting, at once; the start's own inspect still outstanding.
    expect(states()).toEqual(['pending', 'starting']);
    start.resolve(facts({ hasHealthcheck: true, health: 'starting', ports: ['0.0.0.0:8080->80/tcp'] }));
    await flush();
    expect(emitted.at(-1)).toMatchObject({ state: 'starting', ports: ['0.0.0.0:8080->80/tcp'] });
  });

  it('keeps one container in order while another goes ahead', async () => {
    const { t, states } = tracker();
    const slow = later<Facts | undefined>();
    t.push({ ev: ev('a', 'start', 1 * S), early: false, facts: slow.promise });
    t.push({ ev: ev('a', 'die', 2 * S, 1), early: false });
    t.push({ ev: ev('b', 'create', 3 * S), early: false });
    await flush();
    expect(states()).toEqual(['pending']);
    slow.resolve(facts());
    await t.drain();
    expect(states('a')).toEqual(['running', 'exited(1)']);
  });

  it('skips an early event the snapshot already reflects', async () => {
    const tracked = new Map<string, Tracked>();
    const emitted: ContainerStatus[] = [];
    const t = new Tracker(tracked, { emit: (s) => emitted.push(s), running: () => {}, stopped: () => {} });
    t.push({ ev: ev('a', 'create', 1 * S), early: false, facts: Promise.resolve(facts()) });
    const snap = tracked.get('a')!;
    tracked.set('a', { ...snap, watermark: 5 * S });
    t.push({ ev: ev('a', 'start', 4 * S), early: true, facts: Promise.resolve(facts()) });
    t.push({ ev: ev('a', 'die', 6 * S, 0), early: true, facts: Promise.resolve(facts({ running: false })) });
    await flush();
    await t.drain();
    expect(emitted.map((s) => s.state)).toEqual(['pending', 'exited']);
  });
});
