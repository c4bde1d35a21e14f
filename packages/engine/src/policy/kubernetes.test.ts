import { describe, expect, it } from 'vitest';
import { kubernetesDangers } from './kubernetes';

/** Pod specs as the compiler's Kubernetes output holds them (objects, not text); one rule per test. */
const deployment = (pod: Record<string, unknown>, container: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } },
  spec: { template: { spec: { containers: [{ name: 'main', image: 'x', ...container }], ...pod } } },
});
const ids = (pod: Record<string, unknown>, container?: Record<string, unknown>) =>
  kubernetesDangers([deployment(pod, container)], { baseDir: '/srv/app' }).map((f) => f.id);
const E = 'container:web/main';

describe('kubernetesDangers: pod specs of the objects to apply', () => {
  it('finds nothing in a plain pod (baseline capability, hostPath inside the folder, RuntimeDefault seccomp)', () => {
    expect(
      ids(
        {
          volumes: [{ name: 'conf', hostPath: { path: '/srv/app/conf' } }],
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        },
        { securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } }, volumeMounts: [{ name: 'conf', mountPath: '/c' }] },
      ),
    ).toEqual([]);
  });

  it('host namespaces, with the field path', () => {
    const found = kubernetesDangers([deployment({ hostNetwork: true, hostPID: true, hostIPC: true })]);
    expect(found.map((f) => [f.id, f.field])).toEqual([
      [`host-network:${E}`, 'spec.template.spec.hostNetwork'],
      [`host-pid:${E}`, 'spec.template.spec.hostPID'],
      [`host-ipc:${E}`, 'spec.template.spec.hostIPC'],
    ]);
  });

  it('privileged', () => {
    expect(ids({}, { securityContext: { privileged: true } })).toEqual([`privileged:${E}`]);
  });

  it('capabilities beyond the baseline (NET_RAW included: baseline drops it)', () => {
    expect(ids({}, { securityContext: { capabilities: { add: ['SYS_ADMIN', 'NET_RAW', 'CHOWN'] } } })).toEqual([
      `cap-add:${E}:SYS_ADMIN`,
      `cap-add:${E}:NET_RAW`,
    ]);
  });

  it('hostPath volumes mounted by a container: the socket, the root, system paths, outside the folder', () => {
    const volumes = ['/var/run/docker.sock', '/', '/etc', '/opt/x'].map((path, i) => ({ name: `v${i}`, hostPath: { path } }));
    const volumeMounts = volumes.map((v) => ({ name: v.name, mountPath: `/${v.name}` }));
    expect(ids({ volumes }, { volumeMounts })).toEqual([
      `bind-engine-socket:${E}:/var/run/docker.sock`,
      `bind-root:${E}:/`,
      `bind-system-path:${E}:/etc`,
      `bind-outside-folder:${E}:/opt/x`,
    ]);
  });

  it('unconfined seccomp / AppArmor (pod or container) and an unmasked /proc', () => {
    expect(
      ids(
        { securityContext: { seccompProfile: { type: 'Unconfined' } } },
        { securityContext: { appArmorProfile: { type: 'Unconfined' }, procMount: 'Unmasked' } },
      ),
    ).toEqual([`unconfined:${E}:seccomp=unconfined`, `unconfined:${E}:apparmor=unconfined`, `unconfined:${E}:procMount=Unmasked`]);
  });

  it('every workload kind: Pod, StatefulSet, DaemonSet, Job, CronJob; init containers too', () => {
    const priv = { containers: [{ name: 'main', securityContext: { privileged: true } }] };
    const objects = [
      { kind: 'Pod', metadata: { name: 'a' }, spec: priv },
      { kind: 'StatefulSet', metadata: { name: 'b' }, spec: { template: { spec: priv } } },
      { kind: 'DaemonSet', metadata: { name: 'c' }, spec: { template: { spec: priv } } },
      { kind: 'Job', metadata: { name: 'd' }, spec: { template: { spec: priv } } },
      { kind: 'CronJob', metadata: { name: 'e' }, spec: { jobTemplate: { spec: { template: { spec: priv } } } } },
      { kind: 'Deployment', metadata: { name: 'f' }, spec: { template: { spec: { initContainers: priv.containers, containers: [] } } } },
      { kind: 'Service', metadata: { name: 'g' }, spec: priv },
    ];
    expect(kubernetesDangers(objects).map((f) => f.elementId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((s) => `container:${s}/main`));
  });

  it('ignores malformed objects rather than throwing', () => {
    expect(kubernetesDangers([null, 3, 'x', { kind: 'Deployment' }, { kind: 'Pod', spec: { containers: 'no' } }])).toEqual([]);
  });
});
