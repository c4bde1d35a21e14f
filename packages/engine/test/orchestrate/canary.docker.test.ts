import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Orchestrator } from '../../src/docker/orchestrate';
import { cleanup, collect, counted, driver, engine, errorsOf, succeeded } from '../docker/harness';
import { project, replicas, rolloutEvents, webBlueprint } from './fixture';

/** Canary at 1 of 4 on the real engine: abort restores the old version exactly (same ids); promote rolls the rest. */
const c = counted();
const d = driver(c.docker);
const o = new Orchestrator(d);
const P = project('canary');
const v1 = webBlueprint({ replicas: 4 });
const v2 = webBlueprint({ replicas: 4, version: '2' });

beforeAll(engine, 60_000);
afterAll(() => cleanup(c.docker, P));

const names = (n: number) => Array.from({ length: n }, (_, i) => `${P}-web-${i + 1}`);

describe('orchestrator: canary', () => {
  it('runs the new version on 1 of 4 replicas, aborts back to the old containers, then promotes', async () => {
    expect(succeeded(await collect(d.apply(v1, { project: P })))).toBe(true);
    const old = await replicas(c.docker, P);
    expect(old.map((r) => r.name)).toEqual(names(4));
    const oldHash = old[0]?.hash;

    // Canary: replica 4 runs v2; its old container is kept, stopped, aside; 1–3 untouched.
    const canary = await collect(o.canary(v2, { project: P, service: 'web', replicas: 1 }));
    expect(errorsOf(canary)).toEqual([]);
    expect(rolloutEvents(canary).map((e) => `${e.replica}:${e.phase}`)).toEqual([
      '4:started',
      '4:healthy',
      '4:stopping',
      '4:retired',
      '4:paused',
    ]);
    let now = await replicas(c.docker, P);
    const running = now.filter((r) => r.state === 'running');
    expect(running.map((r) => r.name)).toEqual(names(4));
    expect(running.filter((r) => r.hash === oldHash).map((r) => r.id)).toEqual(old.slice(0, 3).map((r) => r.id));
    expect(running.filter((r) => r.hash !== oldHash).map((r) => r.replica)).toEqual([4]);
    expect(now.filter((r) => r.state !== 'running').map((r) => [r.name, r.id])).toEqual([[`${P}-web-4_prev`, old[3]?.id]]);
    const st = await o.status(P);
    expect(st.ok && st.value).toMatchObject([{ service: 'web', replicas: [1, 2, 3, 4], canaries: [4] }]);
    // A second canary or a scale waits for promote/abort.
    expect(errorsOf(await collect(o.canary(v2, { project: P, service: 'web' })))).toMatchObject([{ code: 'BUSY' }]);

    // Abort: the canary goes; the old version runs again under exactly the old ids.
    expect(errorsOf(await collect(o.abort(P, 'web')))).toEqual([]);
    now = await replicas(c.docker, P);
    expect(now.map((r) => [r.name, r.id, r.hash])).toEqual(old.map((r) => [r.name, r.id, r.hash]));
    expect(now.every((r) => r.healthy)).toBe(true);
    expect(errorsOf(await collect(o.abort(P, 'web')))).toMatchObject([{ code: 'NOT_FOUND' }]);

    // Canary again, then promote: every replica runs v2, nothing is left aside.
    expect(errorsOf(await collect(o.canary(v2, { project: P, service: 'web' })))).toEqual([]);
    const promote = await collect(o.promote(P, 'web'));
    expect(errorsOf(promote)).toEqual([]);
    expect(
      rolloutEvents(promote)
        .filter((e) => e.phase === 'committed')
        .map((e) => e.replica)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    now = await replicas(c.docker, P);
    expect(now.map((r) => r.name)).toEqual(names(4));
    expect(now.every((r) => r.healthy && r.hash !== oldHash)).toBe(true);
    const plan = await d.plan(v2, { project: P });
    expect(plan.ok && plan.value.noop).toBe(true);
  }, 240_000);
});
