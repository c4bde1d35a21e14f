import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { at, emitK8s, svc } from './testing';

const sel = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'app' });
const labels = (name: string) => ({ ...sel(name), 'app.kubernetes.io/managed-by': 'blaupause' });

describe('Services', () => {
  it('gives a service with ports a ClusterIP Service with named ports', () => {
    const out = emitK8s({
      services: {
        api: svc({
          ports: [
            { port: 8080, name: 'http' },
            { port: 53, protocol: 'udp' },
          ],
        }),
      },
    });
    const expected: IService = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', labels: labels('api') },
      spec: {
        type: 'ClusterIP',
        ports: [
          { name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' },
          { name: 'udp-53', port: 53, targetPort: 53, protocol: 'UDP' },
        ],
        selector: sel('api'),
      },
    };
    expect(out.get('Service', 'api')).toEqual(expected);
  });

  it('gives a linked service without ports a headless Service (a DNS name), and an unlinked one none', () => {
    const out = emitK8s({ services: { worker: svc(), lonely: svc(), web: svc({ links: [{ to: 'worker' }] }) } });
    expect(out.index()).toEqual(['Deployment/worker', 'Service/worker', 'Deployment/lonely', 'Deployment/web']);
    expect(at(out.get('Service', 'worker'), 'spec')).toEqual({ clusterIP: 'None', selector: sel('worker') });
  });

  it('publishes ports in the NodePort range as NodePorts, on a Service of their own', () => {
    const out = emitK8s({ services: { web: svc({ ports: [{ port: 80, publish: 30080 }, { port: 9090 }] }) } });
    expect(out.index()).toEqual(['Deployment/web', 'Service/web', 'Service/web-published']);
    expect(at(out.get('Service', 'web-published'), 'spec')).toEqual({
      type: 'NodePort',
      ports: [{ name: 'tcp-80', port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 }],
      selector: sel('web'),
    });
    expect(out.notes).toEqual([]);
  });

  it('publishes other ports through a LoadBalancer on the published port, with a note', () => {
    const out = emitK8s({
      services: {
        web: svc({
          ports: [
            { port: 80, publish: 8080, hostIp: '127.0.0.1' },
            { port: 81, publish: 30081 },
          ],
        }),
      },
    });
    expect(at(out.get('Service', 'web-published'), 'spec')).toEqual({
      type: 'LoadBalancer',
      ports: [
        { name: 'tcp-80', port: 8080, targetPort: 80, protocol: 'TCP' },
        { name: 'tcp-81', port: 30081, targetPort: 81, protocol: 'TCP', nodePort: 30081 },
      ],
      selector: sel('web'),
    });
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['approximated', 'services.web.ports.0.publish'],
      ['lost', 'services.web.ports.0.hostIp'],
    ]);
  });

  it('reports a service name Kubernetes refuses for Services', () => {
    const out = emitK8s({ services: { '1web': svc({ ports: [{ port: 80 }] }) } });
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['lost', 'services.1web']]);
  });

  it('never gives a derived object the name of another service', () => {
    const out = emitK8s({
      services: {
        web: svc({ replicas: 2, ports: [{ port: 80, publish: 8080 }], rollout: { strategy: 'canary', canary: { replicas: 1 } } }),
        'web-published': svc({ ports: [{ port: 81 }] }),
        'web-canary': svc(),
      },
    });
    expect(out.index()).toEqual([
      'Deployment/web',
      'Deployment/web-canary-2',
      'Service/web',
      'Service/web-published-2',
      'Deployment/web-published',
      'Service/web-published',
      'Deployment/web-canary',
    ]);
  });

  it('fits derived names into 63 characters', () => {
    const long = 'a'.repeat(60);
    const out = emitK8s({ services: { [long]: svc({ ports: [{ port: 80, publish: 8080 }] }) } });
    const names = out.index().map((n) => n.split('/')[1] as string);
    expect(names.every((n) => n.length <= 63)).toBe(true);
    expect(names[2]).toMatch(/^a+-[0-9a-z]{7}-published$/);
  });
});

describe('Ingress', () => {
  it('routes ingress ports by host and path with pathType Prefix', () => {
    const out = emitK8s({
      services: {
        web: svc({
          ports: [
            { port: 80, ingress: { host: 'shop.example.test', path: '/' } },
            { port: 8080, ingress: { host: 'shop.example.test', path: '/api' } },
            { port: 9000, ingress: { path: '/metrics' } },
          ],
        }),
      },
    });
    const backend = (port: number) => ({ service: { name: 'web', port: { number: port } } });
    const expected: IIngress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', labels: labels('web') },
      spec: {
        rules: [
          {
            host: 'shop.example.test',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: backend(80) },
                { path: '/api', pathType: 'Prefix', backend: backend(8080) },
              ],
            },
          },
          { http: { paths: [{ path: '/metrics', pathType: 'Prefix', backend: backend(9000) }] } },
        ],
      },
    };
    expect(out.get('Ingress', 'web')).toEqual(expected);
    expect(out.index()).toEqual(['Deployment/web', 'Service/web', 'Ingress/web']);
  });

  it('names a TLS secret for tls hosts and tells how to create it', () => {
    const out = emitK8s({ services: { web: svc({ ports: [{ port: 443, ingress: { host: 'a.example.test', tls: true } }] }) } });
    expect(at(out.get('Ingress', 'web'), 'spec', 'tls')).toEqual([{ hosts: ['a.example.test'], secretName: 'web-tls' }]);
    expect(out.notes.map((n) => n.hint)).toEqual([
      'kubectl create secret tls web-tls --cert=<cert.pem> --key=<key.pem> (or let cert-manager issue it).',
    ]);
  });

  it('leaves UDP ports out of the Ingress', () => {
    const out = emitK8s({ services: { dns: svc({ ports: [{ port: 53, protocol: 'udp', ingress: { path: '/' } }] }) } });
    expect(out.index()).toEqual(['Deployment/dns', 'Service/dns']);
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([['lost', 'services.dns.ports.0.ingress']]);
  });
});
