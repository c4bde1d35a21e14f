import { readFileSync } from 'node:fs';
import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { conflictsOf } from '../../src/kubernetes/conflicts';
import { APPLYSET_PART_OF, applySetId, PROJECT_LABEL } from '../../src/kubernetes/labels';
import { desiredObjects, type KObject } from '../../src/kubernetes/objects';
import { decideActions } from '../../src/kubernetes/plan';
import { containsGroupKinds, decidePrune } from '../../src/kubernetes/prune';
import { podStatuses, replicaNumbers } from '../../src/kubernetes/status';

const SET = applySetId('applyset-shop', 'team');
const obj = (
  kind: string,
  name: string,
  labels: Record<string, string> = {},
  apiVersion = kind === 'Deployment' ? 'apps/v1' : 'v1',
): KObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'team', labels },
});
const ours = (kind: string, name: string) => obj(kind, name, { [APPLYSET_PART_OF]: SET, [PROJECT_LABEL]: 'shop' });

describe('ApplySet id (KEP-3659)', () => {
  it('is applyset-<base64url sha256 of name.namespace.kind.group>-v1: stable, unpadded, per namespace', () => {
    expect(SET).toMatch(/^applyset-[A-Za-z0-9_-]{43}-v1$/);
    expect(applySetId('applyset-shop', 'team')).toBe(SET);
    expect(applySetId('applyset-shop', 'other')).not.toBe(SET);
  });
});

describe('pruning', () => {
  const desired = [ours('Deployment', 'web'), ours('Service', 'web')];
  const kinds = new Set(['Deployment.apps', 'Service']);

  it('prunes only members of this set that left the blueprint', () => {
    const live = [ours('Deployment', 'web'), ours('Deployment', 'old'), ours('Service', 'gone')];
    const { prune } = decidePrune(live, desired, SET, 'shop', kinds, 'team');
    expect(prune.map((p) => `${p.object.kind}/${p.object.metadata.name}`)).toEqual(['Deployment/old', 'Service/gone']);
  });

  it('never touches objects without our membership label, even with our names and kinds', () => {
    const foreign = [obj('Deployment', 'old'), obj('Deployment', 'web2', { 'app.kubernetes.io/managed-by': 'blaupause' })];
    expect(decidePrune(foreign, desired, SET, 'shop', kinds, 'team').prune).toEqual([]);
  });

  it('keeps (and reports) a member claim without our project label, and kinds the set never held', () => {
    const live = [obj('Deployment', 'copied', { [APPLYSET_PART_OF]: SET }), { ...ours('ConfigMap', 'cfg') }];
    const { prune, kept } = decidePrune(live, desired, SET, 'shop', kinds, 'team');
    expect(prune).toEqual([]);
    expect(kept.map((k) => k.reason)).toEqual([
      expect.stringContaining('not labelled blaupause.dev/project=shop'),
      expect.stringContaining('ConfigMap is not among'),
    ]);
  });

  it('the parent remembers every kind applied so far, sorted', () => {
    expect(containsGroupKinds(desired, 'ConfigMap,Service')).toEqual(['ConfigMap', 'Deployment.apps', 'Service']);
  });
});

describe('conflicts', () => {
  it('reads the field and its manager from a server-side apply 409', () => {
    const status = {
      kind: 'Status',
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas',
      details: {
        causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-edit" using apps/v1', field: '.spec.replicas' }],
      },
    };
    expect(conflictsOf(status)).toEqual([
      { field: '.spec.replicas', manager: 'kubectl-edit', message: 'conflict with "kubectl-edit" using apps/v1' },
    ]);
    expect(conflictsOf({ kind: 'Status', code: 422, reason: 'Invalid' })).toEqual([]);
  });
});

describe('plan from the server’s dry-run answers', () => {
  const want = [ours('Deployment', 'web'), ours('Service', 'web'), ours('Service', 'db')];
  it('creates what is missing, leaves equal objects, updates the rest; server bookkeeping does not count as a change', () => {
    const liveWeb = {
      ...want[0],
      metadata: { ...want[0]?.metadata, resourceVersion: '7', uid: 'a', managedFields: [{}] },
      status: { replicas: 1 },
    } as KObject;
    const liveSvc = { ...want[1], spec: { ports: [{ port: 80 }] } } as KObject;
    const live = new Map([
      ['Deployment.apps/team/web', liveWeb],
      ['Service/team/web', liveSvc],
    ]);
    const dry = new Map([
      [
        'Deployment.apps/team/web',
        { ok: true as const, result: { ...want[0], metadata: { ...want[0]?.metadata, resourceVersion: '8' } } as KObject },
      ],
      ['Service/team/web', { ok: true as const, result: { ...want[1], spec: { ports: [{ port: 8080 }] } } as KObject }],
    ]);
    expect(decideActions(want, live, dry, 'team').map((a) => a.kind)).toEqual(['unchanged', 'update', 'create']);
  });
});

describe('the compiled objects carry our ownership', () => {
  it('every object and every pod template of the sidecar example is labelled with the project and the set', () => {
    const bp = loadBlueprint(readFileSync(new URL('../../../../examples/sidecar.blueprint.yaml', import.meta.url), 'utf8'));
    if (!bp.ok || !bp.blueprint) throw new Error('example does not load');
    const { objects } = desiredObjects(bp.blueprint, 'shop', SET);
    expect(objects.length).toBeGreaterThan(1);
    for (const o of objects) expect(o.metadata.labels).toMatchObject({ [PROJECT_LABEL]: 'shop', [APPLYSET_PART_OF]: SET });
    const dep = objects.find((o) => o.kind === 'Deployment') as KObject & {
      spec: { template: { metadata: { labels: Record<string, string> } } };
    };
    expect(dep.spec.template.metadata.labels[PROJECT_LABEL]).toBe('shop');
    // Services come before the workloads that use them.
    expect(objects.findIndex((o) => o.kind === 'Service')).toBeLessThan(objects.findIndex((o) => o.kind === 'Deployment'));
  });
});

describe('pod status on the canvas', () => {
  const pod = (name: string, created: string, status: object, extraLabels: Record<string, string> = {}) => ({
    metadata: { name, creationTimestamp: created, labels: { 'app.kubernetes.io/name': 'web', [PROJECT_LABEL]: 'shop', ...extraLabels } },
    spec: {
      initContainers: [{ name: 'sync', restartPolicy: 'Always' }],
      containers: [{ name: 'nginx', image: 'nginx', readinessProbe: {} }],
    },
    status,
  });

  it('maps containers (sidecars too) to the canvas states', () => {
    const p = pod('web-1', '2026-01-01T00:00:00Z', {
      phase: 'Running',
      initContainerStatuses: [
        { name: 'sync', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s' } }, restartCount: 3 },
      ],
      containerStatuses: [{ name: 'nginx', ready: true, started: true, state: { running: {} }, containerID: 'containerd://abc' }],
    });
    const s = podStatuses(p, 1, 5);
    expect(s.map((x) => [x.elementId, x.state, x.restarts])).toEqual([
      ['container:web/sync', 'crash-looping', 3],
      ['container:web/nginx', 'healthy', 0],
    ]);
    expect(s[1]?.id).toBe('abc');
    const notReady = podStatuses(
      pod('web-1', '', { containerStatuses: [{ name: 'nginx', ready: false, started: true, state: { running: {} } }] }),
      1,
      5,
    );
    expect(notReady[1]?.state).toBe('unhealthy');
    const pulling = podStatuses(
      pod('web-1', '', {
        phase: 'Pending',
        containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'ImagePullBackOff', message: 'not found' } } }],
      }),
      1,
      5,
    );
    expect(pulling[1]).toMatchObject({ state: 'pending', message: 'web-1: ImagePullBackOff: not found' });
    const failed = podStatuses(pod('web-1', '', { containerStatuses: [{ name: 'nginx', state: { terminated: { exitCode: 2 } } }] }), 1, 5);
    expect(failed[1]).toMatchObject({ state: 'exited', exitCode: 2 });
  });

  it('numbers replicas by creation time, StatefulSet pods by ordinal', () => {
    const n = replicaNumbers([pod('web-b', '2026-01-02T00:00:00Z', {}), pod('web-a', '2026-01-01T00:00:00Z', {})]);
    expect([...n]).toEqual([
      ['web-a', 1],
      ['web-b', 2],
    ]);
    const s = replicaNumbers([pod('db-2', '', {}, { 'statefulset.kubernetes.io/pod-name': 'db-2' })]);
    expect(s.get('db-2')).toBe(3);
  });

  it('ignores pods that are not ours', () => {
    expect(podStatuses({ metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 'web' } } }, 1, 0)).toEqual([]);
  });
});
