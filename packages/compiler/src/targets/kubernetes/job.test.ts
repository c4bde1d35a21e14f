import { describe, expect, it } from 'vitest';
import type { Obj } from './context';
import { at, emitK8s, podSpec, svc } from './testing';

const task = (main: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  svc(extra, { restart: 'no', args: ['migrate'], ...main });

describe('run-to-completion services', () => {
  it('become a Job that never retries for restart "no"', () => {
    const out = emitK8s({ services: { migrate: task() } });
    expect(out.index()).toEqual(['Job/migrate']);
    const job = out.get('Job', 'migrate');
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.spec).toMatchObject({ backoffLimit: 0, template: { spec: { restartPolicy: 'Never' } } });
    // The Job controller writes its own selector; a Job has no replicas.
    expect(at(job, 'spec', 'selector')).toBeUndefined();
    expect(at(job, 'spec', 'replicas')).toBeUndefined();
    expect(out.notes).toEqual([]);
  });

  it('retry in place for restart "on-failure", with a note on the retry limit', () => {
    const out = emitK8s({ services: { seed: task({ restart: 'on-failure' }) } });
    const job = out.get('Job', 'seed');
    expect(at(job, 'spec', 'backoffLimit')).toBeUndefined();
    expect(at(podSpec(job), 'restartPolicy')).toBe('OnFailure');
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['approximated', 'services.seed.containers.main.restart']]);
  });

  it('run every replica once, all at a time', () => {
    const job = emitK8s({ services: { work: task({}, { replicas: 3 }) } }).get('Job', 'work');
    expect([at(job, 'spec', 'completions'), at(job, 'spec', 'parallelism')]).toEqual([3, 3]);
  });

  it('stay Deployments when they serve ports, or DaemonSets when global', () => {
    const out = emitK8s({
      services: { web: task({}, { ports: [{ port: 80 }] }), agent: task({}, { mode: 'global' }) },
    });
    expect(out.index()).toEqual(['Deployment/web', 'Service/web', 'DaemonSet/agent']);
    expect(out.notes.filter((n) => n.path.at(-1) === 'restart')).toHaveLength(2);
  });

  it('get a headless Service when another service links to them, and links wait for nothing', () => {
    const out = emitK8s({
      services: { migrate: task(), api: svc({ links: [{ to: 'migrate', condition: 'completed' }] }) },
    });
    expect(out.index()).toEqual(['Job/migrate', 'Service/migrate', 'Deployment/api']);
    expect(at(out.get('Service', 'migrate'), 'spec', 'clusterIP')).toBe('None');
    expect(at(podSpec(out.get('Deployment', 'api')), 'initContainers')).toBeUndefined();
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['lost', 'services.api.links.0.condition']]);
  });

  it('run helpers as native sidecars, so the Job completes when main exits', () => {
    const services = {
      backup: task({}, { containers: { main: { image: 'b:1', restart: 'no' }, ship: { role: 'adapter', image: 's:1' } } }),
    };
    const now = emitK8s({ services });
    const spec = podSpec(now.get('Job', 'backup'));
    expect((spec.initContainers as Obj[]).map((c) => [c.name, c.restartPolicy])).toEqual([['ship', 'Always']]);
    expect((spec.containers as Obj[]).map((c) => c.name)).toEqual(['main']);
    const old = emitK8s({ services }, { kubernetesVersion: '1.28' });
    expect((podSpec(old.get('Job', 'backup')).containers as Obj[]).map((c) => c.name)).toEqual(['main', 'ship']);
    expect(old.notes.map((n) => n.message).join('\n')).toMatch(/the Job does not complete until it stops/);
  });

  it('report what a Job cannot do: autoscaling, rollout, per-replica claims', () => {
    const out = emitK8s({
      volumes: { scratch: { perReplica: true, size: '1Gi' } },
      services: {
        batch: task(
          { mounts: [{ type: 'volume', source: 'scratch', target: '/data' }] },
          { replicas: 2, scaling: { min: 1, max: 4 }, rollout: { strategy: 'recreate' } },
        ),
      },
    });
    expect(out.index()).toEqual(['Job/batch']);
    expect(at(podSpec(out.get('Job', 'batch')), 'volumes')).toEqual([{ name: 'scratch', emptyDir: {} }]);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['lost', 'services.batch.scaling'],
      ['lost', 'services.batch.rollout'],
      ['lost', 'services.batch.containers.main.mounts.0'],
    ]);
  });
});
