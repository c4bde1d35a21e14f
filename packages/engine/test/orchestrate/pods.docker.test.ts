import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Orchestrator } from '../../src/docker/orchestrate';
import { blueprint, cleanup, collect, counted, driver, engine, errorsOf, IMAGE, succeeded } from '../docker/harness';
import { project, replicas, rolloutEvents, webBlueprint } from './fixture';

/** Pods (main + sidecar) through scale and rolling update; stop-first for a service that publishes a host port; surge. */
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

const run = ['sh', '-c', 'trap "exit 0" TERM; touch /tmp/ok; sleep 3600 & wait'];
const health = { test: { exec: ['test', '-f', '/tmp/ok'] }, interval: '500ms', retries: 2 };
const pod = (version: string, replicas = 1) =>
  blueprint({
    services: {
      app: {
        replicas,
        containers: {
          app: { image: IMAGE, command: run, env: { VERSION: version }, healthcheck: health },
          side: { image: IMAGE, role: 'sidecar', command: run, env: { VERSION: version } },
        },
      },
    },
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('orchestrator: pods, stop-first, surge', () => {
  it('scales and updates a pod: each sidecar joins its own main, and the result is what apply would make', async () => {
    const P = fresh('pod');
    expect(succeeded(await collect(d.apply(pod('1'), { project: P })))).toBe(true);
    expect(errorsOf(await collect(o.scale(P, 'app', 2)))).toEqual([]);
    const check = async () => {
      const mains = await replicas(c.docker, P, 'app');
      const byName = new Map(mains.map((m) => [m.name, m]));
      for (const n of [1, 2]) {
        const side = byName.get(`${P}-app-side-${n}`);
        const main = byName.get(`${P}-app-${n}`);
        expect(side?.state).toBe('running');
        const info = await c.docker.getContainer(side?.id as string).inspect();
        expect(info.HostConfig.NetworkMode).toBe(`container:${main?.id}`);
      }
      return mains;
    };
    await check();
    const scaled = await d.plan(pod('1', 2), { project: P });
    expect(scaled.ok && scaled.value.actions.filter((a) => a.kind !== 'unchanged')).toEqual([]);

    const events = await collect(o.update(pod('2', 2), { project: P }));
    expect(errorsOf(events)).toEqual([]);
    const after = await check();
    expect(after).toHaveLength(4);
    const plan = await d.plan(pod('2', 2), { project: P });
    expect(plan.ok && plan.value.noop).toBe(true);
  }, 180_000);

  it('stops first when the service publishes a host port (two containers cannot bind it), and still rolls back', async () => {
    const P = fresh('stopfirst');
    const port = await freePort();
    const bp = (version: string, bad = false) =>
      webBlueprint({ version, bad, rollout: { monitor: '3s' } }) as ReturnType<typeof webBlueprint>;
    const withPort = (b: ReturnType<typeof webBlueprint>) => {
      (b.services.web as { ports?: unknown[] }).ports = [{ port: 80, publish: port, hostIp: '127.0.0.1', protocol: 'tcp' }];
      return b;
    };
    expect(succeeded(await collect(d.apply(withPort(bp('1')), { project: P })))).toBe(true);
    const before = await replicas(c.docker, P);

    const ok = await collect(o.update(withPort(bp('2')), { project: P }));
    expect(errorsOf(ok)).toEqual([]);
    expect(rolloutEvents(ok).map((e) => e.phase)).toEqual(['stopping', 'retired', 'started', 'healthy', 'committed']);
    const mid = await replicas(c.docker, P);
    expect(mid.map((r) => r.name)).toEqual([`${P}-web-1`]);
    expect(mid[0]?.hash).not.toBe(before[0]?.hash);

    const bad = await collect(o.update(withPort(bp('3', true)), { project: P }));
    expect(errorsOf(bad)).toMatchObject([{ code: 'ROLLED_BACK' }]);
    expect(rolloutEvents(bad).map((e) => e.phase)).toEqual(['stopping', 'retired', 'started', 'failed', 'restored']);
    const after = await replicas(c.docker, P);
    expect(after.map((r) => [r.name, r.id, r.healthy])).toEqual([[`${P}-web-1`, mid[0]?.id, true]]);
  }, 120_000);

  it('swaps maxSurge replicas at once', async () => {
    const P = fresh('surge');
    expect(succeeded(await collect(d.apply(webBlueprint({ replicas: 2 }), { project: P })))).toBe(true);
    const events = await collect(o.update(webBlueprint({ replicas: 2, version: '2', rollout: { maxSurge: 2 } }), { project: P }));
    expect(errorsOf(events)).toEqual([]);
    const phases = rolloutEvents(events).map((e) => e.phase);
    // Both new replicas run before either is healthy: one batch of 2.
    expect(phases.slice(0, 2)).toEqual(['started', 'started']);
  }, 120_000);

  it('refuses an update whose placement constraint this engine does not satisfy, before any change', async () => {
    const P = fresh('placement');
    const bp = webBlueprint();
    (bp.services.web as { placement?: unknown }).placement = { constraints: [{ label: 'node.platform.os', op: '==', value: 'windows' }] };
    const events = await collect(o.update(bp, { project: P }));
    expect(errorsOf(events)).toMatchObject([{ code: 'UNSUPPORTED', elementId: 'service:web' }]);
    expect(errorsOf(events)[0]?.message).toContain('node.platform.os == windows');
    expect(await replicas(c.docker, P)).toEqual([]);
  }, 60_000);
});
