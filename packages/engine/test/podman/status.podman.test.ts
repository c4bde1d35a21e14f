import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodmanKubeDriver } from '../../src/podman/driver';
import type { ContainerStatus, StatusEvent } from '../../src/types';
import { bp } from './blueprints';
import { cleanup, collect, driver, errorsOf, IMAGE, podman, project } from './harness';

/**
 * watch() on the real Podman: a snapshot, then changes from libpod's event stream — the main
 * container running, a sidecar that exits 3 restarting into a crash loop (pod restart policy
 * Always), then every container removed by destroy. apply() reports the loop with its log tail.
 */
let socket = '';
let d: PodmanKubeDriver;
const p = project('watch');

beforeAll(async () => {
  socket = await podman();
  d = driver(socket);
}, 120_000);

afterAll(() => cleanup(socket, p), 60_000);

const blueprint = bp({
  services: {
    app: {
      containers: {
        main: { image: IMAGE, command: ['httpd', '-f', '-p', '8080', '-h', '/www'] },
        flaky: { role: 'sidecar', image: IMAGE, command: ['sh', '-c', 'echo "flaky gives up"; sleep 0.3; exit 3'] },
      },
    },
  },
});

describe('podman-kube: watch', () => {
  it('streams a snapshot, running and crash-loop changes, apply reports the loop, destroy shows removed', async () => {
    const ac = new AbortController();
    const seen: StatusEvent[] = [];
    const latest = new Map<string, ContainerStatus>();
    let resolveRemoved: () => void = () => {};
    const removed = new Promise<void>((r) => {
      resolveRemoved = r;
    });
    const watching = (async () => {
      for await (const e of d.watch(p, ac.signal)) {
        seen.push(e);
        if (e.kind === 'change') {
          latest.set(e.status.elementId, e.status);
          const all = [...latest.values()];
          if (all.length === 2 && all.every((s) => s.state === 'removed')) resolveRemoved();
        }
      }
    })();
    // The first snapshot is empty: nothing deployed yet.
    await waitFor(() => seen.some((e) => e.kind === 'snapshot'));
    const snap = seen.find((e) => e.kind === 'snapshot');
    expect(snap).toMatchObject({ kind: 'snapshot', project: p, containers: [] });

    const events = await collect(d.apply(blueprint, { project: p }));
    await waitFor(() => latest.get('container:app/flaky')?.state === 'crash-looping', 30_000);
    const flakyErr = errorsOf(events).find((e) => e.elementId === 'container:app/flaky');
    expect(flakyErr?.code).toMatch(/CRASH_LOOP|CONTAINER_EXITED/);
    expect(flakyErr?.exitCode).toBe(3);
    expect(flakyErr?.logTail).toContain('flaky gives up');

    const main = latest.get('container:app/main');
    expect(main).toMatchObject({
      project: p,
      service: 'app',
      container: 'main',
      replica: 1,
      state: 'running',
      image: expect.stringContaining('busybox'),
    });
    const flaky = latest.get('container:app/flaky');
    expect(flaky).toMatchObject({ state: 'crash-looping', exitCode: 3 });
    expect(flaky?.restarts).toBeGreaterThanOrEqual(3);
    const states = seen.flatMap((e) => (e.kind === 'change' && e.status.elementId === 'container:app/flaky' ? [e.status.state] : []));
    expect(states).toContain('restarting');

    // A second watcher connecting now gets both containers in its snapshot.
    const ac2 = new AbortController();
    for await (const e of d.watch(p, ac2.signal)) {
      if (e.kind !== 'snapshot') continue;
      expect(e.containers.map((c) => c.elementId).sort()).toEqual(['container:app/flaky', 'container:app/main']);
      expect(e.containers.find((c) => c.container === 'main')?.state).toBe('running');
      break;
    }
    ac2.abort();

    await collect(d.destroy(p));
    await Promise.race([removed, new Promise((_, rej) => setTimeout(() => rej(new Error('no removed events')), 30_000))]);
    ac.abort();
    await watching;
  }, 150_000);

  it('a watch of one project shows nothing of another project (Podman ORs label filters on events)', async () => {
    const quiet = project('quiet');
    const other = project('other');
    const ac = new AbortController();
    const seen: StatusEvent[] = [];
    const watching = (async () => {
      for await (const e of d.watch(quiet, ac.signal)) seen.push(e);
    })();
    try {
      await waitFor(() => seen.some((e) => e.kind === 'snapshot'));
      const web = bp({
        services: { web: { containers: { main: { image: IMAGE, command: ['httpd', '-f', '-p', '8080', '-h', '/www'] } } } },
      });
      await collect(d.apply(web, { project: other }));
      await collect(d.destroy(other));
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen.filter((e) => e.kind === 'change')).toEqual([]);
    } finally {
      ac.abort();
      await watching;
      await cleanup(socket, other);
    }
  }, 150_000);

  it('says the engine is unreachable instead of failing the stream', async () => {
    const ac = new AbortController();
    const gone = driver('/tmp/bppod-nothing-here.sock');
    for await (const e of gone.watch(undefined, ac.signal)) {
      expect(e).toMatchObject({ kind: 'engine', connected: false });
      break;
    }
    ac.abort();
  });
});

async function waitFor(ok: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
