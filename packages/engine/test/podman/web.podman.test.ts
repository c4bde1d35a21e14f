import type { Blueprint } from '@blaupause/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodmanKubeDriver } from '../../src/podman/driver';
import { cleanup, collect, driver, errorsOf, example, freePort, httpGet, IMAGE, podman, podsOf, project, succeeded } from './harness';

/**
 * The seed's web examples on the real Podman: the plain one-container web server
 * (single-container) and the lecture's two web servers behind a proxy (seed-compose), whose links
 * become wait-for init containers reaching the linked pods by their Service names on the
 * project network. Images become busybox httpd (no registry here); ports are published on a
 * random free host port instead of 80.
 */
let socket = '';
let d: PodmanKubeDriver;
const single = project('web1');
const seed = project('seed');

type Container = Record<string, unknown>;
const httpd = (c: Container | undefined, script: string) => {
  if (!c) throw new Error('container missing');
  c.image = IMAGE;
  c.command = ['sh', '-c', script];
};

function singleBlueprint(port: number): Blueprint {
  const bp = structuredClone(example('single-container.blueprint.yaml'));
  const s = bp.services.nginx;
  if (!s) throw new Error('no nginx service');
  s.ports = [{ ...s.ports?.[0], port: 80, publish: port }] as typeof s.ports;
  httpd(s.containers.nginx as Container, 'echo "<h1>plain web</h1>" > /www/index.html; exec httpd -f -p 80 -h /www');
  return bp;
}

function seedBlueprint(port: number): Blueprint {
  const bp = structuredClone(example('seed-compose.blueprint.yaml'));
  const { weba, webb, haproxy } = bp.services;
  if (!weba || !webb || !haproxy) throw new Error('seed example changed');
  httpd(weba.containers.nginx as Container, 'echo "from weba" > /www/index.html; exec httpd -f -p 80 -h /www');
  httpd(webb.containers.nginx as Container, 'echo "from webb" > /www/index.html; exec httpd -f -p 80 -h /www');
  haproxy.ports = [{ ...haproxy.ports?.[0], port: 80, publish: port }] as typeof haproxy.ports;
  // The proxy stand-in fetches both backends by their Service names, then serves what it got.
  httpd(
    haproxy.containers.haproxy as Container,
    // No retry loop: the link waits let it start only once both backends accept connections.
    'mkdir -p /srv && wget -q -O /srv/a http://weba:80/ && wget -q -O /srv/b http://webb:80/ && cat /srv/a /srv/b > /srv/index.html && exec httpd -f -p 80 -h /srv',
  );
  return bp;
}

beforeAll(async () => {
  socket = await podman();
  d = driver(socket);
}, 120_000);

afterAll(async () => {
  await cleanup(socket, single);
  await cleanup(socket, seed);
}, 60_000);

describe('podman-kube: web examples', () => {
  it('the plain web server answers on its published port, and teardown removes it', async () => {
    const port = freePort();
    const events = await collect(d.apply(singleBlueprint(port), { project: single }));
    expect(errorsOf(events)).toEqual([]);
    expect(await httpGet(port)).toContain('plain web');
    expect(succeeded(await collect(d.destroy(single)))).toBe(true);
    expect(await podsOf(d.api, single)).toEqual([]);
    await expect(httpGet(port, 1500)).rejects.toThrow(/nothing answered/);
  }, 120_000);

  it('the proxy waits for both linked web servers (wait-for init containers) and reaches them by their Service names', async () => {
    const port = freePort();
    const bp = seedBlueprint(port);
    const plan = await d.plan(bp, { project: seed });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.actions.filter((a) => a.service === 'haproxy').map((a) => a.container)).toEqual([
      'wait-for-weba',
      'wait-for-webb',
      'haproxy',
    ]);
    const events = await collect(d.apply(bp, { project: seed }));
    expect(errorsOf(events)).toEqual([]);
    const body = await httpGet(port);
    expect(body).toContain('from weba');
    expect(body).toContain('from webb');
    // Linked services are played first (the compiler's order).
    const order = events.flatMap((e) => (e.kind === 'step' && e.phase === 'done' && 'service' in e.action ? [e.action.service] : []));
    expect(order.indexOf('haproxy')).toBeGreaterThan(order.lastIndexOf('weba'));
    expect(order.indexOf('haproxy')).toBeGreaterThan(order.lastIndexOf('webb'));
    expect(succeeded(await collect(d.destroy(seed)))).toBe(true);
    expect(await podsOf(d.api, seed)).toEqual([]);
  }, 180_000);
});
