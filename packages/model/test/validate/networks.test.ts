import { describe, expect, it } from 'vitest';
import { check, of, svc } from '../helpers';

describe('DANGLING_NETWORK', () => {
  it('reports an undeclared network at its list entry', () => {
    const ds = of(check(`services:\n${svc('web', '    networks: [front, back]\n')}networks:\n  front: {}\n`), 'DANGLING_NETWORK');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'networks', 1], elementId: 'service:web' });
    expect(ds[0]?.message).toBe('Service "web" joins the network "back", which is not declared under networks.');
  });

  it('accepts declared networks and the implicit default network', () => {
    expect(of(check(`services:\n${svc('web', '    networks: [front, default]\n')}networks:\n  front: {}\n`), 'DANGLING_NETWORK')).toEqual(
      [],
    );
  });
});

describe('INTERNAL_PUBLISH', () => {
  it('warns about published ports and ingresses of a service on internal networks only', () => {
    const body = `services:\n${svc('db', '    networks: [back]\n    ports:\n      - port: 5432\n        publish: 5432\n      - port: 80\n        ingress:\n          host: db.test\n      - port: 9000\n')}networks:\n  back:\n    internal: true\n`;
    const ds = of(check(body), 'INTERNAL_PUBLISH');
    expect(ds.map((d) => d.path.join('.'))).toEqual(['services.db.ports.0.publish', 'services.db.ports.1.ingress']);
    expect(ds[0]?.severity).toBe('warning');
  });

  it('accepts publishing when one joined network is not internal', () => {
    const body = `services:\n${svc('db', '    networks: [back, front]\n    ports:\n      - port: 5432\n        publish: 5432\n')}networks:\n  back:\n    internal: true\n  front: {}\n`;
    expect(of(check(body), 'INTERNAL_PUBLISH')).toEqual([]);
  });
});

describe('DUPLICATE_ENTRY', () => {
  it('warns about repeated networks, profiles, capabilities and devices', () => {
    const container =
      '        capAdd: [NET_ADMIN, CAP_NET_ADMIN]\n        capDrop: [ALL, all]\n        devices: ["/dev/fuse", "/dev/fuse:/dev/fuse:rwm"]\n';
    const body = `services:\n${svc('web', '    networks: [front, front]\n    profiles: [dev, dev]\n', container)}networks:\n  front: {}\n`;
    const ds = of(check(body), 'DUPLICATE_ENTRY');
    expect(ds.map((d) => d.path.slice(2).join('.')).sort()).toEqual([
      'containers.main.capAdd.1',
      'containers.main.capDrop.1',
      'containers.main.devices.1',
      'networks.1',
      'profiles.1',
    ]);
    expect(ds.find((d) => d.path[2] === 'networks')?.message).toBe('The networks of service "web" name "front" twice (entries 0 and 1).');
  });

  it('accepts distinct entries', () => {
    expect(of(check(`services:\n${svc('web', '    profiles: [dev, test]\n', '        capDrop: [ALL]\n')}`), 'DUPLICATE_ENTRY')).toEqual([]);
  });
});
