import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Orchestrator } from '../../src/docker/orchestrate';
import { cleanup, collect, counted, driver, engine, errorsOf, succeeded } from '../docker/harness';
import { project, replicas, rolloutEvents, webBlueprint } from './fixture';

/** Rolling updates on the real engine: start-first keeps every replica's capacity; a version that never turns healthy rolls back by itself. */
const c = counted();
const d = driver(c.docker);
const o = new Orchestrator(d);
const projects: string[] = [];
const fresh = (n: string) => {
  const p = project(n);
  projects.push(p);
  return p;
};

beforeAll(engine, 60_000);
afterAll(async () => {
  for (const p of projects) await cleanup(c.docker, p);
});

/** Samples the number of healthy containers of the service every ~100 ms until stopped. */
function sampler(p: string) {
  const counts: number[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      counts.push((await replicas(c.docker, p)).filter((r) => r.healthy).length);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    counts,
    stop: async () => {
      on = false;
      await loop;
      return counts;
    },
  };
}

describe('orchestrator: rolling update', () => {
  it('updates 3 replicas start-first: never fewer than 3 healthy, then every replica runs the new version', async () => {
    const P = fresh('roll');
    expect(succeeded(await collect(d.apply(webBlueprint({ replicas: 3 }), { project: P })))).toBe(true);
    const before = await replicas(c.docker, P);
    expect(before.filter((r) => r.healthy)).toHaveLength(3);

    const s = sampler(P);
    const events = await collect(o.update(webBlueprint({ replicas: 3, version: '2' }), { project: P }));
    const counts = await s.stop();
    expect(errorsOf(events)).toEqual([]);
    expect(counts.length).toBeGreaterThan(10);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);

    const after = await replicas(c.docker, P);
    expect(after.map((r) => r.name)).toEqual([`${P}-web-1`, `${P}-web-2`, `${P}-web-3`]);
    expect(after.every((r) => r.healthy && r.hash !== before[0]?.hash)).toBe(true);
    expect(after.some((r) => before.some((b) => b.id === r.id))).toBe(false);
    // Per replica: started beside the old one, healthy, old one stopping (said before the wait) and retired, then the old containers removed.
    const phases = rolloutEvents(events)
      .filter((e) => e.replica === 2)
      .map((e) => e.phase);
    expect(phases).toEqual(['started', 'healthy', 'stopping', 'retired', 'committed']);
    // What runs is what the blueprint says: a deploy now has nothing to do.
    const plan = await d.plan(webBlueprint({ replicas: 3, version: '2' }), { project: P });
    expect(plan.ok && plan.value.noop).toBe(true);
  }, 180_000);

  it('rolls back by itself when the new version never turns healthy: the old replicas are untouched', async () => {
    const P = fresh('rollback');
    expect(succeeded(await collect(d.apply(webBlueprint({ replicas: 3 }), { project: P })))).toBe(true);
    const before = await replicas(c.docker, P);

    const events = await collect(
      o.update(webBlueprint({ replicas: 3, version: '2', bad: true, rollout: { monitor: '3s' } }), { project: P }),
    );
    const errors = errorsOf(events);
    expect(errors).toMatchObject([{ code: 'ROLLED_BACK', elementId: 'container:web/web' }]);
    expect(errors[0]?.message).toMatch(/not healthy within 3 s/);
    expect(rolloutEvents(events).map((e) => e.phase)).toEqual(['started', 'failed']);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: false });

    const after = await replicas(c.docker, P);
    expect(after.map((r) => [r.name, r.id, r.hash])).toEqual(before.map((r) => [r.name, r.id, r.hash]));
    expect(after.every((r) => r.healthy)).toBe(true);
  }, 120_000);

  it('restores replicas already swapped when a later one fails (parallelism 1, the failure on the 2nd)', async () => {
    const P = fresh('restore');
    expect(succeeded(await collect(d.apply(webBlueprint({ replicas: 2 }), { project: P })))).toBe(true);
    const before = await replicas(c.docker, P);
    // The new version never creates its health file (it stays "starting": long start period). The
    // test creates it in replica 1's new container only, so replica 1 turns healthy and 2 never does.
    const events: Awaited<ReturnType<typeof collect>> = [];
    for await (const e of o.update(webBlueprint({ replicas: 2, version: '2', bad: true, rollout: { monitor: '4s' } }), { project: P })) {
      events.push(e);
      if (e.kind === 'rollout' && e.replica === 1 && e.phase === 'started') {
        const tmp = (await replicas(c.docker, P)).find((r) => r.replica === 1 && r.name !== `${P}-web-1`);
        await (await c.docker.getContainer(tmp?.id as string).exec({ Cmd: ['touch', '/tmp/ok'] })).start({ Detach: true });
      }
    }
    expect(errorsOf(events)).toMatchObject([{ code: 'ROLLED_BACK' }]);
    expect(rolloutEvents(events).map((e) => `${e.replica}:${e.phase}`)).toEqual([
      '1:started',
      '1:healthy',
      '1:stopping',
      '1:retired',
      '2:started',
      '2:failed',
      '1:restored',
    ]);
    const after = await replicas(c.docker, P);
    expect(after.map((r) => [r.name, r.id])).toEqual(before.map((r) => [r.name, r.id]));
    expect(after.every((r) => r.healthy)).toBe(true);
  }, 120_000);

  it('a cancelled update restores what it swapped and says CANCELLED', async () => {
    const P = fresh('cancel');
    expect(succeeded(await collect(d.apply(webBlueprint({ replicas: 3 }), { project: P })))).toBe(true);
    const before = await replicas(c.docker, P);
    const stop = new AbortController();
    const events: Awaited<ReturnType<typeof collect>> = [];
    for await (const e of o.update(webBlueprint({ replicas: 3, version: '2' }), { project: P, signal: stop.signal })) {
      events.push(e);
      if (e.kind === 'rollout' && e.replica === 2 && e.phase === 'started') stop.abort();
    }
    expect(errorsOf(events).map((e) => e.code)).toEqual(['CANCELLED']);
    expect(rolloutEvents(events).map((e) => `${e.replica}:${e.phase}`)).toEqual([
      '1:started',
      '1:healthy',
      '1:stopping',
      '1:retired',
      '2:started',
      '2:failed',
      '1:restored',
    ]);
    const after = await replicas(c.docker, P);
    expect(after.map((r) => [r.name, r.id, r.healthy])).toEqual(before.map((r) => [r.name, r.id, true]));
  }, 120_000);
});
