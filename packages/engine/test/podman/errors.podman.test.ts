import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodmanKubeDriver } from '../../src/podman/driver';
import { bp } from './blueprints';
import { cleanup, collect, driver, errorsOf, freePort, IMAGE, podman, podsOf, project, succeeded } from './harness';

/**
 * Failures Podman reports, as data, on the real engine: a host port held by another process
 * (PORT_IN_USE), an image no registry can give (IMAGE_PULL_FAILED), a volume name held by a
 * volume that is not ours (NOT_OWNED) — nothing of ours is left behind — and a stopped pod that
 * the next apply starts instead of recreating.
 */
let socket = '';
let d: PodmanKubeDriver;
const p = project('errs');
let server: Server | undefined;

beforeAll(async () => {
  socket = await podman();
  d = driver(socket);
}, 120_000);

afterAll(async () => {
  server?.close();
  await cleanup(socket, p);
  await d.api.call('DELETE', `/volumes/${p}_data`).catch(() => {});
}, 60_000);

const web = (port: number, image = IMAGE) =>
  bp({
    services: {
      web: { ports: [{ port: 80, publish: port }], containers: { main: { image, command: ['httpd', '-f', '-p', '80', '-h', '/www'] } } },
    },
  });

describe('podman-kube: failures as data', () => {
  it('PORT_IN_USE when the published port is taken; the half-made pod is removed', async () => {
    const port = freePort();
    server = createServer();
    await new Promise<void>((r) => server?.listen(port, '0.0.0.0', r));
    const events = await collect(d.apply(web(port), { project: p }));
    const err = errorsOf(events)[0];
    expect(err).toMatchObject({ code: 'PORT_IN_USE', elementId: 'service:web' });
    expect(err?.message).toMatch(/address already in use/);
    expect(await podsOf(d.api, p)).toEqual([]);
    server.close();
    server = undefined;
  }, 60_000);

  it('IMAGE_PULL_FAILED for an image Podman cannot get; the plan said it would be pulled', async () => {
    const bad = web(freePort(), 'bppod-no-such/image:1');
    const plan = await d.plan(bad, { project: p });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.resources).toContainEqual({
      kind: 'create',
      resource: 'image',
      name: 'bppod-no-such/image:1',
      reason: 'Podman pulls it when the pod is played',
    });
    const events = await collect(d.apply(bad, { project: p }));
    expect(errorsOf(events).map((e) => e.code)).toEqual(['IMAGE_PULL_FAILED']);
    expect(await podsOf(d.api, p)).toEqual([]);
  }, 60_000);

  it('NOT_OWNED when a volume of the desired name is not ours; nothing is created', async () => {
    await d.api.call('POST', '/volumes/create', { body: JSON.stringify({ Name: `${p}_data` }) });
    const withVolume = bp({
      services: {
        db: {
          containers: { main: { image: IMAGE, command: ['sleep', '60'], mounts: [{ type: 'volume', source: 'data', target: '/d' }] } },
        },
      },
      volumes: { data: {} },
    });
    const before = d.api.calls.length;
    const events = await collect(d.apply(withVolume, { project: p }));
    expect(errorsOf(events)).toMatchObject([{ code: 'NOT_OWNED', elementId: 'volume:data' }]);
    expect(d.api.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(await podsOf(d.api, p)).toEqual([]);
    await d.api.call('DELETE', `/volumes/${p}_data`);
  }, 60_000);

  it('starts a stopped pod instead of recreating it', async () => {
    const bpWeb = web(freePort());
    expect(succeeded(await collect(d.apply(bpWeb, { project: p })))).toBe(true);
    const before = await d.api.get<{ Id: string }>(`/pods/${p}-web/json`);
    await d.api.call('POST', `/pods/${p}-web/stop`, { query: { t: 1 } });
    const plan = await d.plan(bpWeb, { project: p });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.actions).toMatchObject([{ kind: 'start', elementId: 'container:web/main' }]);
    expect(succeeded(await collect(d.apply(bpWeb, { project: p })))).toBe(true);
    const after = await d.api.get<{ Id: string; State: string }>(`/pods/${p}-web/json`);
    expect(after.Id).toBe(before.Id);
    expect(after.State).toBe('Running');
    expect(succeeded(await collect(d.destroy(p)))).toBe(true);
  }, 90_000);
});
