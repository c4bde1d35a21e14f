import { describe, expect, it } from 'vitest';
import { configHash, stableJson } from './hash';
import { LABEL } from './labels';
import { bp, byName, desired } from './testing';

const seed = bp({
  parameters: { TAG: { default: '1.2' } },
  services: {
    web: {
      replicas: 2,
      ports: [{ port: 80, publish: 8080 }],
      links: [{ to: 'db', condition: 'healthy', env: 'DB_URL', protocol: 'postgres' }],
      networks: ['front', 'back'],
      containers: {
        app: { image: 'web:${TAG}', env: { B: '2', A: '1' } },
        log: { role: 'sidecar', image: 'shipper' },
        migrate: { role: 'init', image: 'web:${TAG}', args: ['migrate'] },
      },
    },
    db: {
      ports: [{ port: 5432 }],
      networks: ['back'],
      containers: { pg: { image: 'postgres', healthcheck: { test: { exec: ['pg_isready'] } } } },
    },
  },
  networks: { front: {}, back: { internal: true } },
  volumes: { data: {} },
});

describe('desiredState: names, labels, wiring', () => {
  const d = desired(seed, 'shop');

  it('orders services after their links and names containers as Compose does', () => {
    expect(d.services.map((s) => s.name)).toEqual(['db', 'web']);
    expect(d.services[1]?.mains.map((c) => c.name)).toEqual(['shop-web-1', 'shop-web-2']);
    expect(d.services[1]?.helpers.map((c) => c.name)).toEqual(['shop-web-log-1', 'shop-web-log-2']);
    expect(d.services[1]?.inits.map((c) => c.name)).toEqual(['shop-web-migrate-1']);
  });

  it('labels every container with the Compose conventions and our ownership', () => {
    expect(byName(d, 'shop-web-log-2').options.Labels).toMatchObject({
      [LABEL.project]: 'shop',
      [LABEL.service]: 'web-log',
      [LABEL.number]: '2',
      [LABEL.oneoff]: 'False',
      [LABEL.managed]: 'true',
      [LABEL.element]: 'container:web/log',
      [LABEL.role]: 'sidecar',
    });
  });

  it('puts the main on the first network with the service name as alias, connects the rest later', () => {
    const main = byName(d, 'shop-web-1');
    expect(main.options.HostConfig?.NetworkMode).toBe('shop_front');
    expect(main.options.NetworkingConfig).toEqual({ EndpointsConfig: { shop_front: { Aliases: ['web'] } } });
    expect(main.moreNetworks).toEqual([{ name: 'shop_back', aliases: ['web'] }]);
    expect(d.networks.map((n) => n.name).sort()).toEqual(['shop_back', 'shop_front']);
    expect(d.networks.find((n) => n.key === 'back')?.internal).toBe(true);
    expect(d.volumes.map((v) => v.name)).toEqual(['shop_data']);
  });

  it('joins helpers to their own replica’s main network namespace', () => {
    const log = byName(d, 'shop-web-log-2');
    expect(log.joins).toBe(byName(d, 'shop-web-2').slot);
    expect(log.options.HostConfig?.NetworkMode).toBe('container:shop-web-2');
    expect(log.options.NetworkingConfig).toBeUndefined();
    expect(log.options.HostConfig?.PortBindings).toBeUndefined();
  });

  it('resolves parameters and injects link variables into the main container only', () => {
    const main = byName(d, 'shop-web-1');
    expect(main.image).toBe('web:1.2');
    expect(main.options.Env).toEqual(['A=1', 'B=2', 'DB_URL=postgres://db:5432']);
    expect(byName(d, 'shop-web-log-1').options.Env).toEqual([]);
    expect(d.services[1]?.links).toEqual([
      { target: 'db', condition: 'healthy', timeoutMs: 60_000, required: true, elementId: 'link:web->db' },
    ]);
  });

  it('gives every replica of a container the same hash, and a changed setting a new one', () => {
    expect(byName(d, 'shop-web-1').hash).toBe(byName(d, 'shop-web-2').hash);
    expect(byName(d, 'shop-web-1').options.Labels?.[LABEL.configHash]).toBe(byName(d, 'shop-web-1').hash);
    const changed = desired({ ...seed, parameters: { TAG: { default: '1.3' } } }, 'shop');
    expect(byName(changed, 'shop-web-1').hash).not.toBe(byName(d, 'shop-web-1').hash);
    expect(byName(changed, 'shop-db-1').hash).toBe(byName(d, 'shop-db-1').hash);
  });
});

describe('config hash', () => {
  it('does not depend on key order, ignores undefined, and sees every value', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(configHash({ a: 1, b: 2 })).toBe(configHash({ b: 2, a: 1 }));
    expect(configHash({ a: 1 })).not.toBe(configHash({ a: 2 }));
    expect(configHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
