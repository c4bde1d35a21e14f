import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStatusHub, type HubEvent } from '../../src/docker/status';
import type { LogLine, StatusEvent } from '../../src/types';
import { blueprint, cleanup, collect, counted, driver, engine, errorsOf, IMAGE, project } from '../docker/harness';
import { Recorder } from './fixture';

/**
 * The contract between the deploy helper's driver and this folder: containers the DockerDriver
 * creates (its labels, its pods) are what watch() and logs() report, by blueprint element.
 */
const c = counted();
const d = driver(c.docker);
const P = project('status');

beforeAll(engine, 60_000);
afterAll(() => cleanup(c.docker, P));

it('watches a deployed pod by element and replica, shares one watch through the hub, and reads the service logs', {
  timeout: 90_000,
}, async () => {
  const bp = blueprint({
    services: {
      web: {
        replicas: 2,
        containers: {
          main: {
            image: IMAGE,
            command: ['sh', '-c', 'echo main up; touch /tmp/ready; exec sleep 3600'],
            healthcheck: { test: { shell: 'test -f /tmp/ready' }, interval: '200ms', retries: 5 },
          },
          log: { role: 'sidecar', image: IMAGE, command: ['sh', '-c', 'echo sidecar up; exec sleep 3600'] },
        },
      },
    },
  });

  // Two subscribers through the hub: one engine watch (one GET /events) for both.
  const hub = createStatusHub((p, signal) => d.watch(p, signal));
  const a = new AbortController();
  const b = new AbortController();
  const seenA: HubEvent[] = [];
  const seenB: HubEvent[] = [];
  const pump = (s: AsyncGenerator<HubEvent>, into: HubEvent[]) =>
    (async () => {
      for await (const h of s) into.push(h);
    })();
  const pa = pump(hub.subscribe(P, a.signal), seenA);
  const pb = pump(hub.subscribe(P, b.signal), seenB);
  const direct = new AbortController();
  const rec = new Recorder(d.watch(P, direct.signal));
  await rec.waitFor(() => rec.events.some((e) => e.kind === 'snapshot'), 10_000, 'snapshot');
  const snapped = (hs: HubEvent[]) => hs.some((h) => h.event.kind === 'snapshot');
  for (let i = 0; i < 100 && !(snapped(seenA) && snapped(seenB)); i++) await new Promise((r) => setTimeout(r, 50));
  expect([snapped(seenA), snapped(seenB)]).toEqual([true, true]);
  // Two subscribers through the hub, one direct watch: two event streams opened, not three.
  expect(c.calls.filter((x) => x.method === 'GET' && x.path.startsWith('/events')).length).toBe(2);

  const events = await collect(d.apply(bp, { project: P }));
  expect(errorsOf(events)).toEqual([]);
  const healthy = () => {
    const last = new Map<string, string>();
    for (const s of rec.changes()) last.set(`${s.elementId}#${s.replica}`, s.state);
    return last;
  };
  await rec.waitFor(
    () => healthy().get('container:web/main#1') === 'healthy' && healthy().get('container:web/main#2') === 'healthy',
    30_000,
    'both main replicas healthy',
  );
  const states = healthy();
  expect(states.get('container:web/log#1')).toBe('running');
  expect(states.get('container:web/log#2')).toBe('running');
  for (const s of rec.changes()) expect(s).toMatchObject({ project: P, service: 'web' });

  // The hub's subscribers saw the same changes, with the same ids.
  const kinds = (hs: HubEvent[]) => hs.filter((h) => h.event.kind === 'change').map((h) => h.id);
  expect(kinds(seenA)).toEqual(kinds(seenB));
  expect(kinds(seenA).length).toBeGreaterThanOrEqual(8);

  const lines: LogLine[] = [];
  for await (const l of d.logs({ project: P, service: 'web' })) lines.push(l);
  expect(lines.map((l) => `${l.elementId}#${l.replica} ${l.text}`).sort()).toEqual([
    'container:web/log#1 sidecar up',
    'container:web/log#2 sidecar up',
    'container:web/main#1 main up',
    'container:web/main#2 main up',
  ]);

  await collect(d.destroy(P));
  await rec.waitFor(() => [...healthy().values()].every((s) => s === 'removed'), 30_000, 'all removed');
  expect(healthy().size).toBe(4);
  a.abort();
  b.abort();
  direct.abort();
  await Promise.all([pa, pb, rec.done]);
  expect(hub.watching).toBe(0);
  const last: StatusEvent | undefined = seenA.at(-1)?.event;
  expect(last?.kind === 'change' && last.status.state).toBe('removed');
});
