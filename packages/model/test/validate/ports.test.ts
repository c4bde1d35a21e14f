import { describe, expect, it } from 'vitest';
import { check, of, svc } from '../helpers';

const ports = (...items: string[]) => `    ports:\n${items.map((i) => `      - ${i}\n`).join('')}`;

describe('PORT_CONFLICT', () => {
  it('reports two services publishing the same host port', () => {
    const ds = of(
      check(`services:\n${svc('a', ports('port: 80\n        publish: 8080'))}${svc('b', ports('port: 81\n        publish: 8080'))}`),
      'PORT_CONFLICT',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'b', 'ports', 0, 'publish'], elementId: 'service:b' });
    expect(ds[0]?.message).toBe('Service "b" publishes host port 8080/tcp, which service "a" (ports.0) already publishes.');
  });

  it('treats an unspecified host address as every address', () => {
    const ds = of(
      check(
        `services:\n${svc('a', ports('port: 80\n        publish: 8080\n        hostIp: 127.0.0.1'))}${svc('b', ports('port: 80\n        publish: 8080'))}`,
      ),
      'PORT_CONFLICT',
    );
    expect(ds.map((d) => d.path[1])).toEqual(['b']);
  });

  it('reports one service publishing a host port twice', () => {
    const ds = of(
      check(`services:\n${svc('a', ports('port: 80\n        publish: 8080', 'port: 81\n        publish: 8080'))}`),
      'PORT_CONFLICT',
    );
    expect(ds[0]?.message).toContain('port 0 of the same service');
  });

  it('accepts the same host port on other protocols or distinct addresses', () => {
    const body = `services:\n${svc('a', ports('port: 53\n        publish: 53', 'port: 53\n        protocol: udp\n        publish: 53'))}${svc('b', ports('port: 80\n        publish: 8080\n        hostIp: 127.0.0.1'))}${svc('c', ports('port: 80\n        publish: 8080\n        hostIp: 127.0.0.2'))}`;
    expect(of(check(body), 'PORT_CONFLICT')).toEqual([]);
  });
});

describe('DUPLICATE_PORT', () => {
  it('reports a port and a port name listed twice', () => {
    const ds = of(
      check(`services:\n${svc('a', ports('port: 80\n        name: http', 'port: 80', 'port: 81\n        name: http'))}`),
      'DUPLICATE_PORT',
    );
    expect(ds.map((d) => d.path.join('.'))).toEqual(['services.a.ports.1.port', 'services.a.ports.2.name']);
    expect(ds[0]?.message).toBe('Service "a" lists port 80/tcp twice (ports 0 and 1).');
  });

  it('accepts one port number on tcp and udp', () => {
    expect(of(check(`services:\n${svc('a', ports('port: 53', 'port: 53\n        protocol: udp'))}`), 'DUPLICATE_PORT')).toEqual([]);
  });
});

describe('INGRESS_NEEDS_HTTP / INGRESS_CONFLICT', () => {
  it('reports an ingress on a UDP port', () => {
    const ds = of(
      check(`services:\n${svc('a', ports('port: 53\n        protocol: udp\n        ingress:\n          host: dns.example.test'))}`),
      'INGRESS_NEEDS_HTTP',
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'a', 'ports', 0, 'ingress'] });
  });

  it('reports two ingresses on the same host and path (trailing slash ignored)', () => {
    const body = `services:\n${svc('a', ports('port: 80\n        ingress:\n          host: x.test\n          path: /api'))}${svc('b', ports('port: 80\n        ingress:\n          host: x.test\n          path: /api/'))}`;
    const ds = of(check(body), 'INGRESS_CONFLICT');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', path: ['services', 'b', 'ports', 0, 'ingress'], elementId: 'service:b' });
    expect(ds[0]?.message).toContain('services.a.ports.0');
  });

  it('accepts TCP ingresses on distinct routes', () => {
    const body = `services:\n${svc('a', ports('port: 80\n        ingress:\n          host: x.test'))}${svc('b', ports('port: 80\n        ingress:\n          host: x.test\n          path: /api'))}`;
    const ds = check(body);
    expect([...of(ds, 'INGRESS_CONFLICT'), ...of(ds, 'INGRESS_NEEDS_HTTP')]).toEqual([]);
  });
});
