import { compile } from '@blaupause/compiler';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { applyCommand } from './commands';

const seed = () => templateBlueprint('seed-compose');

describe('insertElements', () => {
  it('adds services and resources under their names with their layout, rounded, in one step', () => {
    const bp = seed();
    const web = bp.services.weba;
    if (!web) throw new Error('seed has weba');
    const r = applyCommand(bp, {
      kind: 'insertElements',
      elements: {
        services: { 'weba-2': web },
        volumes: { cache: { access: 'shared' } },
        layout: { 'service:weba-2': { x: 10.4, y: 19.6 }, 'volume:cache': { x: 0, y: 300 } },
      },
    });
    if (!r.ok) throw new Error(r.error);
    expect(Object.keys(r.value.services)).toEqual(['weba', 'webb', 'haproxy', 'weba-2']);
    expect(r.value.services['weba-2']).toEqual(web);
    expect(r.value.services['weba-2']).not.toBe(web); // a copy: editing one never edits the other
    expect(r.value.volumes).toEqual({ cache: { access: 'shared' } });
    expect(r.value.layout?.nodes['service:weba-2']).toEqual({ x: 10, y: 20 });
    expect(compile(r.value, 'compose').files[0]?.content).toContain('weba-2:');
    expect(bp.services['weba-2']).toBeUndefined(); // the document itself is not mutated
  });

  it('refuses a taken or invalid name and changes nothing', () => {
    const bp = seed();
    const web = bp.services.weba;
    if (!web) throw new Error('seed has weba');
    expect(applyCommand(bp, { kind: 'insertElements', elements: { services: { webb: web } } })).toEqual({
      ok: false,
      error: 'A service "webb" exists already.',
    });
    expect(applyCommand(bp, { kind: 'insertElements', elements: { services: { 'Not Valid': web } } })).toMatchObject({ ok: false });
    expect(bp).toEqual(seed());
  });
});
