import type { IContainer } from 'kubernetes-models/v1/Container';
import { describe, expect, it } from 'vitest';
import type { Obj } from './context';
import { at, emitK8s, podSpec, svc } from './testing';

const mainOf = (main: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const out = emitK8s({ services: { web: svc(extra, main) } });
  return { c: at(podSpec(out.get('Deployment', 'web')), 'containers', 0) as Obj, notes: out.notes };
};

describe('containers', () => {
  it('maps command, args, workingDir, env and ports', () => {
    const { c, notes } = mainOf(
      { command: ['/bin/app'], args: ['--port', '8080'], workingDir: '/srv', env: { MODE: 'prod', EMPTY: '' } },
      {
        ports: [
          { port: 8080, name: 'http' },
          { port: 9000, protocol: 'udp' },
        ],
      },
    );
    const expected: IContainer = {
      name: 'main',
      image: 'img:1',
      command: ['/bin/app'],
      args: ['--port', '8080'],
      workingDir: '/srv',
      ports: [
        { name: 'http', containerPort: 8080, protocol: 'TCP' },
        { name: 'udp-9000', containerPort: 9000, protocol: 'UDP' },
      ],
      env: [
        { name: 'MODE', value: 'prod' },
        { name: 'EMPTY', value: '' },
      ],
    };
    expect(c).toEqual(expected);
    expect(notes).toEqual([]);
  });

  it('escapes $( and $$ so that Kubernetes passes them on literally', () => {
    const { c } = mainOf({ command: ['sh', '-c', 'echo $(date) $$'], env: { A: '$(B)' } });
    expect(c.command).toEqual(['sh', '-c', 'echo $$(date) $$$']);
    expect(c.env).toEqual([{ name: 'A', value: '$$(B)' }]);
  });

  it('leaves port names that are no IANA service names off the container port', () => {
    const { c } = mainOf({}, { ports: [{ port: 80, name: 'a-rather-long-port-name' }] });
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
  });

  it('maps resources with CPU as millicores', () => {
    const { c, notes } = mainOf({ resources: { limits: { cpus: 1.5, memory: '512Mi' }, requests: { cpus: 0.0001 } } });
    expect(c.resources).toEqual({ limits: { cpu: '1500m', memory: '512Mi' }, requests: { cpu: '1m' } });
    expect(notes.map((n) => n.path.join('.'))).toEqual(['services.web.containers.main.resources.requests.cpus']);
  });

  it('maps privileges, capabilities and numeric users to the securityContext', () => {
    const { c, notes } = mainOf({
      user: '1000:2000',
      privileged: false,
      readOnlyRootFilesystem: true,
      capAdd: ['CAP_NET_ADMIN', 'sys_time'],
      capDrop: ['ALL'],
    });
    expect(c.securityContext).toEqual({
      runAsUser: 1000,
      runAsGroup: 2000,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['ALL'] },
    });
    expect(notes).toEqual([]);
  });

  it('reports user names, which Kubernetes cannot run as', () => {
    const named = mainOf({ user: 'nginx' });
    expect(named.c.securityContext).toBeUndefined();
    expect(named.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['lost', 'services.web.containers.main.user']]);
    const group = mainOf({ user: '101:www' });
    expect(group.c.securityContext).toEqual({ runAsUser: 101 });
    expect(group.notes.map((n) => n.message)).toEqual([
      'Kubernetes runs containers as numeric ids only: user "101:www" is carried as its uid only.',
    ]);
  });

  it('reports devices and restart policies a Deployment cannot keep (a service with ports is a server)', () => {
    const { notes } = mainOf({ devices: ['/dev/fuse'], restart: 'on-failure' }, { ports: [{ port: 80 }] });
    expect(notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['lost', 'services.web.containers.main.devices'],
      ['approximated', 'services.web.containers.main.restart'],
    ]);
  });

  it('runs a build-only container as the image Compose would name, pulled only if absent', () => {
    const { c, notes } = mainOf({ image: undefined, build: { context: './web' } });
    expect([c.image, c.imagePullPolicy]).toEqual(['app-web', 'IfNotPresent']);
    expect(notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['approximated', 'services.web.containers.main.build']]);
  });
});

describe('probes', () => {
  const probesOf = (healthcheck: Record<string, unknown>) => {
    const { c, notes } = mainOf({ healthcheck });
    return { readiness: c.readinessProbe, liveness: c.livenessProbe, notes };
  };
  it('maps exec with all timings; the start period delays only the liveness probe', () => {
    const hc = { test: { exec: ['pg_isready'] }, interval: '10s', timeout: '3s', retries: 5, startPeriod: '1m' };
    const p = probesOf(hc);
    // Ready with the first success, as Docker counts a success in the start period at once.
    expect(p.readiness).toEqual({ exec: { command: ['pg_isready'] }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 5 });
    expect(p.liveness).toBeUndefined();
    // Failures in the start period must not restart the container.
    expect(probesOf({ ...hc, liveness: true }).liveness).toEqual({
      exec: { command: ['pg_isready'] },
      initialDelaySeconds: 60,
      periodSeconds: 10,
      timeoutSeconds: 3,
      failureThreshold: 5,
    });
  });
  it('runs shell tests with sh -c, and maps http and tcp', () => {
    expect(probesOf({ test: { shell: 'curl -f localhost || exit 1' } }).readiness).toEqual({
      exec: { command: ['sh', '-c', 'curl -f localhost || exit 1'] },
    });
    expect(probesOf({ test: { http: { port: 8080, path: '/healthz', scheme: 'https' } } }).readiness).toEqual({
      httpGet: { path: '/healthz', port: 8080, scheme: 'HTTPS' },
    });
    expect(probesOf({ test: { tcp: { port: 5432 } } }).readiness).toEqual({ tcpSocket: { port: 5432 } });
  });
  it('adds a livenessProbe when marked', () => {
    const p = probesOf({ test: { tcp: { port: 1 } }, liveness: true });
    expect(p.liveness).toEqual({ tcpSocket: { port: 1 } });
    expect(p.readiness).toEqual(p.liveness);
  });
  it('rounds sub-second timings up, with a note', () => {
    const p = probesOf({ test: { tcp: { port: 1 } }, interval: '500ms', timeout: '1500ms' });
    expect(p.readiness).toEqual({ tcpSocket: { port: 1 }, periodSeconds: 1, timeoutSeconds: 2 });
    expect(p.notes.map((n) => n.path.at(-1))).toEqual(['interval', 'timeout']);
  });
});
