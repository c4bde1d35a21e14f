import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { describe, expect, it } from 'vitest';
import { at, emitK8s, podSpec, svc } from './testing';

const sel = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'app' });
const labels = (name: string) => ({ ...sel(name), 'app.kubernetes.io/managed-by': 'blaupause' });
const pod = (spec: Partial<IPodSpec> & Pick<IPodSpec, 'containers'>): IPodSpec => ({
  ...spec,
  enableServiceLinks: false,
  automountServiceAccountToken: false,
});

describe('workloads', () => {
  it('turns a service with a main container into a Deployment with the standard labels and selector', () => {
    const out = emitK8s({ services: { web: svc({ replicas: 3 }) } });
    const expected: IDeployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: labels('web') },
      spec: {
        replicas: 3,
        selector: { matchLabels: sel('web') },
        template: { metadata: { labels: labels('web') }, spec: pod({ containers: [{ name: 'main', image: 'img:1' }] }) },
      },
    };
    expect(out.docs).toEqual([expected]);
    expect(out.notes).toEqual([]);
  });

  it('puts blueprint and service labels on objects and pods, never over ours', () => {
    const out = emitK8s({
      metadata: { name: 'app', labels: { team: 'blue', 'app.kubernetes.io/name': 'x' } },
      services: { web: svc({ labels: { tier: 'front', 'bad key': 'v' } }) },
    });
    const d = out.get('Deployment', 'web');
    expect(at(d, 'metadata', 'labels')).toEqual({ ...labels('web'), team: 'blue', tier: 'front' });
    expect(at(d, 'spec', 'template', 'metadata', 'labels')).toEqual({ ...labels('web'), team: 'blue', tier: 'front' });
    expect(at(d, 'spec', 'selector')).toEqual({ matchLabels: sel('web') });
    expect(out.notes.map((n) => [n.kind, n.path])).toEqual([['lost', ['services', 'web', 'labels', 'bad key']]]);
  });

  it('puts objects in the namespace when one is given', () => {
    const out = emitK8s({ services: { web: svc({ ports: [{ port: 80 }] }) } }, { namespace: 'shop' });
    expect(out.docs.map((d) => at(d, 'metadata', 'namespace'))).toEqual(['shop', 'shop']);
  });

  it('makes a StatefulSet with volumeClaimTemplates and a headless Service for per-replica volumes', () => {
    const out = emitK8s({
      services: {
        db: svc({ replicas: 2, ports: [{ port: 5432 }] }, { mounts: [{ type: 'volume', source: 'data', target: '/var/lib/db' }] }),
      },
      volumes: { data: { perReplica: true, size: '5Gi' } },
    });
    expect(out.index()).toEqual(['StatefulSet/db', 'Service/db', 'Service/db-headless']);
    const expected: IStatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', labels: labels('db') },
      spec: {
        replicas: 2,
        serviceName: 'db-headless',
        selector: { matchLabels: sel('db') },
        template: {
          metadata: { labels: labels('db') },
          spec: pod({
            containers: [
              {
                name: 'main',
                image: 'img:1',
                ports: [{ name: 'tcp-5432', containerPort: 5432, protocol: 'TCP' }],
                volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }],
              },
            ],
          }),
        },
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } },
        ],
      },
    };
    expect(out.get('StatefulSet', 'db')).toEqual(expected);
    expect(at(out.get('Service', 'db-headless'), 'spec')).toEqual({
      clusterIP: 'None',
      ports: [{ name: 'tcp-5432', port: 5432, targetPort: 5432, protocol: 'TCP' }],
      selector: sel('db'),
    });
  });

  it('lets a port-less StatefulSet be governed by its own headless Service', () => {
    const out = emitK8s({
      services: { q: svc({}, { mounts: [{ type: 'volume', source: 'data', target: '/d' }] }) },
      volumes: { data: { perReplica: true } },
    });
    expect(out.index()).toEqual(['StatefulSet/q', 'Service/q']);
    expect(at(out.get('StatefulSet', 'q'), 'spec', 'serviceName')).toBe('q');
    expect(at(out.get('Service', 'q'), 'spec')).toEqual({ clusterIP: 'None', selector: sel('q') });
    expect(out.notes.map((n) => n.path.join('.'))).toEqual(['volumes.data.size']);
  });

  it('shortens a StatefulSet name its pods could not carry, keeping the Service name', () => {
    const long = 'x'.repeat(60);
    const out = emitK8s({
      services: {
        [long]: svc(
          { scaling: { min: 1, max: 2 } },
          { mounts: [{ type: 'volume', source: 'd', target: '/d' }], resources: { requests: { cpus: 1 } } },
        ),
      },
      volumes: { d: { perReplica: true, size: '1Gi' } },
    });
    const sts = out.docs.find((d) => d.kind === 'StatefulSet');
    const name = at(sts, 'metadata', 'name') as string;
    expect(name).toHaveLength(52);
    expect(
      at(
        out.docs.find((d) => d.kind === 'HorizontalPodAutoscaler'),
        'spec',
        'scaleTargetRef',
        'name',
      ),
    ).toBe(name);
    expect(at(out.get('Service', long), 'spec', 'clusterIP')).toBe('None');
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['approximated', `services.${long}`]]);
  });

  it('makes a DaemonSet for global services, without replicas', () => {
    const out = emitK8s({ services: { agent: svc({ mode: 'global', rollout: { maxUnavailable: 2 } }) } });
    const ds = out.get('DaemonSet', 'agent');
    expect(at(ds, 'spec', 'replicas')).toBeUndefined();
    expect(at(ds, 'spec', 'updateStrategy')).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } });
  });
});

describe('rollout', () => {
  const strategy = (rollout: Record<string, unknown>) => {
    const out = emitK8s({ services: { web: svc({ rollout }) } });
    return { strategy: at(out.get('Deployment', 'web'), 'spec', 'strategy'), out };
  };
  it('maps recreate and rolling', () => {
    expect(strategy({ strategy: 'recreate' }).strategy).toEqual({ type: 'Recreate' });
    expect(strategy({ strategy: 'rolling', maxSurge: 2, maxUnavailable: 1 }).strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 2, maxUnavailable: 1 },
    });
    expect(strategy({ strategy: 'rolling' }).strategy).toBeUndefined();
  });
  it('derives surge and unavailability from the order', () => {
    expect(strategy({ order: 'start-first' }).strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(strategy({ order: 'stop-first' }).strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
    });
  });
  it('never writes 0/0, which Kubernetes refuses', () => {
    const { strategy: s, out } = strategy({ maxSurge: 0, maxUnavailable: 0 });
    expect(s).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
    expect(out.notes.map((n) => n.kind)).toEqual(['approximated']);
  });
  it('turns monitor into minReadySeconds and reports a lost rollback', () => {
    const { out } = strategy({ monitor: '30s', failureAction: 'rollback' });
    expect(at(out.get('Deployment', 'web'), 'spec', 'minReadySeconds')).toBe(30);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['lost', 'services.web.rollout.failureAction'],
      ['approximated', 'services.web.rollout.monitor'],
    ]);
  });

  it('runs a canary as two Deployments behind one Service whose selector omits the track', () => {
    const out = emitK8s({
      services: {
        web: svc({ replicas: 4, ports: [{ port: 80 }], rollout: { strategy: 'canary', canary: { replicas: 1, image: 'img:2' } } }),
      },
    });
    expect(out.index()).toEqual(['Deployment/web', 'Deployment/web-canary', 'Service/web']);
    const stable = out.get('Deployment', 'web');
    const canary = out.get('Deployment', 'web-canary');
    expect(at(stable, 'spec', 'replicas')).toBe(3);
    expect(at(canary, 'spec', 'replicas')).toBe(1);
    expect(at(stable, 'spec', 'selector', 'matchLabels')).toEqual({ ...sel('web'), track: 'stable' });
    expect(at(canary, 'spec', 'selector', 'matchLabels')).toEqual({ ...sel('web'), track: 'canary' });
    expect(at(canary, 'spec', 'template', 'metadata', 'labels')).toEqual({ ...labels('web'), track: 'canary' });
    expect(at(podSpec(stable), 'containers', 0, 'image')).toBe('img:1');
    expect(at(podSpec(canary), 'containers', 0, 'image')).toBe('img:2');
    expect(at(out.get('Service', 'web'), 'spec', 'selector')).toEqual(sel('web'));
  });

  it('reports a canary that a StatefulSet cannot run', () => {
    const out = emitK8s({
      services: {
        db: svc(
          { replicas: 3, rollout: { strategy: 'canary', canary: { replicas: 1 } } },
          { mounts: [{ type: 'volume', source: 'd', target: '/d' }] },
        ),
      },
      volumes: { d: { perReplica: true, size: '1Gi' } },
    });
    expect(out.index()).toEqual(['StatefulSet/db', 'Service/db']);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['lost', 'services.db.rollout.strategy']]);
  });
});

describe('scaling', () => {
  it('adds an autoscaling/v2 HPA and leaves the replica count to it', () => {
    const out = emitK8s({
      services: { web: svc({ replicas: 2, scaling: { min: 2, max: 6, targetCPU: 60 } }, { resources: { requests: { cpus: 0.25 } } }) },
    });
    expect(out.index()).toEqual(['Deployment/web', 'HorizontalPodAutoscaler/web']);
    expect(at(out.get('Deployment', 'web'), 'spec', 'replicas')).toBeUndefined();
    const expected: IHorizontalPodAutoscaler = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', labels: labels('web') },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }],
      },
    };
    expect(out.get('HorizontalPodAutoscaler', 'web')).toEqual(expected);
    expect(out.notes).toEqual([]);
  });
  it('notes min 0, missing CPU requests and global services', () => {
    const out = emitK8s({
      services: { web: svc({ replicas: 1, scaling: { min: 0, max: 3 } }), agent: svc({ mode: 'global', scaling: { min: 1, max: 2 } }) },
    });
    expect(at(out.get('HorizontalPodAutoscaler', 'web'), 'spec', 'minReplicas')).toBe(1);
    expect(out.index()).toEqual(['Deployment/web', 'HorizontalPodAutoscaler/web', 'DaemonSet/agent']);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['approximated', 'services.web.scaling.min'],
      ['approximated', 'services.web.scaling'],
      ['lost', 'services.agent.scaling'],
    ]);
  });
});

describe('placement', () => {
  it('maps == to nodeSelector, != to NotIn, hostname to the well-known label', () => {
    const out = emitK8s({
      services: {
        web: svc({
          placement: {
            constraints: [
              { label: 'hostname', value: 'node-1' },
              { label: 'disk', op: '!=', value: 'hdd' },
              { label: 'hostname', value: 'node-2' },
            ],
          },
        }),
      },
    });
    const spec = podSpec(out.get('Deployment', 'web'));
    expect(spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'node-1' });
    expect(spec.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'disk', operator: 'NotIn', values: ['hdd'] },
                { key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2'] },
              ],
            },
          ],
        },
      },
    });
  });
  it('approximates the Swarm role with the control-plane label', () => {
    const out = emitK8s({ services: { web: svc({ placement: { constraints: [{ label: 'role', op: '!=', value: 'manager' }] } }) } });
    expect(at(podSpec(out.get('Deployment', 'web')), 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution')).toEqual(
      {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'DoesNotExist' }] }],
      },
    );
    expect(out.notes.map((n) => n.kind)).toEqual(['approximated']);
  });
  it('sets host namespaces, with cluster DNS kept for host networking', () => {
    const out = emitK8s({ services: { web: svc({ hostNetwork: true, hostPid: true, hostIpc: true }) } });
    const spec = podSpec(out.get('Deployment', 'web'));
    expect([spec.hostNetwork, spec.dnsPolicy, spec.hostPID, spec.hostIPC]).toEqual([true, 'ClusterFirstWithHostNet', true, true]);
  });
});
