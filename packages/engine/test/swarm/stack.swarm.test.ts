import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedStack } from '../../src/swarm/labels';
import type { LogLine } from '../../src/types';
import { failureCases } from './failures.cases';
import {
  cleanupStack,
  collect,
  docker,
  driver,
  errorsOf,
  eventually,
  execText,
  IMAGE,
  project,
  succeeded,
  swarmDown,
  swarmUp,
} from './harness';
import { pageAt, record, seedBlueprint, type Variant } from './seed-fixture';

/**
 * The seed's web example (weba and webb behind a front proxy) as a Swarm stack on a real engine:
 * deployed (the front answers on the host port, having reached both by name on the overlay
 * network), watched (tasks as container statuses), updated in a rolling update, then updated to a
 * version whose healthcheck never passes — Swarm rolls it back by itself and the apply says why —
 * and torn down, leaving what is not ours.
 */
const d = driver();
const P = project('seed');
const PORT = 20000 + Math.floor(Math.random() * 20000);
const seed = (v: Variant = {}) => seedBlueprint(PORT, v);
const page = () => pageAt(PORT);
const dir = mkdtempSync(join(tmpdir(), 'bpsw-'));
writeFileSync(join(dir, 'weba.html'), 'weba from a config\n');
writeFileSync(join(dir, 'token.txt'), 'not-to-be-echoed-7f3a\n');

let foreignService: string | undefined;

// One file owns the swarm: it is set up once, before every case, and left (if this file made it) after all.
beforeAll(swarmUp, 120_000);
afterAll(swarmDown, 120_000);

failureCases();

beforeAll(async () => {
  // Not ours: the stack's namespace label but no ownership label. Teardown must leave it.
  const f = await docker.createService({
    Name: `${P}-foreign`,
    Labels: { 'com.docker.stack.namespace': P },
    TaskTemplate: { ContainerSpec: { Image: IMAGE, Command: ['sleep', '300'] } },
    Mode: { Replicated: { Replicas: 0 } },
  });
  foreignService = (f as { id: string }).id;
}, 120_000);

afterAll(async () => {
  if (foreignService)
    await docker
      .getService(foreignService)
      .remove()
      .catch(() => {});
  await cleanupStack(P);
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('Swarm driver: the seed example', () => {
  const watch = record(d, P);
  afterAll(() => watch.stop());

  it('plans the stack: three services, the overlay network, the config and the secret', async () => {
    const r = await d.plan(seed(), { project: P, baseDir: dir });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.actions.map((a) => [a.kind, a.elementId])).toEqual([
      ['create', 'container:weba/nginx'],
      ['create', 'container:webb/nginx'],
      ['create', 'container:haproxy/haproxy'],
    ]);
    expect(r.value.resources.map((x) => [x.kind, x.resource])).toEqual([
      ['create', 'network'],
      ['create', 'secret'],
      ['create', 'config'],
    ]);
    expect(JSON.stringify(r.value)).not.toContain('not-to-be-echoed');
    expect(r.value.dangers).toEqual([]);
    const info = await d.info();
    expect(info.ok && [info.value.kind, info.value.swarm]).toEqual(['swarm', true]);
  });

  it('deploys it; the front answers on the host port with both pages fetched by name; a second apply meanwhile is BUSY', async () => {
    const first = d.apply(seed(), { project: P, baseDir: dir });
    const second = await collect(d.apply(seed(), { project: P, baseDir: dir }));
    expect(errorsOf(second).map((e) => e.code)).toEqual(['BUSY']);
    const events = await collect(first);
    expect(errorsOf(events)).toEqual([]);
    expect(succeeded(events)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('not-to-be-echoed');
    expect(await eventually(async () => ((await page()).includes('webb') ? page() : undefined), 30_000, 'the front page')).toBe(
      'weba from a config\nwebb\n',
    );
    const services = await docker.listServices({ filters: { label: ownedStack(P) } });
    expect(services.map((s) => s.Spec?.Name).sort()).toEqual([`${P}_haproxy`, `${P}_weba`, `${P}_webb`]);
    const webb = services.find((s) => s.Spec?.Name === `${P}_webb`);
    expect(webb?.Spec?.UpdateConfig).toMatchObject({ Parallelism: 1, Order: 'start-first', FailureAction: 'rollback', Monitor: 2e9 });
    expect(webb?.Spec?.EndpointSpec?.Mode).toBe('dnsrr');
    const list = await d.list();
    expect(list.ok && list.value.find((s) => s.project === P)).toMatchObject({
      services: expect.arrayContaining(['weba', 'webb', 'haproxy']),
      containers: 3,
    });
  }, 120_000);

  it('streams the tasks as container statuses: snapshot and changes, replica = slot', async () => {
    const running = await eventually(
      async () => {
        const m = watch.latest();
        const all = ['container:weba/nginx#1', 'container:webb/nginx#1', 'container:haproxy/haproxy#1'].map((k) => m.get(k));
        return all.every((s) => s?.state === 'running') ? all : undefined;
      },
      20_000,
      'running statuses',
    );
    expect(running.map((s) => [s?.project, s?.service, s?.container, s?.replica])).toEqual([
      [P, 'weba', 'nginx', 1],
      [P, 'webb', 'nginx', 1],
      [P, 'haproxy', 'haproxy', 1],
    ]);
    expect(running[2]?.ports).toEqual([`0.0.0.0:${PORT}->80/tcp`]);
    expect(running.every((s) => s?.id && s.id.length === 64)).toBe(true);
    expect(watch.events[0]?.kind === 'engine' || watch.events[0]?.kind === 'snapshot').toBe(true);
  }, 30_000);

  it('converges: the same blueprint plans nothing', async () => {
    const r = await d.plan(seed(), { project: P, baseDir: dir });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.noop).toBe(true);
    const events = await collect(d.apply(seed(), { project: P, baseDir: dir }));
    expect(events.filter((e) => e.kind === 'step')).toEqual([]);
    expect(succeeded(events)).toBe(true);
  });

  it('updates webb in a rolling update and scales it to 2; weba and the front keep their tasks', async () => {
    const before = watch.latest();
    const r = await d.plan(seed({ webb: 'webb-v2', webbReplicas: 2 }), { project: P, baseDir: dir });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.actions.map((a) => [a.kind, a.service])).toEqual([
      ['unchanged', 'weba'],
      ['update', 'webb'],
      ['unchanged', 'haproxy'],
    ]);
    const events = await collect(d.apply(seed({ webb: 'webb-v2', webbReplicas: 2 }), { project: P, baseDir: dir }));
    expect(errorsOf(events)).toEqual([]);
    const svc = await docker.getService(`${P}_webb`).inspect();
    expect(svc.UpdateStatus?.State).toBe('completed');
    expect(svc.Spec?.Mode?.Replicated?.Replicas).toBe(2);
    const after = await eventually(
      async () => {
        const m = watch.latest();
        return m.get('container:webb/nginx#2')?.state === 'running' ? m : undefined;
      },
      20_000,
      'the second webb replica',
    );
    expect(after.get('container:weba/nginx#1')?.id).toBe(before.get('container:weba/nginx#1')?.id);
    expect(after.get('container:webb/nginx#1')?.id).not.toBe(before.get('container:webb/nginx#1')?.id);
    const logs: LogLine[] = [];
    for await (const l of d.logs({ project: P, service: 'webb', tail: 50 })) logs.push(l);
    expect(logs.map((l) => l.text)).toContain('serving webb-v2');
    expect(new Set(logs.filter((l) => l.text === 'serving webb-v2').map((l) => l.replica))).toEqual(new Set([1, 2]));
  }, 120_000);

  it('a failed update (healthcheck never passes) rolls back by itself, and the apply says why', async () => {
    const events = await collect(d.apply(seed({ webb: 'webb-v2', webbReplicas: 2, webaHealth: true }), { project: P, baseDir: dir }));
    expect(succeeded(events)).toBe(false);
    const errors = errorsOf(events);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.elementId).toBe('container:weba/nginx');
    expect(errors[0]?.code).toBe('ROLLED_BACK');
    // Swarm's own words: why it rolled back, and what the new task died of.
    expect(errors[0]?.message).toMatch(/^Rolled back: the update of .*_weba failed — update rolled back due to failure/);
    expect(errors[0]?.message).toMatch(/unhealthy container/);
    const svc = await docker.getService(`${P}_weba`).inspect();
    expect(svc.UpdateStatus?.State).toBe('rollback_completed');
    const spec = svc.Spec?.TaskTemplate as { ContainerSpec?: { HealthCheck?: unknown } };
    expect(spec.ContainerSpec?.HealthCheck).toBeUndefined();
    expect(await eventually(async () => ((await page()) === 'weba from a config\nwebb\n' ? 'up' : undefined), 20_000, 'the page')).toBe(
      'up',
    );
  }, 150_000);

  it('a changed config file is a new config: weba rolls onto it, the old one is removed once free', async () => {
    const r = await d.plan(seed({ webb: 'webb-v2', webbReplicas: 2 }), { project: P, baseDir: dir });
    // The rollback restored weba's previous spec, labels included: nothing to do.
    expect(r.ok && r.value.noop).toBe(true);
    const before = (await docker.listConfigs({ filters: { label: ownedStack(P) } })) as { Spec?: { Name?: string } }[];
    writeFileSync(join(dir, 'weba.html'), 'weba from a new config\n');
    const events = await collect(d.apply(seed({ webb: 'webb-v2', webbReplicas: 2 }), { project: P, baseDir: dir }));
    expect(errorsOf(events)).toEqual([]);
    const steps = events.flatMap((e) =>
      e.kind === 'step' && e.phase === 'done' ? [[e.action.kind, 'resource' in e.action ? e.action.resource : e.action.service]] : [],
    );
    expect(steps).toEqual([
      ['create', 'config'],
      ['update', 'weba'],
      ['remove', 'config'],
    ]);
    const after = (await docker.listConfigs({ filters: { label: ownedStack(P) } })) as { Spec?: { Name?: string } }[];
    expect(after).toHaveLength(1);
    expect(after[0]?.Spec?.Name).not.toBe(before[0]?.Spec?.Name);
    // The front fetched its pages once at start: weba itself serves the new file.
    const task = (await docker.listTasks({ filters: { service: [`${P}_weba`], 'desired-state': ['running'] } })) as {
      Status?: { ContainerStatus?: { ContainerID?: string } };
    }[];
    const out = await execText(task[0]?.Status?.ContainerStatus?.ContainerID as string, ['cat', '/www/index.html']);
    expect(out).toContain('weba from a new config');
  }, 120_000);

  it('tears down only what is ours', async () => {
    const events = await collect(d.destroy(P));
    expect(errorsOf(events)).toEqual([]);
    expect(await docker.listServices({ filters: { label: ownedStack(P) } })).toEqual([]);
    expect(await docker.listNetworks({ filters: { label: ownedStack(P) } })).toEqual([]);
    expect(await docker.listSecrets({ filters: { label: ownedStack(P) } })).toEqual([]);
    expect(await docker.listConfigs({ filters: { label: ownedStack(P) } })).toEqual([]);
    expect((await docker.getService(foreignService as string).inspect()).Spec?.Name).toBe(`${P}-foreign`);
    const list = await d.list();
    expect(list.ok && list.value.some((s) => s.project === P)).toBe(false);
  }, 120_000);
});
