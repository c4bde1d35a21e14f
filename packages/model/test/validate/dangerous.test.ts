import { describe, expect, it } from 'vitest';
import { bindProblem } from '../../src/validate/dangerous';
import { check, of, svc } from '../helpers';

const bind = (source: string, extra = '') => `          - type: bind\n            source: "${source}"\n            target: /mnt${extra}\n`;

describe('DANGEROUS_SETTING', () => {
  it('names the element and field of every dangerous setting', () => {
    const container = `        privileged: true\n        capAdd: [NET_ADMIN, CHOWN, cap_sys_admin]\n        devices: ["/dev/kvm"]\n        mounts:\n${bind('/var/run/docker.sock', '\n            readOnly: true')}${bind('/')}${bind('./data')}`;
    const ds = of(
      check(`services:\n${svc('web', '    hostNetwork: true\n    hostPid: true\n    hostIpc: true\n', container)}`),
      'DANGEROUS_SETTING',
    );
    const byPath = new Map(ds.map((d) => [d.path.join('.'), d]));
    expect([...byPath.keys()].sort()).toEqual([
      'services.web.containers.main.capAdd',
      'services.web.containers.main.devices',
      'services.web.containers.main.mounts.0.source',
      'services.web.containers.main.mounts.1.source',
      'services.web.containers.main.privileged',
      'services.web.hostIpc',
      'services.web.hostNetwork',
      'services.web.hostPid',
    ]);
    expect(ds.every((d) => d.severity === 'warning' && d.hint)).toBe(true);
    expect(byPath.get('services.web.hostNetwork')).toMatchObject({
      elementId: 'service:web',
      message: `Service "web" shares the host's network namespace (hostNetwork).`,
    });
    expect(byPath.get('services.web.containers.main.capAdd')).toMatchObject({
      elementId: 'container:web/main',
      message: 'Container "main" of service "web" adds the capabilities NET_ADMIN and SYS_ADMIN, beyond the default set.',
    });
    expect(byPath.get('services.web.containers.main.mounts.0.source')?.message).toContain("engine's socket");
  });

  it('accepts capabilities of the default set and binds inside the project', () => {
    const container = `        capAdd: [NET_BIND_SERVICE, CAP_CHOWN]\n        privileged: false\n        mounts:\n${bind('./data')}${bind('conf/nginx')}`;
    expect(of(check(`services:\n${svc('web', '    hostNetwork: false\n', container)}`), 'DANGEROUS_SETTING')).toEqual([]);
  });

  it.each([
    ['./data', undefined],
    ['data/../conf', undefined],
    ['../shared', 'which leaves the project folder'],
    ['data/../../x', 'which leaves the project folder'],
    ['/', "the host's root file system"],
    ['/./', "the host's root file system"],
    ['/../etc', 'a system folder of the host'],
    ['/etc/nginx', 'a system folder of the host'],
    ['/proc', 'a system folder of the host'],
    ['/run/containerd/containerd.sock', "the container engine's socket: whoever holds it controls the host (read-only does not help)"],
    ['/var/run/docker.sock', "the container engine's socket: whoever holds it controls the host (read-only does not help)"],
    ['/home/me/.local/podman/podman.sock', "the container engine's socket: whoever holds it controls the host (read-only does not help)"],
    ['/srv/app', 'an absolute host path outside the project folder'],
    ['/etcetera', 'an absolute host path outside the project folder'],
    ['~/code', 'a folder in a home directory of the host'],
    ['C:\\data', 'an absolute host path outside the project folder'],
  ])('bindProblem(%j) = %j', (source, problem) => {
    expect(bindProblem(source)).toBe(problem);
  });
});
