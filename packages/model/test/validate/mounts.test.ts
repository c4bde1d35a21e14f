import { describe, expect, it } from 'vitest';
import { check, of, svc } from '../helpers';

const mounts = (...items: string[]) => `        mounts:\n${items.map((i) => `          - ${i}\n`).join('')}`;
const vol = (source: string, target = '/data', extra = '') =>
  `type: volume\n            source: ${source}\n            target: ${target}${extra}`;

describe('DANGLING_VOLUME / DANGLING_CONFIG / DANGLING_SECRET', () => {
  it('reports mounts of undeclared resources at their source', () => {
    const m = mounts(
      vol('data'),
      'type: config\n            source: conf\n            target: /etc/app.conf',
      'type: secret\n            source: key\n            target: /run/secrets/key',
    );
    const ds = check(`services:\n${svc('web', '', m)}`);
    expect(of(ds, 'DANGLING_VOLUME').map((d) => d.path.join('.'))).toEqual(['services.web.containers.main.mounts.0.source']);
    expect(of(ds, 'DANGLING_CONFIG').map((d) => d.path.join('.'))).toEqual(['services.web.containers.main.mounts.1.source']);
    expect(of(ds, 'DANGLING_SECRET').map((d) => d.path.join('.'))).toEqual(['services.web.containers.main.mounts.2.source']);
    expect(of(ds, 'DANGLING_VOLUME')[0]).toMatchObject({ severity: 'error', elementId: 'container:web/main' });
    expect(of(ds, 'DANGLING_VOLUME')[0]?.message).toBe(
      'Container "main" of service "web" mounts the volume "data", which is not declared under volumes.',
    );
  });

  it('accepts mounts of declared resources', () => {
    const m = mounts(
      vol('data'),
      'type: config\n            source: conf\n            target: /etc/app.conf',
      'type: secret\n            source: key\n            target: /run/secrets/key',
    );
    const ds = check(
      `services:\n${svc('web', '', m)}volumes:\n  data: {}\nconfigs:\n  conf:\n    content: x\nsecrets:\n  key:\n    file: ./key.txt\n`,
    );
    expect(ds.filter((d) => d.code.startsWith('DANGLING'))).toEqual([]);
  });
});

describe('DUPLICATE_MOUNT_TARGET', () => {
  it('reports two mounts on one target path (trailing slash ignored)', () => {
    const ds = of(
      check(`services:\n${svc('web', '', mounts(vol('a'), vol('b', '/data/')))}volumes:\n  a: {}\n  b: {}\n`),
      'DUPLICATE_MOUNT_TARGET',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'containers', 'main', 'mounts', 1, 'target'] });
  });

  it('accepts the same target in two containers', () => {
    const side = `      side:\n        role: sidecar\n        image: busybox:1.36\n${mounts(vol('a'))}`;
    expect(
      of(check(`services:\n${svc('web', '', mounts(vol('a')) + side)}volumes:\n  a:\n    access: shared\n`), 'DUPLICATE_MOUNT_TARGET'),
    ).toEqual([]);
  });
});

describe('SINGLE_WRITER_SHARED', () => {
  it('reports a single-writer volume written by a replicated service', () => {
    const ds = of(check(`services:\n${svc('db', '    replicas: 2\n', mounts(vol('data')))}volumes:\n  data: {}\n`), 'SINGLE_WRITER_SHARED');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      severity: 'error',
      path: ['services', 'db', 'containers', 'main', 'mounts', 0],
      elementId: 'container:db/main',
    });
    expect(ds[0]?.message).toBe(
      'The single-writer volume "data" is mounted read-write by service "db", which runs 2 replicas; only one pod may write to it.',
    );
  });

  it('counts autoscaling and global mode as several replicas', () => {
    const scaled = svc('a', '    scaling:\n      min: 1\n      max: 3\n', mounts(vol('x')));
    const global = svc('b', '    mode: global\n', mounts(vol('y')));
    const ds = of(check(`services:\n${scaled}${global}volumes:\n  x: {}\n  y: {}\n`), 'SINGLE_WRITER_SHARED');
    expect(ds.map((d) => d.message)).toEqual([
      'The single-writer volume "x" is mounted read-write by service "a", which scales up to 3 replicas; only one pod may write to it.',
      'The single-writer volume "y" is mounted read-write by service "b", which runs one replica per node; only one pod may write to it.',
    ]);
  });

  it('reports a single-writer volume written by two services', () => {
    const ds = of(
      check(`services:\n${svc('a', '', mounts(vol('data')))}${svc('b', '', mounts(vol('data')))}volumes:\n  data: {}\n`),
      'SINGLE_WRITER_SHARED',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]?.path.slice(0, 2)).toEqual(['services', 'b']);
    expect(ds[0]?.message).toContain('"a" and "b"');
  });

  it('accepts shared, per-replica, ephemeral and read-only uses, and two writers in one pod', () => {
    const ro = (s: string) => vol(s, '/data', '\n            readOnly: true');
    const side = `      side:\n        role: sidecar\n        image: busybox:1.36\n${mounts(vol('one', '/x'))}`;
    const body = `services:
${svc('a', '    replicas: 3\n', mounts(vol('shared'), vol('per', '/per'), vol('eph', '/eph')))}${svc('b', '', mounts(ro('ro'), vol('one', '/one')) + side)}${svc('c', '    replicas: 2\n', mounts(ro('ro')))}volumes:
  shared:
    access: shared
  per:
    perReplica: true
  eph:
    ephemeral: true
  ro: {}
  one: {}
`;
    expect(of(check(body), 'SINGLE_WRITER_SHARED')).toEqual([]);
  });
});

describe('subPath', () => {
  it('refuses a subPath that leaves the volume', () => {
    const ds = of(
      check(
        `services:\n${svc('web', '', mounts(vol('a', '/a', '\n            subPath: ../etc'), vol('a', '/b', '\n            subPath: /x'), vol('a', '/c', '\n            subPath: db/data')))}volumes:\n  a: {}\n`,
      ),
      'SCHEMA_VALUE',
    );
    expect(ds.map((d) => d.path[5])).toEqual([0, 1]);
    expect(ds[0]?.message).toBe('The subPath "../etc" leaves the volume; it must be a relative path inside it.');
  });
});
