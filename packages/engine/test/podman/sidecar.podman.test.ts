import type { Blueprint } from '@blaupause/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodmanKubeDriver } from '../../src/podman/driver';
import type { LogLine } from '../../src/types';
import {
  cleanup,
  collect,
  driver,
  errorsOf,
  example,
  foreignPod,
  freePort,
  httpGet,
  IMAGE,
  podman,
  podsOf,
  project,
  succeeded,
} from './harness';

/**
 * The seed's sidecar example (examples/sidecar.blueprint.yaml), compiled to Kubernetes and played
 * on the real Podman: nginx and git-sync become busybox httpd and a busybox loop (no registry
 * here), the rest — pod, shared ephemeral volume, published port, health check — is the example's.
 */
let socket = '';
let d: PodmanKubeDriver;
const p = project('sidecar');
const foreign = `bppod-foreign-${p.slice(-6)}`;
const port = freePort();

function sidecarBlueprint(): Blueprint {
  const bp = structuredClone(example('sidecar.blueprint.yaml'));
  const web = bp.services.web;
  if (!web) throw new Error('the sidecar example has no web service');
  web.ports = [{ ...web.ports?.[0], port: 80, publish: port }] as typeof web.ports;
  const nginx = web.containers.nginx as Record<string, unknown>;
  nginx.image = IMAGE;
  nginx.command = ['httpd', '-f', '-p', '80', '-h', '/usr/share/nginx/html'];
  const sync = web.containers['git-sync'] as Record<string, unknown>;
  sync.image = IMAGE;
  // The sidecar writes the content, then proves it reaches the main container on localhost.
  sync.args = undefined;
  sync.command = [
    'sh',
    '-c',
    'echo "<p>synced by the sidecar</p>" > /content/index.html; while true; do wget -q -O- http://localhost:80/ | sed "s/^/sidecar reached main: /"; sleep 1; done',
  ];
  return bp;
}

beforeAll(async () => {
  socket = await podman();
  d = driver(socket);
  await foreignPod(socket, foreign);
}, 120_000);

afterAll(async () => {
  await cleanup(socket, p);
  await d.api.call('DELETE', `/pods/${foreign}`, { query: { force: true } }).catch(() => {});
}, 60_000);

describe('podman-kube: the sidecar example', () => {
  const bp = () => sidecarBlueprint();

  it('plans every container of the pod, the project network, and the fidelity notes of Podman', async () => {
    const r = await d.plan(bp(), { project: p });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.noop).toBe(false);
    expect(r.value.actions.map((a) => `${a.kind} ${a.elementId}`).sort()).toEqual([
      'create container:web/git-sync',
      'create container:web/nginx',
    ]);
    expect(r.value.resources).toContainEqual({ kind: 'create', resource: 'network', name: `${p}_kube` });
    const notes = (r.value.notes ?? []).map((n) => n.message).join('\n');
    expect(notes).toMatch(/readinessProbe of "nginx" is ignored/);
    expect(notes).toMatch(/published as hostPort/);
    expect(r.value.dangers).toEqual([]);
  });

  it('applies: the sidecar reaches the main container on localhost, the page answers on the published port', async () => {
    const events = await collect(d.apply(bp(), { project: p }));
    expect(errorsOf(events)).toEqual([]);
    expect(succeeded(events)).toBe(true);
    const done = events
      .filter((e) => e.kind === 'step' && e.phase === 'done')
      .map((e) => (e.kind === 'step' ? ('name' in e.action ? e.action.name : e.action.elementId) : ''));
    expect(done).toEqual(expect.arrayContaining(['container:web/nginx', 'container:web/git-sync', `${p}_kube`]));
    // Written by the sidecar into the shared volume, served by main, published on the host.
    expect(await httpGet(port)).toContain('synced by the sidecar');

    const lines: LogLine[] = [];
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), 15_000);
    for await (const l of d.logs({ project: p, service: 'web', container: 'git-sync', follow: true, signal: ac.signal })) {
      lines.push(l);
      if (l.text.includes('sidecar reached main')) break;
    }
    clearTimeout(timer);
    ac.abort();
    expect(lines.some((l) => l.text.includes('sidecar reached main: <p>synced by the sidecar</p>'))).toBe(true);
    // Early wget errors (main not listening yet) come on stderr; the proof comes on stdout.
    const proof = lines.find((l) => l.text.includes('sidecar reached main'));
    expect(proof).toMatchObject({ elementId: 'container:web/git-sync', stream: 'stdout', replica: 1 });
    expect(proof?.at).toBeGreaterThan(Date.now() - 120_000);
  }, 120_000);

  it('re-plans to a no-op and lists the deployment', async () => {
    const r = await d.plan(bp(), { project: p });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.actions.map((a) => a.kind)).toEqual(['unchanged', 'unchanged']);
    expect(r.value.noop).toBe(true);
    const again = await collect(d.apply(bp(), { project: p }));
    expect(again.filter((e) => e.kind === 'step')).toEqual([]);
    const l = await d.list();
    if (!l.ok) throw new Error(l.error.message);
    expect(l.value.find((s) => s.project === p)).toMatchObject({ services: ['web'], containers: 2, running: 2 });
  }, 60_000);

  it('destroys only what it created: the foreign pod stays', async () => {
    const events = await collect(d.destroy(p));
    expect(succeeded(events)).toBe(true);
    expect(await podsOf(d.api, p)).toEqual([]);
    expect(await d.api.exists(`/networks/${p}_kube/json`)).toBe(false);
    expect(await d.api.exists(`/pods/${foreign}/json`)).toBe(true);
    const vols = (await d.api.get<{ Name: string }[] | null>('/volumes/json')) ?? [];
    expect(vols.filter((v) => v.Name.startsWith(p))).toEqual([]);
  }, 60_000);
});
