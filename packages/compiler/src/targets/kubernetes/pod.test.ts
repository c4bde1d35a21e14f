import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { describe, expect, it } from 'vitest';
import type { Obj } from './context';
import { WAIT_IMAGE, WAIT_SCRIPT } from './links';
import { at, emitK8s, podSpec, svc } from './testing';

const names = (list: unknown) => (list as Obj[] | undefined)?.map((c) => c.name);
const pattern = {
  containers: {
    app: { image: 'app:1' },
    log: { role: 'adapter', image: 'log:1' },
    proxy: { role: 'ambassador', image: 'proxy:1' },
    sync: { role: 'sidecar', image: 'sync:1' },
    migrate: { role: 'init', image: 'migrate:1' },
  },
};

describe('pods', () => {
  it('orders init containers: link waits, init containers, native sidecars (sidecar, ambassador)', () => {
    const out = emitK8s({ services: { db: svc({ ports: [{ port: 5432 }] }), web: { ...pattern, links: [{ to: 'db' }] } } });
    const spec = podSpec(out.get('Deployment', 'web'));
    expect(names(spec.initContainers)).toEqual(['wait-for-db', 'migrate', 'proxy', 'sync']);
    expect(names(spec.containers)).toEqual(['app', 'log']);
    expect((spec.initContainers as Obj[]).map((c) => c.restartPolicy)).toEqual([undefined, undefined, 'Always', 'Always']);
    expect(out.notes).toEqual([]);
  });

  it('keeps sidecars as regular containers before Kubernetes 1.29, with a note on the lost order', () => {
    const out = emitK8s({ services: { web: pattern } }, { kubernetesVersion: '1.28' });
    const spec = podSpec(out.get('Deployment', 'web'));
    expect(names(spec.initContainers)).toEqual(['migrate']);
    expect(names(spec.containers)).toEqual(['app', 'log', 'proxy', 'sync']);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['approximated', 'services.web.containers.proxy.role'],
      ['approximated', 'services.web.containers.sync.role'],
    ]);
  });

  it('reports a version it cannot read and writes for a current one', () => {
    const out = emitK8s({ services: { web: pattern } }, { kubernetesVersion: 'latest' });
    expect(names(podSpec(out.get('Deployment', 'web')).initContainers)).toEqual(['migrate', 'proxy', 'sync']);
    expect(out.notes.map((n) => n.path.join('.'))).toEqual(['options.kubernetesVersion']);
  });

  it('drops probes from init containers with a note', () => {
    const out = emitK8s({
      services: {
        web: svc({ containers: { main: { image: 'a' }, i: { role: 'init', image: 'b', healthcheck: { test: { exec: ['true'] } } } } }),
      },
    });
    expect(at(podSpec(out.get('Deployment', 'web')), 'initContainers', 0, 'readinessProbe')).toBeUndefined();
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['lost', 'services.web.containers.i.healthcheck']]);
  });
});

describe('links', () => {
  const linked = (link: Record<string, unknown>, target: Record<string, unknown> = { ports: [{ port: 6379 }] }) =>
    emitK8s({ services: { redis: svc(target), web: svc({ links: [{ to: 'redis', ...link }] }) } });

  it('waits for the target Service port with a pinned busybox, host and port as arguments', () => {
    const out = linked({ condition: 'healthy' });
    const expected: IContainer = {
      name: 'wait-for-redis',
      image: WAIT_IMAGE,
      command: ['sh', '-c', WAIT_SCRIPT, 'wait-for', 'redis', '6379'],
      securityContext: { runAsNonRoot: true, runAsUser: 65534, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    };
    expect(podSpec(out.get('Deployment', 'web')).initContainers).toEqual([expected]);
    expect(WAIT_SCRIPT).not.toMatch(/redis|6379/);
    expect(out.notes).toEqual([]);
  });

  it('bounds the wait by the link timeout', () => {
    const out = linked({ timeout: '1m', port: 6380 }, { ports: [{ port: 6379 }, { port: 6380 }] });
    expect(at(podSpec(out.get('Deployment', 'web')), 'initContainers', 0, 'command')).toEqual([
      'timeout',
      '60',
      'sh',
      '-c',
      WAIT_SCRIPT,
      'wait-for',
      'redis',
      '6380',
    ]);
  });

  it('does not clash with a container of the same name', () => {
    const out = emitK8s({
      services: {
        redis: svc({ ports: [{ port: 1 }] }),
        web: { links: [{ to: 'redis' }], containers: { 'wait-for-redis': { image: 'x' } } },
      },
    });
    expect(names(podSpec(out.get('Deployment', 'web')).initContainers)).toEqual(['wait-for-redis-2']);
  });

  it('reports completed links, optional links and links without a port', () => {
    expect(linked({ condition: 'completed' }).notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['lost', 'services.web.links.0.condition'],
    ]);
    expect(linked({ required: false }).notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['approximated', 'services.web.links.0.required'],
    ]);
    const noPort = linked({ env: 'REDIS' }, {});
    expect(noPort.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['lost', 'services.web.links.0.env'],
      ['lost', 'services.web.links.0'],
    ]);
    expect(podSpec(noPort.get('Deployment', 'web')).initContainers).toBeUndefined();
  });

  it('injects the target address into the main container', () => {
    const out = linked({ env: 'REDIS_URL', protocol: 'redis' });
    expect(at(podSpec(out.get('Deployment', 'web')), 'containers', 0, 'env')).toEqual([{ name: 'REDIS_URL', value: 'redis://redis:6379' }]);
    const plain = linked({ env: 'REDIS_ADDR' });
    expect(at(podSpec(plain.get('Deployment', 'web')), 'containers', 0, 'env')).toEqual([
      { name: 'REDIS_ADDR', value: 'tcp://redis:6379' },
    ]);
  });

  it("keeps the container's own variable over an injected one of the same name", () => {
    const out = emitK8s({
      services: { redis: svc({ ports: [{ port: 1 }] }), web: svc({ links: [{ to: 'redis', env: 'R' }] }, { env: { R: 'mine' } }) },
    });
    expect(at(podSpec(out.get('Deployment', 'web')), 'containers', 0, 'env')).toEqual([{ name: 'R', value: 'mine' }]);
    expect(out.notes.map((n) => n.kind)).toEqual(['approximated']);
  });
});

describe('mounts', () => {
  it('mounts claims, memory volumes, host paths, tmpfs, configs and secrets; one pod volume per source', () => {
    const out = emitK8s({
      services: {
        web: {
          containers: {
            app: {
              image: 'a',
              mounts: [
                { type: 'volume', source: 'data', target: '/data', subPath: 'app' },
                { type: 'volume', source: 'cache', target: '/cache' },
                { type: 'bind', source: './html', target: '/html', readOnly: true },
                { type: 'tmpfs', target: '/tmp', size: '64Mi' },
                { type: 'config', source: 'conf', target: '/etc/app.conf' },
                { type: 'secret', source: 'pw', target: '/run/secrets/pw' },
                { type: 'volume', source: 'shared-ext', target: '/ext' },
              ],
            },
            side: {
              role: 'sidecar',
              image: 's',
              mounts: [
                { type: 'volume', source: 'data', target: '/d' },
                { type: 'tmpfs', target: '/tmp' },
              ],
            },
          },
        },
      },
      volumes: { data: { size: '1Gi' }, cache: { ephemeral: true, size: '128Mi' }, 'shared-ext': { external: true } },
      configs: { conf: { content: 'x=1' } },
      secrets: { pw: { environment: 'PW' } },
    });
    const spec = podSpec(out.get('Deployment', 'web'));
    const volumes: IVolume[] = [
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '128Mi' } },
      { name: 'host-html', hostPath: { path: './html' } },
      { name: 'tmpfs', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'config-conf', configMap: { name: 'conf' } },
      { name: 'secret-pw', secret: { secretName: 'pw' } },
      { name: 'shared-ext', persistentVolumeClaim: { claimName: 'shared-ext' } },
      { name: 'tmpfs-2', emptyDir: { medium: 'Memory' } },
    ];
    expect(spec.volumes).toEqual(volumes);
    expect(at(spec, 'containers', 0, 'volumeMounts')).toEqual([
      { name: 'data', mountPath: '/data', subPath: 'app' },
      { name: 'cache', mountPath: '/cache' },
      { name: 'host-html', mountPath: '/html', readOnly: true },
      { name: 'tmpfs', mountPath: '/tmp' },
      { name: 'config-conf', mountPath: '/etc/app.conf', subPath: 'conf', readOnly: true },
      { name: 'secret-pw', mountPath: '/run/secrets/pw', subPath: 'pw', readOnly: true },
      { name: 'shared-ext', mountPath: '/ext' },
    ]);
    expect(at(spec, 'initContainers', 0, 'volumeMounts')).toEqual([
      { name: 'data', mountPath: '/d' },
      { name: 'tmpfs-2', mountPath: '/tmp' },
    ]);
    expect(out.index()).toEqual(['ConfigMap/conf', 'PersistentVolumeClaim/data', 'Deployment/web']);
    const bind = out.notes.find((n) => n.path.join('.') === 'services.web.containers.app.mounts.2');
    expect(bind?.kind).toBe('approximated');
    expect(bind?.hint).toMatch(/absolute path/);
  });

  it('leaves mounts of undeclared sources out (validation reports them)', () => {
    const out = emitK8s({
      services: {
        web: svc(
          {},
          {
            mounts: [
              { type: 'volume', source: 'nope', target: '/x' },
              { type: 'config', source: 'nope', target: '/y' },
            ],
          },
        ),
      },
    });
    const spec = podSpec(out.get('Deployment', 'web'));
    expect([spec.volumes, at(spec, 'containers', 0, 'volumeMounts')]).toEqual([undefined, undefined]);
  });

  it('gives a DaemonSet an emptyDir for a per-replica volume, with a note', () => {
    const out = emitK8s({
      services: { agent: svc({ mode: 'global' }, { mounts: [{ type: 'volume', source: 'd', target: '/d' }] }) },
      volumes: { d: { perReplica: true } },
    });
    expect(podSpec(out.get('DaemonSet', 'agent')).volumes).toEqual([{ name: 'd', emptyDir: {} }]);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['lost', 'services.agent.containers.main.mounts.0']]);
  });
});
