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
const errors = (bp: Blueprint) => validate(bp).filter((d) => d.severity === 'error');

describe('network commands', () => {
  it('declares a network, placed where it was dropped, that services join and Compose writes', () => {
    const bp = apply(
      seed(),
      { kind: 'addNetwork', name: 'backend', at: { x: 10.4, y: -120 } },
      { kind: 'joinNetwork', service: 'weba', network: 'backend' },
      { kind: 'joinNetwork', service: 'haproxy', network: 'backend' },
    );
    expect(bp.networks).toEqual({ backend: {} });
    expect(bp.layout?.nodes['network:backend']).toEqual({ x: 10, y: -120 });
    expect(bp.services.weba?.networks).toEqual(['backend']);
    expect(bp.services.webb?.networks).toBeUndefined();
    expect(errors(bp)).toEqual([]);
    const compose = compile(bp, 'compose').files[0]?.content ?? '';
    expect(compose).toMatch(/^networks:\n {2}backend:/m);
    expect(compose).toMatch(/ {2}weba:\n(?: {4}.*\n)*? {4}networks:\n {4}- backend\n/);
  });

  it('refuses what cannot be, and changes nothing', () => {
    const bp = apply(seed(), { kind: 'addNetwork', name: 'backend' }, { kind: 'joinNetwork', service: 'weba', network: 'backend' });
    const refused: Command[] = [
      { kind: 'addNetwork', name: 'backend' },
      { kind: 'addNetwork', name: 'Back_End' },
      { kind: 'joinNetwork', service: 'weba', network: 'backend' },
      { kind: 'joinNetwork', service: 'weba', network: 'frontend' },
      { kind: 'joinNetwork', service: 'nope', network: 'backend' },
      { kind: 'leaveNetwork', service: 'webb', network: 'backend' },
      { kind: 'removeNetwork', name: 'frontend' },
      { kind: 'renameNetwork', from: 'backend', to: 'no way' },
    ];
    for (const cmd of refused) expect(applyCommand(bp, cmd), cmd.kind).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('joins the implicit default network without declaring it', () => {
    const bp = apply(seed(), { kind: 'joinNetwork', service: 'weba', network: 'default' });
    expect(bp.services.weba?.networks).toEqual(['default']);
    expect(bp.networks).toBeUndefined();
    expect(errors(bp)).toEqual([]);
  });

  it('leaving the last network puts the service back on the default one (no networks key)', () => {
    const joined = apply(seed(), { kind: 'addNetwork', name: 'backend' }, { kind: 'joinNetwork', service: 'weba', network: 'backend' });
    const left = apply(joined, { kind: 'leaveNetwork', service: 'weba', network: 'backend' });
    expect(left.services.weba).toEqual(seed().services.weba);
    expect(Object.hasOwn(left.services.weba ?? {}, 'networks')).toBe(false);
  });

  it('removing a network removes every membership, its layout and, when it was the last, the networks key', () => {
    const bp = apply(
      seed(),
      { kind: 'addNetwork', name: 'backend', at: { x: 0, y: 0 } },
      { kind: 'addNetwork', name: 'edge' },
      { kind: 'joinNetwork', service: 'weba', network: 'backend' },
      { kind: 'joinNetwork', service: 'weba', network: 'edge' },
      { kind: 'joinNetwork', service: 'webb', network: 'backend' },
    );
    const once = apply(bp, { kind: 'removeNetwork', name: 'backend' });
    expect(once.networks).toEqual({ edge: {} });
    expect(once.services.weba?.networks).toEqual(['edge']);
    expect(once.services.webb).toEqual(seed().services.webb);
    expect(once.layout?.nodes['network:backend']).toBeUndefined();
    expect(once.services.haproxy).toBe(bp.services.haproxy);
    const twice = apply(once, { kind: 'removeNetwork', name: 'edge' });
    expect(Object.hasOwn(twice, 'networks')).toBe(false);
    expect(errors(twice)).toEqual([]);
  });

  it('renames a network where it is declared, joined and placed, keeping the key order', () => {
    const bp = apply(
      seed(),
      { kind: 'addNetwork', name: 'a' },
      { kind: 'addNetwork', name: 'backend', at: { x: 40, y: 40 } },
      { kind: 'addNetwork', name: 'z' },
      { kind: 'joinNetwork', service: 'weba', network: 'backend' },
      { kind: 'renameNetwork', from: 'backend', to: 'data' },
    );
    expect(Object.keys(bp.networks ?? {})).toEqual(['a', 'data', 'z']);
    expect(bp.services.weba?.networks).toEqual(['data']);
    expect(bp.layout?.nodes['network:data']).toEqual({ x: 40, y: 40 });
    expect(bp.layout?.nodes['network:backend']).toBeUndefined();
    expect(applyCommand(bp, { kind: 'renameNetwork', from: 'a', to: 'z' })).toMatchObject({ ok: false });
  });

  it('sets and clears options; an external network cannot be made internal', () => {
    const bp = apply(
      seed(),
      { kind: 'addNetwork', name: 'backend' },
      { kind: 'setNetworkOptions', name: 'backend', options: { internal: true, driver: ' bridge ' } },
    );
    expect(bp.networks?.backend).toEqual({ internal: true, driver: 'bridge' });
    expect(compile(bp, 'compose').files[0]?.content).toMatch(/ {2}backend:\n {4}driver: bridge\n {4}internal: true\n/);
    const cleared = apply(bp, { kind: 'setNetworkOptions', name: 'backend', options: { internal: false, driver: '' } });
    expect(cleared.networks?.backend).toEqual({});
    const external = apply(cleared, { kind: 'setNetworkOptions', name: 'backend', options: { external: true } });
    expect(applyCommand(external, { kind: 'setNetworkOptions', name: 'backend', options: { internal: true } })).toMatchObject({
      ok: false,
    });
  });

  it('a service on internal networks only that publishes a port is warned about', () => {
    const bp = apply(
      seed(),
      { kind: 'addNetwork', name: 'backend' },
      { kind: 'setNetworkOptions', name: 'backend', options: { internal: true } },
      { kind: 'joinNetwork', service: 'haproxy', network: 'backend' },
    );
    expect(validate(bp).map((d) => d.code)).toContain('INTERNAL_PUBLISH');
  });
});
