import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodmanKubeDriver } from '../../src/podman/driver';
import { bp } from './blueprints';
import { cleanup, collect, driver, errorsOf, foreignPod, IMAGE, podman, podsOf, project, succeeded } from './harness';

/**
 * Convergence and refusals on the real Podman: recreate on change (named volume data kept),
 * removal of a dropped service, volumes deleted only when asked, BUSY, dangerous settings refused
 * before any mutating call, a name held by a foreign pod (NOT_OWNED), cancelled and bad names,
 * and a link wait that never succeeds (DEPENDENCY_TIMEOUT, half-played pod removed).
 */
let socket = '';
let d: PodmanKubeDriver;
const p = project('life');
const q = project('refuse');
const taken = project('taken');

beforeAll(async () => {
  socket = await podman();
  d = driver(socket);
}, 120_000);

afterAll(async () => {
  for (const x of [p, q, taken]) await cleanup(socket, x);
  await d.api.call('DELETE', `/pods/${taken}-web`, { query: { force: true } }).catch(() => {});
}, 90_000);

const store = (marker: string, withCache = true) =>
  bp({
    services: {
      store: {
        containers: {
          main: {
            image: IMAGE,
            env: { MARKER: marker },
            command: ['sh', '-c', 'echo "$MARKER" >> /data/history; cat /data/history; exec sleep 3600'],
            mounts: [{ type: 'volume', source: 'data', target: '/data' }],
          },
        },
      },
      ...(withCache ? { cache: { containers: { main: { image: IMAGE, command: ['sleep', '3600'] } } } } : {}),
    },
    volumes: { data: {} },
  });

describe('podman-kube: lifecycle', () => {
  it('creates, recreates on change keeping the named volume, removes a dropped service, and keeps volumes unless asked', async () => {
    expect(succeeded(await collect(d.apply(store('one'), { project: p })))).toBe(true);
    const first = await d.api.get<{ Id: string }>(`/pods/${p}-store/json`);
    const vol = await d.api.get<{ Labels: Record<string, string> }>(`/volumes/${p}_data/json`);
    expect(vol.Labels).toMatchObject({ 'dev.blaupause.managed': 'true', 'dev.blaupause.project': p, 'dev.blaupause.volume': 'data' });

    const plan = await d.plan(store('two', false), { project: p });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.actions.map((a) => `${a.kind} ${a.elementId}`).sort()).toEqual([
      'recreate container:store/main',
      'remove container:cache/main',
    ]);
    expect(plan.value.resources).toContainEqual({ kind: 'keep', resource: 'volume', name: `${p}_data`, elementId: 'volume:data' });

    const events = await collect(d.apply(store('two', false), { project: p }));
    expect(errorsOf(events)).toEqual([]);
    const second = await d.api.get<{ Id: string }>(`/pods/${p}-store/json`);
    expect(second.Id).not.toBe(first.Id);
    expect((await podsOf(d.api, p)).map((x) => x.Name)).toEqual([`${p}-store`]);
    // The new pod mounts the same named volume: its log shows the history of both runs.
    const deadline = Date.now() + 15_000;
    let lines: string[] = [];
    while (Date.now() < deadline && lines.length < 2) {
      lines = [];
      for await (const l of d.logs({ project: p, service: 'store', container: 'main' })) lines.push(l.text);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(lines).toEqual(['one', 'two']);

    expect(succeeded(await collect(d.destroy(p)))).toBe(true);
    expect(await d.api.exists(`/volumes/${p}_data/json`)).toBe(true);
    expect(succeeded(await collect(d.destroy(p, { volumes: ['data'] })))).toBe(true);
    expect(await d.api.exists(`/volumes/${p}_data/json`)).toBe(false);
  }, 180_000);

  it('answers BUSY to a second apply of the same project while the first runs', async () => {
    const a = collect(d.apply(store('busy', false), { project: q }));
    const b = await collect(d.apply(store('busy', false), { project: q }));
    expect(errorsOf(b).map((e) => e.code)).toEqual(['BUSY']);
    expect(succeeded(await a)).toBe(true);
    expect(succeeded(await collect(d.destroy(q, { allVolumes: true })))).toBe(true);
  }, 120_000);

  it('refuses dangerous settings until acknowledged, before any mutating call', async () => {
    const danger = bp({ services: { root: { containers: { main: { image: IMAGE, privileged: true, command: ['sleep', '60'] } } } } });
    const plan = await d.plan(danger, { project: q });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.dangers?.map((f) => f.id)).toEqual(['privileged:container:root/main']);
    const before = d.api.calls.length;
    const events = await collect(d.apply(danger, { project: q }));
    expect(errorsOf(events).map((e) => e.code)).toEqual(['DANGEROUS_SETTINGS']);
    expect(d.api.calls.slice(before).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(await podsOf(d.api, q)).toEqual([]);
  });

  it('will not touch a pod of the same name that is not ours (NOT_OWNED)', async () => {
    await foreignPod(socket, `${taken}-web`);
    const r = await d.plan(bp({ services: { web: { containers: { main: { image: IMAGE } } } } }), { project: taken });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'NOT_OWNED', elementId: 'service:web' });
    const info = await d.api.get<{ Labels?: Record<string, string> }>(`/pods/${taken}-web/json`);
    expect(info.Labels?.['dev.blaupause.managed']).toBeUndefined();
  }, 60_000);

  it('gives up on a link wait that never succeeds and removes the half-played pod', async () => {
    const short = driver(socket, { playTimeoutMs: 6000 });
    const linked = bp({
      services: {
        db: { ports: [{ port: 5432 }], containers: { main: { image: IMAGE, command: ['sleep', '3600'] } } },
        api: { links: [{ to: 'db' }], containers: { main: { image: IMAGE, command: ['sleep', '3600'] } } },
      },
    });
    const events = await collect(short.apply(linked, { project: q }));
    const err = errorsOf(events)[0];
    expect(err).toMatchObject({ code: 'DEPENDENCY_TIMEOUT', elementId: 'container:api/wait-for-db' });
    expect((await podsOf(d.api, q)).map((x) => x.Name)).toEqual([`${q}-db`]);
    expect(succeeded(await collect(d.destroy(q)))).toBe(true);
  }, 120_000);

  it('cancels before any change when the signal has fired, and refuses bad names and an absent engine', async () => {
    const ac = new AbortController();
    ac.abort();
    const events = await collect(d.apply(store('x', false), { project: q, signal: ac.signal }));
    expect(errorsOf(events).map((e) => e.code)).toEqual(['CANCELLED']);
    expect(await podsOf(d.api, q)).toEqual([]);
    const bad = await d.plan(store('x'), { project: 'Not_Valid' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_NAME');
    const gone = driver('/tmp/bppod-nothing-here.sock');
    const r = await gone.plan(store('x'), { project: q });
    expect(!r.ok && r.error.code).toBe('ENGINE_UNREACHABLE');
    const info = await d.info();
    expect(info.ok && info.value).toMatchObject({ kind: 'podman', version: expect.stringMatching(/^4\./) });
  });
});
