import { describe, expect, it } from 'vitest';
import { check, of, svc } from '../helpers';

const links = (...items: string[]) => `    links:\n${items.map((i) => `      - ${i}\n`).join('')}`;
const health = '        healthcheck:\n          test:\n            exec: ["true"]\n';
const port80 = '    ports:\n      - port: 80\n';

describe('DANGLING_LINK / SELF_LINK / DUPLICATE_LINK', () => {
  it('reports a link to a missing service at its "to", with the link element id', () => {
    const ds = of(check(`services:\n${svc('web', links('to: api'))}`), 'DANGLING_LINK');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'links', 0, 'to'], elementId: 'link:web->api' });
    expect(ds[0]?.message).toBe('Service "web" links to "api", which is not a service of this blueprint.');
    expect(ds[0]?.hint).toBeTruthy();
  });

  it('does not mistake Object.prototype keys for services', () => {
    expect(of(check(`services:\n${svc('web', links('to: constructor'))}`), 'DANGLING_LINK')).toHaveLength(1);
  });

  it('reports a self link', () => {
    const ds = of(check(`services:\n${svc('web', links('to: web'))}`), 'SELF_LINK');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'links', 0, 'to'], elementId: 'link:web->web' });
  });

  it('warns about a second link to the same service', () => {
    const ds = of(
      check(`services:\n${svc('api')}${svc('web', links('to: api', 'to: api\n        condition: started'))}`),
      'DUPLICATE_LINK',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', path: ['services', 'web', 'links', 1], elementId: 'link:web->api' });
    expect(ds[0]?.message).toBe('Service "web" links to "api" twice (links 0 and 1).');
  });

  it('accepts links to distinct existing services', () => {
    const ds = check(`services:\n${svc('api')}${svc('db')}${svc('web', links('to: api', 'to: db'))}`);
    expect([...of(ds, 'DANGLING_LINK'), ...of(ds, 'SELF_LINK'), ...of(ds, 'DUPLICATE_LINK')]).toEqual([]);
  });
});

describe('NO_HEALTHCHECK', () => {
  it('reports a healthy link to a service whose main container has no healthcheck', () => {
    const ds = of(check(`services:\n${svc('db')}${svc('web', links('to: db\n        condition: healthy'))}`), 'NO_HEALTHCHECK');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'links', 0, 'condition'], elementId: 'link:web->db' });
    expect(ds[0]?.message).toBe('Service "web" waits for "db" to be healthy, but the main container "main" of "db" has no healthcheck.');
  });

  it('looks at the main container only, not at helpers', () => {
    const helper = `      side:\n        role: sidecar\n        image: busybox:1.36\n${health}`;
    const ds = of(check(`services:\n${svc('db', '', helper)}${svc('web', links('to: db\n        condition: healthy'))}`), 'NO_HEALTHCHECK');
    expect(ds).toHaveLength(1);
  });

  it('accepts healthy links to a service with a healthcheck, and started links to any', () => {
    const ds = check(
      `services:\n${svc('db', '', health)}${svc('cache')}${svc('web', links('to: db\n        condition: healthy', 'to: cache'))}`,
    );
    expect(of(ds, 'NO_HEALTHCHECK')).toEqual([]);
  });
});

describe('LINK_PORT_UNKNOWN / LINK_NO_PORT', () => {
  it('reports a link to a port the target does not expose', () => {
    const ds = of(check(`services:\n${svc('api', port80)}${svc('web', links('to: api\n        port: 8080'))}`), 'LINK_PORT_UNKNOWN');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'links', 0, 'port'], elementId: 'link:web->api' });
    expect(ds[0]?.message).toBe('Service "web" links to port 8080 of "api", which "api" does not expose (it exposes 80).');
  });

  it('reports a link port on a target without ports', () => {
    const ds = of(check(`services:\n${svc('api')}${svc('web', links('to: api\n        port: 8080'))}`), 'LINK_PORT_UNKNOWN');
    expect(ds[0]?.message).toContain('it exposes no ports');
  });

  it('reports a connection variable that has no port to name', () => {
    const ds = of(check(`services:\n${svc('api')}${svc('web', links('to: api\n        env: API_URL'))}`), 'LINK_NO_PORT');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'web', 'links', 0, 'env'], elementId: 'link:web->api' });
  });

  it('accepts exposed link ports and variables with a port', () => {
    const ds = check(`services:\n${svc('api', port80)}${svc('web', links('to: api\n        port: 80\n        env: API_URL'))}`);
    expect([...of(ds, 'LINK_PORT_UNKNOWN'), ...of(ds, 'LINK_NO_PORT')]).toEqual([]);
  });
});

describe('DEPENDENCY_CYCLE', () => {
  it('names the whole cycle once, at the link that closes it', () => {
    const body = `services:\n${svc('a', links('to: b'))}${svc('b', links('to: c'))}${svc('c', links('to: a'))}`;
    const ds = of(check(body), 'DEPENDENCY_CYCLE');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'c', 'links', 0], elementId: 'link:c->a' });
    expect(ds[0]?.message).toBe('Links form a cycle: a → b → c → a; no start order exists.');
    expect(ds[0]?.hint).toBe('Remove one link of the cycle, e.g. the link from "c" to "a".');
  });

  it('reports two separate cycles and a two-service cycle', () => {
    const body = `services:\n${svc('a', links('to: b'))}${svc('b', links('to: a'))}${svc('c', links('to: d'))}${svc('d', links('to: e'))}${svc('e', links('to: c'))}`;
    const ds = of(check(body), 'DEPENDENCY_CYCLE');
    expect(ds.map((d) => d.message)).toEqual([
      'Links form a cycle: a → b → a; no start order exists.',
      'Links form a cycle: c → d → e → c; no start order exists.',
    ]);
  });

  it('ignores self links, dangling links and diamonds', () => {
    const body = `services:\n${svc('a', links('to: b', 'to: c', 'to: a', 'to: zz'))}${svc('b', links('to: d'))}${svc('c', links('to: d'))}${svc('d')}`;
    expect(of(check(body), 'DEPENDENCY_CYCLE')).toEqual([]);
  });

  it('handles a chain of 5,000 services without overflowing the stack', () => {
    const n = 5000;
    const services = Array.from({ length: n }, (_, i) => svc(`s${i}`, links(`to: s${(i + 1) % n}`))).join('');
    const ds = of(check(`services:\n${services}`), 'DEPENDENCY_CYCLE');
    expect(ds).toHaveLength(1);
    expect(ds[0]?.path).toEqual(['services', `s${n - 1}`, 'links', 0]);
  });
});
