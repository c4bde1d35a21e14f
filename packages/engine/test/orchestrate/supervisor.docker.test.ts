import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupervisor, type HealEvent, Orchestrator } from '../../src/docker/orchestrate';
import { cleanup, collect, counted, driver, engine, errorsOf, eventually, IMAGE, succeeded } from '../docker/harness';
import { project, replicas, webBlueprint } from './fixture';

/**
 * The auto-healing supervisor on the real engine: a container removed behind our back is back
 * within 10 s, one that turns unhealthy is restarted, a service with autoHeal: false is left
 * alone, and Blaupause's own operations are never "healed".
 */
const c = counted();
const d = driver(c.docker);
const P = project('heal');
const bp = webBlueprint({
  replicas: 2,
  extra: {
    manual: {
      autoHeal: false,
      containers: { manual: { image: IMAGE, command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'] } },
    },
  },
});
const supervisor = createSupervisor(d, { project: P, backoff: { initialMs: 500 } });
const seen: HealEvent[] = [];
const stop = new AbortController();

beforeAll(async () => {
  await engine();
  expect(succeeded(await collect(d.apply(bp, { project: P })))).toBe(true);
  await supervisor.ready;
  void (async () => {
    for await (const e of supervisor.events(stop.signal)) seen.push(e);
  })();
}, 120_000);
afterAll(async () => {
  stop.abort();
  supervisor.close();
  await cleanup(c.docker, P);
});

const kinds = (replica: number, service = 'web') => seen.filter((e) => e.service === service && e.replica === replica).map((e) => e.kind);

describe('orchestrator: auto-healing supervisor', () => {
  it('re-creates a managed container removed outside Blaupause within 10 s', async () => {
    const before = (await replicas(c.docker, P)).find((r) => r.replica === 2);
    const t0 = Date.now();
    await c.docker.getContainer(before?.id as string).remove({ force: true });
    const back = await eventually(
      async () => (await replicas(c.docker, P)).find((r) => r.name === `${P}-web-2` && r.healthy && r.id !== before?.id),
      10_000,
      'web-2 re-created and healthy',
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(back.hash).toBe(before?.hash);
    await eventually(async () => (kinds(2).includes('healed') ? true : undefined), 5000, 'healed event');
    expect(kinds(2)).toEqual(['recreated', 'healed']);
    expect(seen.find((e) => e.kind === 'recreated')).toMatchObject({
      project: P,
      elementId: 'container:web/web',
      reason: 'removed outside Blaupause',
      attempt: 1,
    });
  }, 30_000);

  it('restarts a container whose health check starts failing', async () => {
    const one = (await replicas(c.docker, P)).find((r) => r.replica === 1);
    const exec = await c.docker.getContainer(one?.id as string).exec({ Cmd: ['rm', '/tmp/ok'] });
    await exec.start({ Detach: true });
    await eventually(async () => (kinds(1).includes('healed') ? true : undefined), 20_000, 'web-1 healed');
    expect(kinds(1)).toEqual(['restarted', 'healed']);
    const now = (await replicas(c.docker, P)).find((r) => r.replica === 1);
    expect(now?.id).toBe(one?.id); // restarted, not replaced
    expect(now?.healthy).toBe(true);
    const info = await c.docker.getContainer(one?.id as string).inspect();
    expect(Date.parse(info.State.StartedAt)).toBeGreaterThan(Date.now() - 20_000);
  }, 40_000);

  it('starts a container stopped outside Blaupause again', async () => {
    const one = (await replicas(c.docker, P)).find((r) => r.replica === 1);
    const before = kinds(1).length;
    await c.docker.getContainer(one?.id as string).stop({ t: 0 });
    await eventually(async () => (kinds(1).slice(before).includes('healed') ? true : undefined), 10_000, 'web-1 started again');
    // Its second healing within resetAfterMs (60 s) of the first: it backs off first (attempt 2).
    expect(kinds(1).slice(before)).toEqual(['backoff', 'started', 'healed']);
    expect(seen.filter((e) => e.replica === 1 && e.kind === 'backoff').at(-1)).toMatchObject({ attempt: 2, delayMs: 500 });
    expect((await replicas(c.docker, P)).find((r) => r.replica === 1)).toMatchObject({ id: one?.id, healthy: true });
  }, 30_000);

  it('leaves a service with autoHeal: false alone', async () => {
    const [manual] = await replicas(c.docker, P, 'manual');
    await c.docker.getContainer(manual?.id as string).stop({ t: 0 });
    await new Promise((r) => setTimeout(r, 3000));
    expect((await replicas(c.docker, P, 'manual')).map((r) => r.state)).toEqual(['exited']);
    expect(seen.filter((e) => e.service === 'manual')).toEqual([]);
  }, 20_000);

  it('re-creates two containers removed at once (healing steps queue under the project lock)', async () => {
    const before = await replicas(c.docker, P);
    const count = seen.length;
    await Promise.all(before.map((r) => c.docker.getContainer(r.id).remove({ force: true })));
    const back = await eventually(
      async () => {
        const now = await replicas(c.docker, P);
        return now.length === 2 && now.every((r) => r.healthy && !before.some((b) => b.id === r.id)) ? now : undefined;
      },
      15_000,
      'both replicas re-created',
    );
    expect(back.map((r) => r.name)).toEqual([`${P}-web-1`, `${P}-web-2`]);
    const healed = () => seen.slice(count).filter((e) => e.kind === 'healed');
    await eventually(async () => (healed().length === 2 ? true : undefined), 5000, 'two healed events');
    expect(
      healed()
        .map((e) => e.replica)
        .sort(),
    ).toEqual([1, 2]);
  }, 30_000);

  it('does not heal what Blaupause itself removed (scale 2 → 1)', async () => {
    const count = seen.length;
    expect(errorsOf(await collect(new Orchestrator(d).scale(P, 'web', 1)))).toEqual([]);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await replicas(c.docker, P)).map((r) => r.name)).toEqual([`${P}-web-1`]);
    expect(seen.slice(count)).toEqual([]);
  }, 30_000);

  it('does not resurrect a project torn down by another Blaupause process (the CLI beside a server)', async () => {
    const count = seen.length;
    // Another driver instance stands for another process: its lock is not the supervisor's.
    const other = driver(counted().docker);
    expect(errorsOf(await collect(other.destroy(P)))).toEqual([]);
    await new Promise((r) => setTimeout(r, 4000));
    expect(await replicas(c.docker, P)).toEqual([]);
    expect(seen.slice(count).filter((e) => e.kind === 'recreated')).toEqual([]);
  }, 30_000);
});
