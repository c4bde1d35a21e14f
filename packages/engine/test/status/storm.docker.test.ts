import { afterAll, beforeAll, expect, it } from 'vitest';
import { watchStatus } from '../../src/docker/status';
import type { ContainerStatus, StatusEvent } from '../../src/types';
import { assertEngine, create, docker, Recorder, removeProject, uniqueProject } from './fixture';

const project = uniqueProject('storm');
const N = 50;

beforeAll(assertEngine);
afterAll(() => removeProject(project));

/** The state a viewer ends up with: the last snapshot, then every change after it. */
function converged(events: StatusEvent[]): Map<string, ContainerStatus> {
  const m = new Map<string, ContainerStatus>();
  for (const e of events) {
    if (e.kind === 'snapshot') {
      m.clear();
      for (const c of e.containers) m.set(c.id!, c);
    } else if (e.kind === 'change') m.set(e.status.id!, e.status);
  }
  return m;
}

async function inBatches<T>(items: T[], size: number, fn: (t: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

it(`loses no event in a storm of ${N} short-lived containers (a watch from before, one joining midway)`, { timeout: 120_000 }, async () => {
  const before = new AbortController();
  const a = new Recorder(watchStatus(docker, project, before.signal, { stats: false }));
  await a.waitFor(() => a.events.some((e) => e.kind === 'snapshot'), 10_000, 'snapshot');

  const specs = Array.from({ length: N }, (_, i) => ({ service: `s${i % 10}`, replica: Math.floor(i / 10) + 1, cmd: `echo storm ${i}` }));
  const containers = await Promise.all(specs.map((s) => create(project, s)));
  const ids = containers.map((c) => c.id);
  const t0 = Date.now();
  let b: Recorder | undefined;
  const midway = new AbortController();
  await inBatches(containers, 10, async (c) => {
    await c.start();
    // The second watch subscribes and snapshots while the storm is going on.
    if (!b && c === containers[N / 2]) b = new Recorder(watchStatus(docker, project, midway.signal, { stats: false }));
  });
  const exited = (r: Recorder) => () => ids.every((id) => r.changes(id).some((s) => s.state === 'exited'));
  await a.waitFor(exited(a), 60_000, 'every container exited (watch A)');
  const storm = Date.now() - t0;

  for (const id of ids) expect(a.states(id)).toEqual(['pending', 'running', 'exited(0)']);

  await inBatches(containers, 10, (c) => c.remove());
  await a.waitFor(() => ids.every((id) => a.states(id).includes('removed')), 60_000, 'every container removed (watch A)');
  for (const id of ids) expect(a.states(id)).toEqual(['pending', 'running', 'exited(0)', 'removed']);
  // Elements and replicas come from the labels.
  const first = a.changes(ids[12]).at(0)!;
  expect(first).toMatchObject({ elementId: 'container:s2/main', replica: 2 });

  // The midway watch converges to the same truth: all removed, none left.
  await b!.waitFor(
    () => converged(b!.events).size > 0 && [...converged(b!.events).values()].every((s) => s.state === 'removed'),
    30_000,
    'watch B converged',
  );
  const bFinal = converged(b!.events);
  // All were created before B subscribed, so its snapshot knew every one; each ends removed.
  expect(ids.filter((id) => bFinal.get(id)?.state === 'removed')).toHaveLength(N);
  // Nothing went backwards in B after its snapshot: once exited, never running again.
  for (const id of ids) {
    const st = b!.states(id);
    const ex = st.indexOf('exited(0)');
    if (ex >= 0) expect(st.slice(ex + 1).filter((s) => s === 'running')).toEqual([]);
  }
  before.abort();
  midway.abort();
  await Promise.all([a.done, b!.done]);
  const [p50, p95, max] = a.latency();
  console.log(
    `storm: ${N} containers started and exited in ${storm} ms; watch A saw ${a.changes().length} changes; engine event → delivered p50 ${p50} ms, p95 ${p95} ms, max ${max} ms`,
  );
  expect(a.changes().length).toBe(4 * N);
  const by = ['pending', 'running', 'exited', 'removed'].map((st) => `${st} p95 ${a.latency(st)[1]} ms`);
  console.log(`storm latency by state: ${by.join(', ')}`);
});
