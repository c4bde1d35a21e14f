import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../../src/schema/blueprint';
import { validate } from '../../src/validate/validate';
import { blueprint, check, of, svc } from '../helpers';

describe('INVALID_NAME', () => {
  it('reports names the canvas built without the schema, by path', () => {
    const bp = blueprint(`services:\n${svc('web')}`);
    const broken = {
      ...bp,
      metadata: { name: 'My App' },
      services: { Web_1: { ...bp.services.web, containers: { Nginx: bp.services.web?.containers.main } } },
      volumes: { 'data!': { access: 'single-writer' } },
    } as unknown as Blueprint;
    const ds = of(validate(broken), 'INVALID_NAME');
    const byPath = new Map(ds.map((d) => [d.path.join('.'), d]));
    expect([...byPath.keys()].sort()).toEqual(['metadata.name', 'services.Web_1', 'services.Web_1.containers.Nginx', 'volumes.data!']);
    expect(ds.every((d) => d.severity === 'error' && d.hint)).toBe(true);
    expect(byPath.get('services.Web_1.containers.Nginx')?.elementId).toBe('container:Web_1/Nginx');
    expect(byPath.get('volumes.data!')?.elementId).toBe('volume:data!');
    expect(byPath.get('metadata.name')?.elementId).toBe('blueprint');
  });

  it('refuses service names starting with a digit (Kubernetes Services are DNS-1035 labels)', () => {
    const ds = of(check(`services:\n${svc('1web')}`), 'INVALID_NAME');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ path: ['services', '1web'], elementId: 'service:1web', severity: 'error' });
    expect(ds[0]?.message).toContain('starts with a digit');
  });

  it('refuses port names Kubernetes cannot carry (over 15 characters, or no letter)', () => {
    const ds = of(
      check(
        `services:\n${svc('web', '    ports:\n      - port: 80\n        name: http-for-the-frontend\n      - port: 81\n        name: "8081"\n')}`,
      ),
      'INVALID_NAME',
    );
    expect(ds.map((d) => d.path)).toEqual([
      ['services', 'web', 'ports', 0, 'name'],
      ['services', 'web', 'ports', 1, 'name'],
    ]);
  });

  it('accepts valid names', () => {
    expect(of(check(`services:\n${svc('web-1', '    ports:\n      - port: 80\n        name: http\n')}`), 'INVALID_NAME')).toEqual([]);
  });
});

describe('DUPLICATE_NAME', () => {
  it('reports a helper whose Compose service name <service>-<container> is another service', () => {
    const body = `services:\n${svc('web', '', '      sync:\n        role: sidecar\n        image: busybox:1.36\n')}${svc('web-sync')}`;
    const ds = of(check(body), 'DUPLICATE_NAME');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'containers', 'sync'], elementId: 'container:web/sync' });
    expect(ds[0]?.message).toBe(
      'Container "sync" of service "web" compiles to the Compose service "web-sync", which service "web-sync" already has.',
    );
  });

  it('reports two helpers that compile to the same name', () => {
    const body = `services:\n${svc('a', '', '      b-c:\n        role: init\n        image: busybox:1.36\n')}${svc('a-b', '', '      c:\n        role: adapter\n        image: busybox:1.36\n')}`;
    const ds = of(check(body), 'DUPLICATE_NAME');
    expect(ds.map((d) => d.path.join('.'))).toEqual(['services.a-b.containers.c']);
    expect(ds[0]?.message).toContain('container "b-c" of service "a"');
  });

  it('reports a service named like the canary Deployment of another', () => {
    const body = `services:\n${svc('web', '    replicas: 3\n    rollout:\n      strategy: canary\n      canary:\n        replicas: 1\n')}${svc('web-canary')}`;
    const ds = of(check(body), 'DUPLICATE_NAME');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ path: ['services', 'web', 'rollout', 'strategy'], elementId: 'service:web' });
  });

  it('reports a container named like the wait-for init container Kubernetes adds for a link', () => {
    const body = `services:\n${svc('db')}${svc('web', '    links:\n      - to: db\n', '      wait-for-db:\n        role: init\n        image: busybox:1.36\n')}`;
    const ds = of(check(body), 'DUPLICATE_NAME');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ path: ['services', 'web', 'containers', 'wait-for-db'], elementId: 'container:web/wait-for-db' });
  });

  it('accepts distinct compiled names', () => {
    const body = `services:\n${svc('web', '', '      sync:\n        role: sidecar\n        image: busybox:1.36\n')}${svc('api')}`;
    expect(of(check(body), 'DUPLICATE_NAME')).toEqual([]);
  });
});
