import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { describe, expect, it } from 'vitest';
import { at, emitK8s, svc } from './testing';

const member = (n: string) => ({ matchLabels: { 'app.kubernetes.io/part-of': 'app', [`network.blaupause.dev/${n}`]: 'true' } });
const sel = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'app' });

describe('NetworkPolicies', () => {
  it('emits none while no segments are drawn', () => {
    const out = emitK8s({ services: { a: svc(), b: svc() }, networks: { back: {} } });
    expect(out.docs.filter((d) => d.kind === 'NetworkPolicy')).toEqual([]);
    expect(at(out.get('Deployment', 'a'), 'spec', 'template', 'metadata', 'labels')).not.toHaveProperty(['network.blaupause.dev/default']);
  });

  it('lets pods accept traffic only from pods sharing a segment', () => {
    const out = emitK8s({
      services: { web: svc({ networks: ['front', 'back'] }), db: svc({ networks: ['back'] }), tool: svc() },
      networks: { front: {}, back: {} },
    });
    expect(out.index()).toEqual([
      'NetworkPolicy/network-default',
      'NetworkPolicy/network-front',
      'NetworkPolicy/network-back',
      'Deployment/web',
      'Deployment/db',
      'Deployment/tool',
    ]);
    const expected: INetworkPolicy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: 'network-back',
        labels: { 'app.kubernetes.io/name': 'back', 'app.kubernetes.io/part-of': 'app', 'app.kubernetes.io/managed-by': 'blaupause' },
      },
      spec: { podSelector: member('back'), policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: member('back') }] }] },
    };
    expect(out.get('NetworkPolicy', 'network-back')).toEqual(expected);
    expect(at(out.get('Deployment', 'web'), 'spec', 'template', 'metadata', 'labels')).toMatchObject({
      'network.blaupause.dev/front': 'true',
      'network.blaupause.dev/back': 'true',
    });
    expect(at(out.get('Deployment', 'tool'), 'spec', 'template', 'metadata', 'labels')).toMatchObject({
      'network.blaupause.dev/default': 'true',
    });
  });

  it('opens published and ingress ports to every source', () => {
    const out = emitK8s({
      services: { web: svc({ networks: ['front'], ports: [{ port: 80, publish: 8080 }, { port: 9000 }] }) },
      networks: { front: {} },
    });
    expect(at(out.get('NetworkPolicy', 'web-exposed'), 'spec')).toEqual({
      podSelector: { matchLabels: sel('web') },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: 80 }] }],
    });
  });

  it('restricts egress of services whose segments are all internal to those segments and DNS', () => {
    const out = emitK8s({
      services: { db: svc({ networks: ['back'] }), web: svc({ networks: ['back', 'front'] }) },
      networks: { back: { internal: true }, front: {} },
    });
    expect(out.docs.filter((d) => d.kind === 'NetworkPolicy').map((d) => at(d, 'metadata', 'name'))).toEqual([
      'network-back',
      'network-front',
      'db-internal',
    ]);
    expect(at(out.get('NetworkPolicy', 'db-internal'), 'spec')).toEqual({
      podSelector: { matchLabels: sel('db') },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: member('back') }] },
        {
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    });
  });

  it('notes Docker network drivers and external networks', () => {
    const out = emitK8s({ services: { a: svc({ networks: ['n'] }) }, networks: { n: { driver: 'overlay', external: true } } });
    expect(out.notes.map((n) => [n.kind, n.path.join('.')])).toEqual([
      ['lost', 'networks.n.driver'],
      ['approximated', 'networks.n.external'],
    ]);
  });
});
