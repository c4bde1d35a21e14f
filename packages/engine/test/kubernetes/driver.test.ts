import { readFileSync } from 'node:fs';
import { type Blueprint, loadBlueprint } from '@blaupause/model';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClusterApi } from '../../src/kubernetes/client';
import { KubernetesDriver } from '../../src/kubernetes/driver';
import type { ProgressEvent } from '../../src/types';
import { FakeApiServer } from './fake-api';

/**
 * The driver's decisions over the wire (see fake-api.ts: no API server can run here). What is
 * asserted is what we send — order, dry-run before any write, pruning only our members, no write
 * at all on a conflict — not how a cluster would react.
 */
const fake = new FakeApiServer();
let driver: KubernetesDriver;
beforeAll(async () => {
  await fake.start();
  const kc = new KubeConfig();
  kc.loadFromString(fake.kubeconfig());
  driver = new KubernetesDriver({ api: await createClusterApi(kc) });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests.length = 0;
});

function example(name: string): Blueprint {
  const r = loadBlueprint(readFileSync(new URL(`../../../../examples/${name}.blueprint.yaml`, import.meta.url), 'utf8'));
  if (!r.ok || !r.blueprint) throw new Error(`${name} does not load`);
  return r.blueprint;
}

async function all(events: AsyncIterable<ProgressEvent>): Promise<ProgressEvent[]> {
  const out: ProgressEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

const writes = () => fake.writes().map((r) => `${r.method} ${r.path}`);

describe('Kubernetes driver against an API endpoint', () => {
  it('answers info from /version', async () => {
    const r = await driver.info();
    expect(r.ok && r.value).toMatchObject({ kind: 'kubernetes', version: 'v1.33.1', endpoint: `fake-ctx (${fake.url})` });
  });

  it('first deploy: dry-runs everything before any write, writes the ApplySet parent first and every object once', async () => {
    fake.put('/apis/apps/v1/namespaces/team/deployments/foreign', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'foreign', labels: { app: 'x' } },
    });
    const events = await all(driver.apply(example('three-tier'), { project: 'shop' }));
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    const firstWrite = fake.requests.findIndex((r) => r.method === 'PATCH' && r.query.get('dryRun') !== 'All');
    const lastDryRun = fake.requests.findLastIndex((r) => r.query.get('dryRun') === 'All');
    expect(lastDryRun).toBeLessThan(firstWrite);
    const w = writes();
    expect(w[0]).toBe('PATCH /api/v1/namespaces/team/secrets/applyset-shop');
    expect(w.at(-1)).toBe('PATCH /api/v1/namespaces/team/secrets/applyset-shop');
    expect(w).toContain('PATCH /apis/apps/v1/namespaces/team/deployments/web');
    expect(w.filter((x) => x.startsWith('DELETE'))).toEqual([]);
    const plan = events.find((e) => e.kind === 'plan');
    expect(plan?.kind === 'plan' && plan.plan.actions.every((a) => a.kind === 'create')).toBe(true);
    const parent = fake.objects.get('/api/v1/namespaces/team/secrets/applyset-shop') as {
      metadata: { annotations: Record<string, string> };
    };
    expect(parent.metadata.annotations['applyset.kubernetes.io/contains-group-kinds']).toContain('Deployment.apps');
  });

  it('an unchanged blueprint plans no change and writes nothing', async () => {
    const plan = await driver.plan(example('three-tier'), { project: 'shop' });
    expect(plan.ok && plan.value.noop).toBe(true);
    fake.requests.length = 0;
    const events = await all(driver.apply(example('three-tier'), { project: 'shop' }));
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    expect(writes()).toEqual([]);
  });

  it('a service removed from the blueprint is pruned — its objects only; a foreign Deployment stays', async () => {
    const bp = example('three-tier');
    const { api: _api, ...services } = bp.services;
    const smaller = {
      ...bp,
      services: Object.fromEntries(
        Object.entries(services).map(([k, s]) => [k, { ...s, links: (s.links ?? []).filter((l) => l.to !== 'api') }]),
      ),
    } as Blueprint;
    const events = await all(driver.apply(smaller, { project: 'shop' }));
    expect(events.filter((e) => e.kind === 'error')).toEqual([]);
    const deletes = writes().filter((x) => x.startsWith('DELETE'));
    expect(deletes.length).toBeGreaterThan(0);
    expect(deletes.every((d) => d.endsWith('/api') || d.includes('/api-'))).toBe(true);
    expect(fake.objects.has('/apis/apps/v1/namespaces/team/deployments/foreign')).toBe(true);
    expect(fake.objects.has('/apis/apps/v1/namespaces/team/deployments/web')).toBe(true);
  });

  it('a field owned by another manager stops the whole apply before any write, naming field and manager', async () => {
    const bp = example('three-tier');
    const changed = { ...bp, services: { ...bp.services, web: { ...bp.services.web, replicas: 5 } } } as Blueprint;
    fake.conflicts.set('/apis/apps/v1/namespaces/team/deployments/web', { manager: 'kubectl-edit', field: '.spec.replicas' });
    try {
      const events = await all(driver.apply(changed, { project: 'shop' }));
      const errors = events.filter((e) => e.kind === 'error');
      expect(errors).toEqual([
        expect.objectContaining({ error: expect.objectContaining({ code: 'FIELD_CONFLICT', elementId: 'service:web' }) }),
      ]);
      expect(errors[0]?.kind === 'error' && errors[0].error.message).toContain('.spec.replicas (owned by kubectl-edit)');
      expect(writes()).toEqual([]);
    } finally {
      fake.conflicts.clear();
    }
  });

  it('refuses dangerous pod settings without acknowledgement, writing nothing', async () => {
    const bp = example('single-container');
    const [name, svc] = Object.entries(bp.services)[0] as [string, Blueprint['services'][string]];
    const [cname, c] = Object.entries(svc.containers)[0] as [string, Blueprint['services'][string]['containers'][string]];
    const risky = { ...bp, services: { [name]: { ...svc, containers: { [cname]: { ...c, privileged: true } } } } } as Blueprint;
    const events = await all(driver.apply(risky, { project: 'risky' }));
    expect(events.find((e) => e.kind === 'error')).toMatchObject({ error: { code: 'DANGEROUS_SETTINGS' } });
    expect(writes()).toEqual([]);
  });

  it('a Job whose pod template changed is deleted (Foreground), awaited until gone, then created again — the server refuses it in place', async () => {
    const jobs = loadBlueprint(
      readFileSync(new URL('../../../compiler/test/golden/kubernetes/job-run-to-completion/blueprint.yaml', import.meta.url), 'utf8'),
    ).blueprint as Blueprint;
    const first = await all(driver.apply(jobs, { project: 'batch' }));
    expect(first.at(-1)).toMatchObject({ kind: 'done', ok: true });
    const job = '/apis/batch/v1/namespaces/team/jobs/backup';
    expect(fake.objects.has(job)).toBe(true);
    const backup = jobs.services.backup as Blueprint['services'][string];
    const changed = {
      ...jobs,
      services: {
        ...jobs.services,
        backup: { ...backup, containers: { ...backup.containers, backup: { ...backup.containers.backup, image: 'example/backup:1.1' } } },
      },
    } as Blueprint;
    const plan = await driver.plan(changed, { project: 'batch' });
    expect(plan.ok && plan.value.actions.filter((a) => a.kind !== 'unchanged')).toEqual([
      expect.objectContaining({ kind: 'recreate', elementId: 'service:backup', reason: expect.stringContaining('field is immutable') }),
    ]);
    fake.requests.length = 0;
    const events = await all(driver.apply(changed, { project: 'batch' }));
    expect(events.filter((e) => e.kind === 'error')).toEqual([]);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    const onJob = fake.requests.filter((r) => r.path === job && r.query.get('dryRun') !== 'All').map((r) => r.method);
    // DELETE, then GETs while it is terminating (foregroundReads = 2) until 404, then the apply.
    expect(onJob).toEqual(['GET', 'DELETE', 'GET', 'GET', 'GET', 'PATCH']);
    expect(fake.requests.find((r) => r.method === 'DELETE' && r.path === job)?.query.get('propagationPolicy')).toBe('Foreground');
    const now = fake.objects.get(job) as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(now.spec.template.spec.containers.map((c) => c.image)).toContain('example/backup:1.1');
    await all(driver.destroy('batch'));
  });

  it('an immutable field of a kind we do not replace stays refused, and nothing is written', async () => {
    const web = '/apis/apps/v1/namespaces/team/deployments/web';
    const bp = example('three-tier');
    await all(driver.apply(bp, { project: 'shop' }));
    const changed = { ...bp, services: { ...bp.services, web: { ...bp.services.web, replicas: 4 } } } as Blueprint;
    fake.invalid.set(web, 'spec.selector: Invalid value: field is immutable');
    try {
      fake.requests.length = 0;
      const events = await all(driver.apply(changed, { project: 'shop' }));
      expect(events.find((e) => e.kind === 'error')).toMatchObject({
        error: { code: 'ENGINE_ERROR', elementId: 'service:web', message: expect.stringContaining('field is immutable') },
      });
      expect(writes()).toEqual([]);
    } finally {
      fake.invalid.clear();
    }
  });

  it('one operation per project: a tear-down while a deploy runs is BUSY; another project is not held', async () => {
    const deploying = all(driver.apply(example('single-container'), { project: 'held' }));
    const [busy, other] = await Promise.all([all(driver.destroy('held')), driver.plan(example('single-container'), { project: 'free' })]);
    expect(busy.find((e) => e.kind === 'error')).toMatchObject({ error: { code: 'BUSY' } });
    expect(busy.at(-1)).toMatchObject({ kind: 'done', ok: false });
    expect(other.ok).toBe(true);
    expect((await deploying).at(-1)).toMatchObject({ kind: 'done', ok: true });
    expect((await all(driver.destroy('held'))).at(-1)).toMatchObject({ kind: 'done', ok: true });
  });

  it('tear-down deletes our members and the parent, nothing else', async () => {
    const events = await all(driver.destroy('shop'));
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    expect(writes().every((w) => w.startsWith('DELETE'))).toBe(true);
    expect(writes()).toContain('DELETE /api/v1/namespaces/team/secrets/applyset-shop');
    expect([...fake.objects.keys()]).toEqual(['/apis/apps/v1/namespaces/team/deployments/foreign']);
  });

  it('an API server that does not answer is ENGINE_UNREACHABLE with a kubeconfig hint', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(fake.kubeconfig().replace(fake.url, 'http://127.0.0.1:1'));
    const d = new KubernetesDriver({ api: await createClusterApi(kc) });
    const r = await d.plan(example('three-tier'), { project: 'shop' });
    expect(!r.ok && r.error).toMatchObject({ code: 'ENGINE_UNREACHABLE', hint: expect.stringContaining('kubeconfig') });
  });
});
