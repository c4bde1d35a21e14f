import { compile } from '@blaupause/compiler';
import { type Blueprint, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { applyCommand } from './commands';
import type { Command } from './types';

function apply(bp: Blueprint, ...cmds: Command[]): Blueprint {
  const r = applyCommand(bp, { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const seed = () => templateBlueprint('seed-compose');

describe('setExposure', () => {
  it('puts a port behind an ingress that Kubernetes writes as an Ingress rule', () => {
    const bp = apply(seed(), {
      kind: 'setExposure',
      service: 'haproxy',
      port: 80,
      exposure: { ingress: { host: 'shop.example.test', path: '/' } },
    });
    expect(bp.services.haproxy?.ports).toEqual([
      { port: 80, protocol: 'tcp', publish: 80, ingress: { host: 'shop.example.test', path: '/' } },
    ]);
    expect(validate(bp).filter((d) => d.severity === 'error')).toEqual([]);
    const k8s = compile(bp, 'kubernetes').files[0]?.content ?? '';
    expect(k8s).toContain('kind: Ingress');
    expect(k8s).toContain('host: shop.example.test');
  });

  it('changes and removes the host port; null leaves the port internal', () => {
    const moved = apply(seed(), { kind: 'setExposure', service: 'haproxy', port: 80, exposure: { publish: 8080 } });
    expect(moved.services.haproxy?.ports).toEqual([{ port: 80, protocol: 'tcp', publish: 8080 }]);
    expect(compile(moved, 'compose').files[0]?.content).toMatch(/- target: 80\n\s+published: 8080\n/);
    const internal = apply(moved, { kind: 'setExposure', service: 'haproxy', port: 80, exposure: { publish: null } });
    expect(internal.services.haproxy?.ports).toEqual([{ port: 80, protocol: 'tcp' }]);
  });

  it('an empty host means any host; tls is kept when the rule is edited; null takes the ingress away', () => {
    const base = seed();
    const withTls: Blueprint = {
      ...base,
      services: {
        ...base.services,
        haproxy: {
          ...(base.services.haproxy as NonNullable<Blueprint['services'][string]>),
          ports: [{ port: 80, protocol: 'tcp', ingress: { host: 'a.test', path: '/', tls: true } }],
        },
      },
    };
    const edited = apply(withTls, {
      kind: 'setExposure',
      service: 'haproxy',
      port: 80,
      exposure: { ingress: { host: '', path: '/shop' } },
    });
    expect(edited.services.haproxy?.ports?.[0]?.ingress).toEqual({ path: '/shop', tls: true });
    const gone = apply(edited, { kind: 'setExposure', service: 'haproxy', port: 80, exposure: { ingress: null } });
    expect(gone.services.haproxy?.ports).toEqual([{ port: 80, protocol: 'tcp' }]);
  });

  it('refuses bad values and unknown ports, changing nothing', () => {
    const bp = apply(seed(), { kind: 'addPort', service: 'haproxy', port: 443, publish: 443 });
    const refused: Command[] = [
      { kind: 'setExposure', service: 'haproxy', port: 80, exposure: { publish: 0 } },
      { kind: 'setExposure', service: 'haproxy', port: 80, exposure: { publish: 443 } },
      { kind: 'setExposure', service: 'haproxy', port: 81, exposure: { publish: 81 } },
      { kind: 'setExposure', service: 'haproxy', port: 80, exposure: { ingress: { host: 'Not A Host', path: '/' } } },
      { kind: 'setExposure', service: 'haproxy', port: 80, exposure: { ingress: { path: 'shop' } } },
      { kind: 'setExposure', service: 'nope', port: 80, exposure: { publish: 80 } },
    ];
    for (const cmd of refused) expect(applyCommand(bp, cmd)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});
