import type { ContainerCreateOptions } from 'dockerode';
import { describe, expect, it } from 'vitest';
import { dockerDangers, volumeDangers } from './docker';

/** One rule per test: each fails when its rule is taken out of docker.ts. */
const E = 'container:web/main';
const ctx = { ownContainers: new Set(['p-web-1', 'p-db-1']), baseDir: '/srv/app', homeDir: '/home/me' };
const check = (HostConfig: Record<string, unknown>) =>
  dockerDangers([{ elementId: E, options: { Image: 'x', HostConfig } as ContainerCreateOptions }], ctx);
const ids = (HostConfig: Record<string, unknown>) => check(HostConfig).map((f) => f.id);

describe('dockerDangers: the final create options', () => {
  it('finds nothing in plain options (volumes, tmpfs, binds inside the folder, default capabilities)', () => {
    expect(
      check({
        NetworkMode: 'p_default',
        Mounts: [
          { Type: 'volume', Source: 'p_data', Target: '/data' },
          { Type: 'tmpfs', Source: '', Target: '/tmp' },
          { Type: 'bind', Source: '/srv/app/conf', Target: '/conf' },
        ],
        CapAdd: ['NET_BIND_SERVICE', 'cap_chown'],
        SecurityOpt: ['no-new-privileges'],
      }),
    ).toEqual([]);
  });

  it('privileged, with element, field, value and why', () => {
    expect(check({ Privileged: true })).toEqual([
      {
        id: `privileged:${E}`,
        code: 'privileged',
        elementId: E,
        field: 'HostConfig.Privileged',
        value: 'true',
        why: expect.stringContaining('root on the host'),
      },
    ]);
  });

  it.each([
    ['NetworkMode', 'host-network'],
    ['PidMode', 'host-pid'],
    ['IpcMode', 'host-ipc'],
    ['UsernsMode', 'host-userns'],
    ['UTSMode', 'host-uts'],
    ['CgroupnsMode', 'host-cgroupns'],
  ])('%s host → %s', (field, code) => {
    expect(check({ [field]: 'host' })).toEqual([
      expect.objectContaining({ id: `${code}:${E}`, field: `HostConfig.${field}`, value: 'host' }),
    ]);
    expect(check({ [field]: 'private' })).toEqual([]);
  });

  it('joining a namespace of a container this deployment does not create (pid, ipc, network)', () => {
    expect(ids({ PidMode: 'container:victim', IpcMode: 'container:p-db-1', NetworkMode: 'container:other' })).toEqual([
      `foreign-namespace:${E}:NetworkMode=other`,
      `foreign-namespace:${E}:PidMode=victim`,
    ]);
  });

  it.each([
    ['/', 'bind-root'],
    ['/var/run/docker.sock', 'bind-engine-socket'],
    ['/run/podman/podman.sock', 'bind-engine-socket'],
    ['/run/containerd/containerd.sock', 'bind-engine-socket'],
    ['/srv/app/docker.sock', 'bind-engine-socket'],
    ['/etc', 'bind-system-path'],
    ['/etc/shadow', 'bind-system-path'],
    ['/var/run', 'bind-system-path'],
    ['/run', 'bind-system-path'],
    ['/proc', 'bind-system-path'],
    ['/sys', 'bind-system-path'],
    ['/dev', 'bind-system-path'],
    ['/root', 'bind-system-path'],
    ['/var', 'bind-system-path'],
    ['/home', 'bind-home'],
    ['/home/someone', 'bind-home'],
    ['/srv/other', 'bind-outside-folder'],
    ['/srv/app/../other', 'bind-outside-folder'],
  ])('bind of %s → %s', (source, code) => {
    expect(check({ Mounts: [{ Type: 'bind', Source: source, Target: '/x' }] })).toEqual([
      expect.objectContaining({ code, field: 'HostConfig.Mounts[0].Source', value: source }),
    ]);
  });

  it('binds given as HostConfig.Binds strings too; named volumes there are not host paths', () => {
    expect(ids({ Binds: ['/var/run/docker.sock:/var/run/docker.sock:ro', 'data:/data'] })).toEqual([
      `bind-engine-socket:${E}:/var/run/docker.sock`,
    ]);
  });

  it('a bind inside the folder that is a symlink out is judged by where it leads', () => {
    const links = { ...ctx, realpath: (p: string) => (p === '/srv/app/link' ? '/' : p) };
    const found = dockerDangers(
      [{ elementId: E, options: { HostConfig: { Mounts: [{ Type: 'bind', Source: '/srv/app/link', Target: '/x' }] } } }],
      links,
    );
    expect(found).toEqual([expect.objectContaining({ code: 'bind-root', why: expect.stringContaining('symlink to /') })]);
  });

  it('the home directory of whoever runs the backend, and a bind without a blueprint folder', () => {
    expect(ids({ Mounts: [{ Type: 'bind', Source: '/home/me', Target: '/x' }] })).toEqual([`bind-home:${E}:/home/me`]);
    const noBase = dockerDangers(
      [{ elementId: E, options: { HostConfig: { Mounts: [{ Type: 'bind', Source: '/srv/app', Target: '/x' }] } } }],
      {
        ownContainers: new Set(),
      },
    );
    expect(noBase.map((f) => f.code)).toEqual(['bind-outside-folder']);
  });

  it('a home directory outside /home (macOS-like, /var/home) and its parents', () => {
    const mine = { ownContainers: new Set<string>(), baseDir: '/Users/me/proj', homeDir: '/Users/me' };
    const bind = (Source: string) => ({
      elementId: E,
      options: { HostConfig: { Mounts: [{ Type: 'bind' as const, Source, Target: '/x' }] } },
    });
    expect(dockerDangers([bind('/Users/me'), bind('/Users'), bind('/Users/me/proj/data')], mine).map((f) => f.id)).toEqual([
      `bind-home:${E}:/Users/me`,
      `bind-home:${E}:/Users`,
    ]);
  });

  it('a local-driver volume that binds a host path (o: bind, device) is judged as that host path', () => {
    const Mounts = [
      {
        Type: 'volume',
        Source: 'v',
        Target: '/x',
        VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: '/etc' } } },
      },
      {
        Type: 'volume',
        Source: 'w',
        Target: '/y',
        VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'tmpfs', device: 'tmpfs' } } },
      },
    ];
    expect(check({ Mounts })).toEqual([
      expect.objectContaining({
        id: `bind-system-path:${E}:/etc`,
        field: 'HostConfig.Mounts[0].VolumeOptions.DriverConfig.Options.device',
      }),
    ]);
    const vols = [
      { elementId: 'volume:data', driverOpts: { type: 'none', o: 'bind,rw', device: '/' } },
      { elementId: 'volume:tmp', driverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' } },
    ];
    expect(volumeDangers(vols, ctx).map((f) => f.id)).toEqual(['bind-root:volume:data:/']);
  });

  it('VolumesFrom a container this deployment does not create', () => {
    expect(ids({ VolumesFrom: ['p-db-1:ro', 'victim'] })).toEqual([`foreign-volumes:${E}:victim`]);
  });

  it('capabilities beyond the default set, one finding each, whatever the spelling', () => {
    expect(ids({ CapAdd: ['CAP_SYS_ADMIN', 'net_admin', 'CHOWN', 'ALL'] })).toEqual([
      `cap-add:${E}:SYS_ADMIN`,
      `cap-add:${E}:NET_ADMIN`,
      `cap-add:${E}:ALL`,
    ]);
  });

  it('devices and device cgroup rules', () => {
    expect(
      ids({
        Devices: [{ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' }],
        DeviceCgroupRules: ['c 1:3 mr'],
      }),
    ).toEqual([`device:${E}:/dev/fuse`, `device:${E}:c 1:3 mr`]);
  });

  it('seccomp / AppArmor unconfined, SELinux labels off, unmasked system paths', () => {
    expect(
      ids({ SecurityOpt: ['seccomp=unconfined', 'apparmor:unconfined', 'label=disable', 'systempaths=unconfined', 'seccomp=/p.json'] }),
    ).toEqual([
      `unconfined:${E}:seccomp=unconfined`,
      `unconfined:${E}:apparmor:unconfined`,
      `unconfined:${E}:label=disable`,
      `unconfined:${E}:systempaths=unconfined`,
    ]);
  });

  it('replicas of one container give one finding, not one per replica', () => {
    const options = { HostConfig: { Privileged: true } };
    expect(
      dockerDangers(
        [
          { elementId: E, options },
          { elementId: E, options },
        ],
        ctx,
      ),
    ).toHaveLength(1);
  });
});
