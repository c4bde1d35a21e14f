import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../src/docker/labels';
import {
  blueprint,
  cleanup,
  collect,
  containerIds,
  counted,
  driver,
  engine,
  errorsOf,
  eventually,
  httpGet,
  IMAGE,
  project,
  succeeded,
} from './harness';

/**
 * The seed's 1-level example (weba, webb and a front proxy publishing a port) deployed for real,
 * then redeployed: unchanged (same ids, no mutating call), one service changed (only it is
 * recreated), replicas scaled (the others untouched), a service removed.
 */
const c = counted();
const d = driver(c.docker);
const P = project('seed');
const PORT = 20000 + Math.floor(Math.random() * 20000);

// weba and webb serve their own names; the front fetches both by service name (DNS aliases on the
// project network) and serves what it got, as a proxy would. A real haproxy image needs a registry
// or a debootstrapped image, so busybox httpd stands in for it.
const web = (name: string) => ({
  ports: [{ port: 80 }],
  containers: { nginx: { image: IMAGE, command: ['sh', '-c', `echo ${name} > /www/index.html && exec httpd -f -p 80 -h /www`] } },
});
const fetchBoth =
  'for i in $(seq 1 50); do wget -qO /tmp/a http://weba/ && wget -qO /tmp/b http://webb/ && break; sleep 0.1; done; cat /tmp/a /tmp/b > /www/index.html; exec httpd -f -p 80 -h /www';
const seed = (frontEnv: Record<string, string> = {}, webbReplicas = 1) =>
  blueprint({
    name: 'seed-haproxy',
    services: {
      weba: web('weba'),
      webb: { ...web('webb'), replicas: webbReplicas },
      haproxy: {
        ports: [{ port: 80, publish: PORT, hostIp: '127.0.0.1' }],
        links: [{ to: 'weba' }, { to: 'webb' }],
        containers: { haproxy: { image: IMAGE, command: ['sh', '-c', fetchBoth], env: frontEnv } },
      },
    },
  });

beforeAll(engine, 60_000);
afterAll(() => cleanup(c.docker, P));

describe('Docker driver: the seed example', () => {
  it('deploys weba, webb and the front, and serves a page through the published port', async () => {
    const events = await collect(d.apply(seed(), { project: P }));
    expect(errorsOf(events)).toEqual([]);
    expect(succeeded(events)).toBe(true);
    const page = await eventually(
      async () => {
        const t = await httpGet(`http://127.0.0.1:${PORT}/`);
        return t.includes('weba') && t.includes('webb') ? t : undefined;
      },
      10_000,
      'the page through the published port',
    );
    expect(page).toBe('weba\nwebb\n');

    const ids = await containerIds(c.docker, P);
    expect(Object.keys(ids).sort()).toEqual([`${P}-haproxy-1`, `${P}-weba-1`, `${P}-webb-1`]);
    const info = await c.docker.getContainer(ids[`${P}-weba-1`] as string).inspect();
    expect(info.Config.Labels).toMatchObject({
      [LABEL.project]: P,
      [LABEL.service]: 'weba',
      [LABEL.number]: '1',
      [LABEL.oneoff]: 'False',
      [LABEL.managed]: 'true',
      [LABEL.element]: 'container:weba/nginx',
    });
    expect(info.Config.Labels?.[LABEL.configHash]).toMatch(/^[0-9a-f]{64}$/);
    expect(info.NetworkSettings.Networks[`${P}_default`]?.Aliases).toContain('weba');
  });

  it('redeploys an unchanged blueprint with no mutating engine call and the same container ids', async () => {
    const before = await containerIds(c.docker, P);
    c.reset();
    const plan = await d.plan(seed(), { project: P });
    expect(plan.ok && plan.value.noop).toBe(true);
    const events = await collect(d.apply(seed(), { project: P }));
    expect(succeeded(events)).toBe(true);
    expect(c.mutating()).toEqual([]);
    expect(await containerIds(c.docker, P)).toEqual(before);
  });

  it('recreates only the changed service', async () => {
    const before = await containerIds(c.docker, P);
    const plan = await d.plan(seed({ MODE: 'changed' }), { project: P });
    expect(plan.ok && plan.value.actions.map((a) => `${a.kind} ${a.service}`).sort()).toEqual([
      'recreate haproxy',
      'unchanged weba',
      'unchanged webb',
    ]);
    // The plan names what changed (the parts fingerprint label round-trips through the engine).
    expect(plan.ok && plan.value.actions.find((a) => a.service === 'haproxy')?.reason).toBe('changed: env MODE');
    const events = await collect(d.apply(seed({ MODE: 'changed' }), { project: P }));
    expect(errorsOf(events)).toEqual([]);
    const after = await containerIds(c.docker, P);
    expect(after[`${P}-weba-1`]).toBe(before[`${P}-weba-1`]);
    expect(after[`${P}-webb-1`]).toBe(before[`${P}-webb-1`]);
    expect(after[`${P}-haproxy-1`]).toBeDefined();
    expect(after[`${P}-haproxy-1`]).not.toBe(before[`${P}-haproxy-1`]);
    expect(Object.keys(after)).toHaveLength(3);
  });

  it('scales a service up and down without touching the other containers', async () => {
    const before = await containerIds(c.docker, P);
    const up = await collect(d.apply(seed({ MODE: 'changed' }, 3), { project: P }));
    expect(errorsOf(up)).toEqual([]);
    const scaled = await containerIds(c.docker, P);
    expect(Object.keys(scaled).sort()).toEqual([`${P}-haproxy-1`, `${P}-weba-1`, `${P}-webb-1`, `${P}-webb-2`, `${P}-webb-3`]);
    for (const [name, id] of Object.entries(before)) expect(scaled[name]).toBe(id);
    const down = await collect(d.apply(seed({ MODE: 'changed' }, 1), { project: P }));
    expect(errorsOf(down)).toEqual([]);
    expect(await containerIds(c.docker, P)).toEqual(before);
  });

  it('lists the deployment and tears it down (networks too)', async () => {
    const list = await d.list();
    expect(list.ok && list.value.find((s) => s.project === P)).toMatchObject({ containers: 3, running: 3 });
    const events = await collect(d.destroy(P));
    expect(succeeded(events)).toBe(true);
    expect(await containerIds(c.docker, P)).toEqual({});
    expect(await c.docker.listNetworks({ filters: { label: [`${LABEL.project}=${P}`] } })).toEqual([]);
  });
});
