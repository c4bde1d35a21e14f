import { describe, expect, it } from 'vitest';
import { blueprintOf, importFixture, summary } from './helpers';

// DaemonSet, bare Pod, ReplicaSet, Job, CronJob; a foreign NetworkPolicy and a ServiceAccount (fixtures/workloads.yaml).
describe('importKubernetes: workload kinds', () => {
  const result = importFixture('workloads.yaml');
  const bp = blueprintOf(result);

  it('reports unsupported kinds and approximations exactly', () => {
    expect(summary(result.diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0',
      'info IMPORT_APPROXIMATED documents.0.spec.template.spec.containers.0.ports.0.hostPort',
      'info IMPORT_APPROXIMATED documents.1',
      'info IMPORT_APPROXIMATED documents.2',
      'info IMPORT_APPROXIMATED documents.3.spec.template.spec.restartPolicy',
      'warning IMPORT_APPROXIMATED documents.4.spec.schedule',
      'warning UNSUPPORTED_KIND documents.5',
      'warning UNSUPPORTED_KIND documents.6',
    ]);
  });

  it('explains why NetworkPolicies and other kinds are not carried', () => {
    const hints = result.diagnostics.filter((d) => d.code === 'UNSUPPORTED_KIND').map((d) => [d.message, d.hint]);
    expect(hints).toEqual([
      [
        'NetworkPolicy deny-all (document 6): the importer does not carry NetworkPolicy objects; it was not imported.',
        'Draw network segments in the blueprint instead; the Kubernetes emitter derives NetworkPolicies from them.',
      ],
      [
        'ServiceAccount worker (document 7): the importer does not carry ServiceAccount objects; it was not imported.',
        'Only workloads, Services, Ingresses, autoscalers, claims, ConfigMaps and Secrets become blueprint elements.',
      ],
    ]);
  });

  it('makes a DaemonSet a global service with host namespaces and its hostPort published', () => {
    expect(bp.services['node-exporter']).toEqual({
      labels: { app: 'node-exporter' },
      mode: 'global',
      replicas: 1,
      rollout: { strategy: 'rolling', maxUnavailable: 2 },
      ports: [{ port: 9100, protocol: 'tcp', publish: 9100 }],
      hostNetwork: true,
      hostPid: true,
      containers: { 'node-exporter': { role: 'main', image: 'prom/node-exporter:v1.8.0', privileged: true } },
    });
  });

  it('keeps a bare Pod’s restart policy and a ReplicaSet’s replicas', () => {
    expect(bp.services['debug-shell']?.containers.shell).toEqual({
      role: 'main',
      image: 'busybox:1.36',
      command: ['sleep', '3600'],
      restart: 'no',
    });
    expect(bp.services['legacy-worker']?.replicas).toBe(2);
    expect(Object.keys(bp.services)).toEqual(['node-exporter', 'debug-shell', 'legacy-worker', 'backfill', 'nightly-report']);
  });

  it('makes a Job a run-to-completion service; restartPolicy Never with retries (new pods) becomes on-failure', () => {
    expect(bp.services.backfill?.containers.backfill).toEqual({ role: 'main', image: 'shop/backfill:1.0', restart: 'on-failure' });
    const note = result.diagnostics.find((d) => d.path.join('.') === 'documents.3.spec.template.spec.restartPolicy');
    expect(note?.message).toBe(
      'Job backfill replaces a failed pod up to 6 times: it became restart "on-failure"; exported again, the pod restarts in place (restartPolicy OnFailure).',
    );
  });

  it('makes a CronJob’s job a run-to-completion service and warns that its schedule is lost', () => {
    expect(bp.services['nightly-report']?.containers.report).toEqual({ role: 'main', image: 'shop/report:1.0', restart: 'on-failure' });
    const note = result.diagnostics.find((d) => d.path.join('.') === 'documents.4.spec.schedule');
    expect(note?.message).toBe(
      'CronJob nightly-report runs on the schedule "0 3 * * *"; a blueprint has no schedule: the service nightly-report runs once, when deployed, and is exported again as a Job.',
    );
    expect(note?.elementId).toBe('service:nightly-report');
  });

  it('names the blueprint after the file when no label or namespace names it', () => {
    expect(bp.metadata.name).toBe('workloads');
  });
});
