import { describe, expect, it } from 'vitest';
import { imageRefProblem } from '../../src/validate/image-ref';
import { check, of, svc } from '../helpers';

const helper = (name: string, role: string, extra = '') => `      ${name}:\n        role: ${role}\n        image: busybox:1.36\n${extra}`;

describe('NO_MAIN_CONTAINER / MULTIPLE_MAIN_CONTAINERS', () => {
  it('reports a pod without a main container, naming its containers', () => {
    const ds = of(check(`services:\n  web:\n    containers:\n${helper('a', 'sidecar')}${helper('b', 'init')}`), 'NO_MAIN_CONTAINER');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'containers'], elementId: 'service:web' });
    expect(ds[0]?.message).toBe('Service "web" has no container with role main (it has "a" and "b").');
  });

  it('reports a pod without containers', () => {
    const ds = of(check('services:\n  web:\n    containers: {}\n'), 'NO_MAIN_CONTAINER');
    expect(ds.map((d) => d.message)).toEqual(['Service "web" has no containers.']);
  });

  it('reports every main container after the first', () => {
    const body = `services:\n  web:\n    containers:\n      a:\n        image: nginx:1.27\n      b:\n        image: nginx:1.27\n      c:\n        role: main\n        image: nginx:1.27\n`;
    const ds = of(check(body), 'MULTIPLE_MAIN_CONTAINERS');
    expect(ds.map((d) => d.path.join('.'))).toEqual(['services.web.containers.b.role', 'services.web.containers.c.role']);
    expect(ds[0]?.elementId).toBe('container:web/b');
    expect(ds[0]?.message).toContain('"a", "b" and "c"');
  });

  it('accepts one main container with helpers', () => {
    const ds = check(`services:\n${svc('web', '', helper('sync', 'sidecar') + helper('setup', 'init'))}`);
    expect([...of(ds, 'NO_MAIN_CONTAINER'), ...of(ds, 'MULTIPLE_MAIN_CONTAINERS')]).toEqual([]);
  });
});

describe('MISSING_IMAGE / INVALID_IMAGE_REF', () => {
  it('reports a container with neither image nor build', () => {
    const ds = of(check('services:\n  web:\n    containers:\n      main:\n        args: [x]\n'), 'MISSING_IMAGE');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'containers', 'main'], elementId: 'container:web/main' });
  });

  it('accepts a build without an image', () => {
    expect(
      of(check('services:\n  web:\n    containers:\n      main:\n        build:\n          context: ./web\n'), 'MISSING_IMAGE'),
    ).toEqual([]);
  });

  it('reports malformed images, canary images included, and skips parameterised ones', () => {
    const body = `parameters:\n  TAG:\n    default: "1"\nservices:\n  web:\n    replicas: 3\n    rollout:\n      strategy: canary\n      canary:\n        replicas: 1\n        image: "Web:2"\n    containers:\n      main:\n        image: "Nginx:1.27"\n      side:\n        role: sidecar\n        image: "app:\${TAG}"\n`;
    const ds = of(check(body), 'INVALID_IMAGE_REF');
    expect(ds.map((d) => d.path.join('.')).sort()).toEqual(['services.web.containers.main.image', 'services.web.rollout.canary.image']);
    expect(ds.find((d) => d.path[2] === 'containers')?.message).toBe(
      'The image "Nginx:1.27" of container "main" of service "web" has upper-case letters in the repository name.',
    );
  });

  it.each([
    ['nginx', undefined],
    ['nginx:1.27', undefined],
    ['library/nginx:1.27-alpine', undefined],
    ['registry.k8s.io/git-sync/git-sync:v4.2.1', undefined],
    ['localhost:5000/app', undefined],
    ['MyRegistry.example/team/app:1', undefined],
    ['[::1]:5000/app:1', undefined],
    [`app@sha256:${'a'.repeat(64)}`, undefined],
    [`ghcr.io/org/app:2.1@sha256:${'0'.repeat(64)}`, undefined],
    ['Nginx', 'has upper-case letters in the repository name'],
    ['org/App:1', 'has upper-case letters in the repository name'],
    [' nginx', 'has leading or trailing white space'],
    ['ngi nx', 'contains white space'],
    ['nginx:', 'is not of the form [registry/]name[:tag][@digest]'],
    ['nginx::1', 'is not of the form [registry/]name[:tag][@digest]'],
    ['-nginx', 'is not of the form [registry/]name[:tag][@digest]'],
    ['app@sha256:xyz', 'is not of the form [registry/]name[:tag][@digest]'],
    [`nginx:${'x'.repeat(129)}`, 'is not of the form [registry/]name[:tag][@digest]'],
    ['a'.repeat(2000), 'is longer than 1024 characters'],
  ])('imageRefProblem(%j) = %j', (ref, problem) => {
    expect(imageRefProblem(ref)).toBe(problem);
  });

  it('stays fast on hostile references', () => {
    const t0 = performance.now();
    for (const ref of [`${'a-'.repeat(500)}!`, `${'a.'.repeat(500)}/`, `${'a__'.repeat(300)}:`]) imageRefProblem(ref);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('INIT_WITH_HEALTHCHECK', () => {
  it('warns about a healthcheck on an init container', () => {
    const ds = of(
      check(`services:\n${svc('web', '', helper('setup', 'init', '        healthcheck:\n          test:\n            shell: "true"\n'))}`),
      'INIT_WITH_HEALTHCHECK',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      severity: 'warning',
      path: ['services', 'web', 'containers', 'setup', 'healthcheck'],
      elementId: 'container:web/setup',
    });
  });

  it('accepts healthchecks on sidecars', () => {
    expect(
      of(
        check(
          `services:\n${svc('web', '', helper('sync', 'sidecar', '        healthcheck:\n          test:\n            shell: "true"\n'))}`,
        ),
        'INIT_WITH_HEALTHCHECK',
      ),
    ).toEqual([]);
  });
});

describe('HELPER_PORT_CONFLICT', () => {
  const probe = (port: number) => `        healthcheck:\n          test:\n            tcp:\n              port: ${port}\n`;

  it('warns when a helper probes a port the main container serves', () => {
    const ds = of(
      check(`services:\n${svc('web', '    ports:\n      - port: 80\n', helper('proxy', 'ambassador', probe(80)))}`),
      'HELPER_PORT_CONFLICT',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      severity: 'warning',
      path: ['services', 'web', 'containers', 'proxy', 'healthcheck', 'test'],
      elementId: 'container:web/proxy',
    });
    expect(ds[0]?.message).toContain('container "main" of the same pod already uses (services.web.ports.0.port)');
  });

  it('warns when two helpers probe one port', () => {
    const ds = of(
      check(`services:\n${svc('web', '', helper('a', 'sidecar', probe(9000)) + helper('b', 'adapter', probe(9000)))}`),
      'HELPER_PORT_CONFLICT',
    );
    expect(ds.map((d) => d.path[3])).toEqual(['b']);
  });

  it('accepts the main container probing its own port and helpers probing their own', () => {
    const main = '        healthcheck:\n          test:\n            http:\n              port: 80\n';
    const body = `services:\n${svc('web', '    ports:\n      - port: 80\n', main + helper('a', 'sidecar', probe(9000)) + helper('b', 'init'))}`;
    expect(of(check(body), 'HELPER_PORT_CONFLICT')).toEqual([]);
  });
});

describe('RESOURCES_RANGE', () => {
  it('reports requests above limits', () => {
    const res =
      '        resources:\n          limits:\n            cpus: 0.5\n            memory: 256Mi\n          requests:\n            cpus: 1\n            memory: 1Gi\n';
    const ds = of(check(`services:\n${svc('web', '', res)}`), 'RESOURCES_RANGE');
    expect(ds.map((d) => d.path.slice(-2).join('.'))).toEqual(['requests.cpus', 'requests.memory']);
    expect(ds[1]?.message).toBe('Container "main" of service "web" requests 1Gi of memory but is limited to 256Mi.');
  });

  it('compares binary and decimal units', () => {
    const res = (req: string) =>
      `        resources:\n          limits:\n            memory: 1G\n          requests:\n            memory: ${req}\n`;
    expect(of(check(`services:\n${svc('web', '', res('1Gi'))}`), 'RESOURCES_RANGE')).toHaveLength(1);
    expect(of(check(`services:\n${svc('web', '', res('900Mi'))}`), 'RESOURCES_RANGE')).toEqual([]);
  });
});
