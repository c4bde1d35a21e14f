import { Blueprint, type BlueprintInput, type Mount } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { plan } from '../../plan/plan';
import { compact, dockerEnvironment, dockerMounts, dockerPorts, dockerResources } from './docker-service';

const bp = (services: BlueprintInput['services'], rest: Partial<BlueprintInput> = {}) =>
  Blueprint.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 't' }, services, ...rest });

describe('compact', () => {
  it('is undefined for an object without defined values, else the object itself', () => {
    expect(compact({ a: undefined })).toBeUndefined();
    const o = { a: undefined, b: 0 };
    expect(compact(o)).toBe(o);
  });
});

describe('dockerEnvironment', () => {
  const b = bp({
    db: { ports: [{ port: 5432 }], containers: { pg: { image: 'postgres' } } },
    mq: { containers: { mq: { image: 'rabbitmq' } } },
    app: {
      links: [
        { to: 'db', env: 'DATABASE_URL', protocol: 'postgres' },
        { to: 'db', env: 'DB_ADDR', port: 6432 },
        { to: 'mq', env: 'MQ_URL' },
      ],
      containers: { app: { image: 'app', env: { DB_ADDR: 'mine', A: '1' } } },
    },
  });
  const app = plan(b).services.find((s) => s.name === 'app')!;

  it('adds link variables after the container’s own; the user’s value wins; no port, no variable', () => {
    expect(dockerEnvironment(app.main!.container.env, app.links)).toEqual({ DB_ADDR: 'mine', A: '1', DATABASE_URL: 'postgres://db:5432' });
  });

  it('never writes into the container’s own map: it is given back as it is, or copied before a link adds to it', () => {
    const own = { A: '1' };
    expect(dockerEnvironment(own, [])).toBe(own);
    expect(dockerEnvironment(own, app.links)).toEqual({ A: '1', DATABASE_URL: 'postgres://db:5432', DB_ADDR: 'tcp://db:6432' });
    expect(own).toEqual({ A: '1' });
    // A variable named __proto__ stays a variable (an own key), not the copy's prototype.
    const odd = JSON.parse('{"__proto__":"x","A":"1"}') as Record<string, string>;
    const out = dockerEnvironment(odd, app.links) as Record<string, string>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.entries(out)).toEqual([
      ['__proto__', 'x'],
      ['A', '1'],
      ['DATABASE_URL', 'postgres://db:5432'],
      ['DB_ADDR', 'tcp://db:6432'],
    ]);
  });

  it('defaults the scheme to tcp and creates the map only when needed', () => {
    const links = app.links.filter((l) => l.link.env === 'DB_ADDR');
    expect(dockerEnvironment(undefined, links)).toEqual({ DB_ADDR: 'tcp://db:6432' });
    expect(dockerEnvironment(undefined, [])).toBeUndefined();
  });
});

describe('dockerPorts', () => {
  const ports = [
    { port: 80, protocol: 'tcp' as const, publish: 8080, hostIp: '127.0.0.1' },
    { port: 53, protocol: 'udp' as const },
    { port: 9000, protocol: 'tcp' as const },
  ];

  it('writes published ports in long syntax and internal ones as expose strings (Compose)', () => {
    expect(dockerPorts(ports, 'compose')).toEqual({
      ports: [{ target: 80, published: 8080, protocol: 'tcp', host_ip: '127.0.0.1' }],
      expose: ['53/udp', '9000'],
    });
  });

  it('publishes through the routing mesh without host address (Swarm)', () => {
    expect(dockerPorts(ports, 'swarm').ports).toEqual([{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }]);
  });

  it('is empty without ports', () => {
    expect(dockerPorts(undefined, 'compose')).toEqual({});
  });
});

describe('dockerMounts', () => {
  const b = bp(
    { a: { containers: { a: { image: 'a' } } } },
    { volumes: { data: {} }, configs: { conf: { file: 'c' } }, secrets: { key: { file: 'k' } } },
  );
  const mounts: Mount[] = [
    { type: 'volume', source: 'data', target: '/data', subPath: 'x' },
    { type: 'volume', source: 'missing', target: '/m' },
    { type: 'bind', source: 'site', target: '/site', readOnly: true },
    { type: 'bind', source: '/abs', target: '/abs' },
    { type: 'bind', source: '../up', target: '/up' },
    { type: 'tmpfs', target: '/tmp', size: '64Mi' },
    { type: 'config', source: 'conf', target: '/etc/c' },
    { type: 'secret', source: 'key', target: '/run/secrets/k' },
    { type: 'secret', source: 'nope', target: '/run/secrets/n' },
  ];

  it('writes long syntax and leaves dangling references out', () => {
    expect(dockerMounts(b, mounts)).toEqual({
      volumes: [
        { type: 'volume', source: 'data', target: '/data', volume: { subpath: 'x' } },
        { type: 'bind', source: './site', target: '/site', read_only: true },
        { type: 'bind', source: '/abs', target: '/abs' },
        { type: 'bind', source: '../up', target: '/up' },
        { type: 'tmpfs', target: '/tmp', tmpfs: { size: 67_108_864 } },
      ],
      configs: [{ source: 'conf', target: '/etc/c' }],
      secrets: [{ source: 'key', target: '/run/secrets/k' }],
    });
  });

  it('leaves out mounts of configs and secrets the target omitted', () => {
    expect(dockerMounts(b, mounts, new Set(['config:conf', 'secret:key'])).configs).toBeUndefined();
  });
});

describe('dockerResources', () => {
  it('writes cpus as a string and memory in binary units', () => {
    expect(dockerResources({ limits: { cpus: 0.5, memory: '256Mi' }, requests: { memory: '100M' } })).toEqual({
      limits: { cpus: '0.5', memory: '256m' },
      reservations: { memory: '100000000b' },
    });
  });

  it('is undefined when nothing is set', () => {
    expect(dockerResources(undefined)).toBeUndefined();
    expect(dockerResources({ limits: {} })).toBeUndefined();
  });
});
