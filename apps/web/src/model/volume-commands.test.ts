import { compile } from '@blaupause/compiler';
import { type Blueprint, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { reconcileSelection } from '../store/selection';
import { templateBlueprint } from '../templates/templates';
import { applyCommand } from './commands';
import type { Command } from './types';

function apply(bp: Blueprint, ...cmds: Command[]): Blueprint {
  const r = applyCommand(bp, { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const errors = (bp: Blueprint) => validate(bp).filter((d) => d.severity === 'error');
const kubernetes = (bp: Blueprint) =>
  compile(bp, 'kubernetes')
    .files.map((f) => f.content)
    .join('\n');
const refused = (bp: Blueprint, cmd: Command) =>
  expect(applyCommand(bp, cmd), JSON.stringify(cmd)).toMatchObject({ ok: false, error: expect.any(String) });

describe('volume commands (the inspector’s volume form)', () => {
  it('sets the access mode: Kubernetes claims ReadWriteMany for a shared volume', () => {
    const before = templateBlueprint('three-tier');
    expect(kubernetes(before)).toMatch(/ReadWriteOnce/);
    const bp = apply(before, { kind: 'setVolumeOptions', name: 'pgdata', options: { access: 'shared' } });
    expect(bp.volumes?.pgdata).toEqual({ ...before.volumes?.pgdata, access: 'shared' });
    expect(kubernetes(bp)).toMatch(/ReadWriteMany/);
    expect(kubernetes(bp)).not.toMatch(/ReadWriteOnce/);
  });

  it('sets and clears the size; refuses what is not a quantity', () => {
    const bp = apply(templateBlueprint('three-tier'), { kind: 'setVolumeOptions', name: 'pgdata', options: { size: ' 20Gi ' } });
    expect(bp.volumes?.pgdata?.size).toBe('20Gi');
    expect(kubernetes(bp)).toMatch(/storage: 20Gi/);
    const cleared = apply(bp, { kind: 'setVolumeOptions', name: 'pgdata', options: { size: '' } });
    expect(cleared.volumes?.pgdata && 'size' in cleared.volumes.pgdata).toBe(false);
    expect(errors(cleared)).toEqual([]);
    for (const size of ['20 GB', '1.5.2Gi', 'big', '-1Gi']) refused(bp, { kind: 'setVolumeOptions', name: 'pgdata', options: { size } });
    refused(bp, { kind: 'setVolumeOptions', name: 'pgdata', options: { access: 'many' as 'shared' } });
    refused(bp, { kind: 'setVolumeOptions', name: 'nope', options: { size: '1Gi' } });
  });

  it('renames a volume in place, with every mount of it and its layout; the selection follows', () => {
    const placed = apply(templateBlueprint('sidecar'), { kind: 'moveNodes', moves: [{ id: 'volume:content', x: 5, y: 6 }] });
    const bp = apply(placed, { kind: 'renameVolume', from: 'content', to: 'site' });
    expect(Object.keys(bp.volumes ?? {})).toEqual(['site']);
    const sources = Object.values(bp.services.web?.containers ?? {}).flatMap(
      (c) => c.mounts?.map((m) => (m.type === 'volume' ? m.source : m.type)) ?? [],
    );
    expect(sources).toEqual(['site', 'site']);
    expect(bp.layout?.nodes['volume:site']).toEqual({ x: 5, y: 6 });
    expect(bp.layout?.nodes['volume:content']).toBeUndefined();
    expect(errors(bp)).toEqual([]);
    expect(reconcileSelection(['volume:content'], bp, { kind: 'renameVolume', from: 'content', to: 'site' })).toEqual(['volume:site']);
    // a renamed network stays selected too
    const net = apply(bp, { kind: 'addNetwork', name: 'back' });
    const moved = apply(net, { kind: 'renameNetwork', from: 'back', to: 'backend' });
    expect(reconcileSelection(['network:back'], moved, { kind: 'renameNetwork', from: 'back', to: 'backend' })).toEqual([
      'network:backend',
    ]);
    refused(bp, { kind: 'renameVolume', from: 'site', to: 'Site!' });
    refused(bp, { kind: 'renameVolume', from: 'content', to: 'x' });
    const two = apply(bp, { kind: 'addVolume', name: 'other' });
    refused(two, { kind: 'renameVolume', from: 'other', to: 'site' });
  });
});
