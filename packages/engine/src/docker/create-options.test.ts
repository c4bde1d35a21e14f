import { describe, expect, it } from 'vitest';
import { createOptions, durationNs, envList, healthTest, inBaseDir, portOptions } from './create-options';
import { bp } from './testing';

const blueprint = bp({
  services: {},
  volumes: { data: {}, ext: { external: true } },
});
const ctx = { project: 'shop', blueprint, baseDir: '/srv/app' };
const svc = bp({ services: { s: { containers: { c: { image: 'x' } } } } }).services.s as NonNullable<
  ReturnType<typeof bp>['services'][string]
>;

describe('createOptions: blueprint container → Engine API create options', () => {
  it('maps image, command/args, working dir, user, restart, resources and power settings', () => {
    const r = createOptions(
      ctx,
      's',
      svc,
      'c',
      {
        role: 'main',
        image: 'busybox:1',
        command: ['sh', '-c'],
        args: ['echo hi'],
        workingDir: '/w',
        user: '1000',
        restart: 'on-failure',
        resources: { limits: { cpus: 0.5, memory: '256Mi' }, requests: { memory: '64Mi', cpus: 0.25 } },
        capAdd: ['NET_ADMIN'],
        capDrop: ['ALL'],
        devices: ['/dev/fuse', '/dev/a:/dev/b:r'],
        readOnlyRootFilesystem: true,
      },
      'container:s/c',
    );
    expect(r.ok && r.options).toEqual({
      Image: 'busybox:1',
      Entrypoint: ['sh', '-c'],
      Cmd: ['echo hi'],
      WorkingDir: '/w',
      User: '1000',
      HostConfig: {
        Mounts: [],
        RestartPolicy: { Name: 'on-failure' },
        NanoCpus: 500_000_000,
        Memory: 256 * 1024 * 1024,
        MemoryReservation: 64 * 1024 * 1024,
        CpuShares: 256,
        CapAdd: ['NET_ADMIN'],
        CapDrop: ['ALL'],
        Devices: [
          { PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' },
          { PathOnHost: '/dev/a', PathInContainer: '/dev/b', CgroupPermissions: 'r' },
        ],
        ReadonlyRootfs: true,
      },
    });
  });

  it('runs init containers with restart "no" whatever the blueprint says', () => {
    const r = createOptions(ctx, 's', svc, 'i', { role: 'init', image: 'x', restart: 'always' }, 'container:s/i');
    expect(r.ok && r.options.HostConfig?.RestartPolicy).toEqual({ Name: 'no' });
  });

  it('mounts project volumes by their project name, external ones as named, tmpfs with a size, binds inside the folder', () => {
    const r = createOptions(
      ctx,
      's',
      svc,
      'c',
      {
        role: 'main',
        image: 'x',
        mounts: [
          { type: 'volume', source: 'data', target: '/data', readOnly: true },
          { type: 'volume', source: 'ext', target: '/ext' },
          { type: 'tmpfs', target: '/tmp', size: '1Mi' },
          { type: 'bind', source: './conf', target: '/conf' },
        ],
      },
      'container:s/c',
    );
    expect(r.ok && r.options.HostConfig?.Mounts).toEqual([
      { Type: 'volume', Source: 'shop_data', Target: '/data', ReadOnly: true },
      { Type: 'volume', Source: 'ext', Target: '/ext', ReadOnly: false },
      { Type: 'tmpfs', Source: '', Target: '/tmp', ReadOnly: false, TmpfsOptions: { SizeBytes: 1048576, Mode: 0o1777 } },
      { Type: 'bind', Source: '/srv/app/conf', Target: '/conf', ReadOnly: false },
    ]);
  });

  it('refuses binds that leave the blueprint folder, and binds without a folder', () => {
    for (const source of ['../etc', '/etc', '~/x', 'a/../../b']) {
      const r = createOptions(
        ctx,
        's',
        svc,
        'c',
        { role: 'main', image: 'x', mounts: [{ type: 'bind', source, target: '/x' }] },
        'container:s/c',
      );
      expect(!r.ok && r.error.code).toBe('INVALID_BLUEPRINT');
    }
    const none = createOptions(
      { ...ctx, baseDir: undefined },
      's',
      svc,
      'c',
      { role: 'main', image: 'x', mounts: [{ type: 'bind', source: 'a', target: '/x' }] },
      'e',
    );
    expect(!none.ok && none.error.message).toContain('folder');
    expect(inBaseDir('/srv/app', 'a/./b')).toEqual({ ok: true, path: '/srv/app/a/b' });
  });

  it('says what it cannot deploy yet instead of dropping it', () => {
    const build = createOptions(ctx, 's', svc, 'c', { role: 'main', build: { context: '.' } }, 'container:s/c');
    expect(!build.ok && build.error).toMatchObject({ code: 'UNSUPPORTED', elementId: 'container:s/c' });
  });

  it('writes healthchecks in nanoseconds, HTTP and TCP probes as shell commands', () => {
    const r = createOptions(
      ctx,
      's',
      svc,
      'c',
      {
        role: 'main',
        image: 'x',
        healthcheck: { test: { exec: ['true'] }, interval: '1m30s', timeout: '500ms', retries: 3, startPeriod: '2s' },
      },
      'e',
    );
    expect(r.ok && r.options.Healthcheck).toEqual({ Test: ['CMD', 'true'], Interval: 90e9, Timeout: 5e8, Retries: 3, StartPeriod: 2e9 });
    expect(healthTest({ http: { port: 8080, path: '/health' } })).toEqual([
      'CMD-SHELL',
      "wget -q -O /dev/null 'http://127.0.0.1:8080/health' || exit 1",
    ]);
    expect(healthTest({ tcp: { port: 5432 } })).toEqual(['CMD-SHELL', 'nc -z 127.0.0.1 5432 || exit 1']);
    expect(durationNs('1h')).toBe(3.6e12);
    expect(durationNs('10us')).toBe(10_000);
  });

  it('exposes every port and publishes the published ones on their host address', () => {
    const s = bp({
      services: {
        s: {
          ports: [
            { port: 80, publish: 8080, hostIp: '127.0.0.1' },
            { port: 53, protocol: 'udp' },
            { port: 443, publish: 8443 },
          ],
          containers: { c: { image: 'x' } },
        },
      },
    }).services.s;
    expect(portOptions(s as NonNullable<typeof s>)).toEqual({
      ExposedPorts: { '80/tcp': {}, '53/udp': {}, '443/tcp': {} },
      PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }], '443/tcp': [{ HostIp: '', HostPort: '8443' }] },
    });
  });

  it('sorts the environment so that document order is no change', () => {
    expect(envList({ B: '2', A: '1=x' })).toEqual(['A=1=x', 'B=2']);
  });
});
