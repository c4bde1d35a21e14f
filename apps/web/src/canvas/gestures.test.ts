import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { connectionCommand, deletionCommand, duplicationCommand, nextSelection } from './gestures';

describe('canvas gestures as commands', () => {
  it('deleting a service with its edges is one batch that applies', () => {
    const cmd = deletionCommand(['service:weba'], ['link:haproxy->weba', 'link:haproxy->webb']);
    expect(cmd).toEqual({
      kind: 'batch',
      commands: [
        { kind: 'removeLink', from: 'haproxy', to: 'webb' },
        { kind: 'removeService', name: 'weba' },
      ],
    });
    const r = cmd && applyCommand(templateBlueprint('seed-compose'), cmd);
    expect(r?.ok && Object.keys(r.value.services)).toEqual(['webb', 'haproxy']);
    expect(r?.ok && r.value.services.haproxy?.links).toBeUndefined();
  });

  it('deletes mounts and volumes; nothing selected is no command', () => {
    expect(deletionCommand(['volume:data'], ['mount:weba->data'])).toEqual({
      kind: 'batch',
      commands: [
        { kind: 'unmountVolume', service: 'weba', volume: 'data' },
        { kind: 'removeVolume', name: 'data' },
      ],
    });
    expect(deletionCommand([], [])).toBeUndefined();
  });

  it('connecting services links them; connecting to a volume mounts it', () => {
    expect(connectionCommand('service:weba', 'service:webb')).toEqual({ kind: 'addLink', from: 'weba', to: 'webb', condition: 'started' });
    expect(connectionCommand('service:weba', 'volume:data')).toEqual({
      kind: 'mountVolume',
      service: 'weba',
      volume: 'data',
      target: '/data/data',
    });
    expect(connectionCommand('service:weba', 'service:weba')).toBeUndefined();
    expect(connectionCommand('volume:data', 'service:weba')).toBeUndefined();
  });

  it('selection follows select changes in order', () => {
    expect(nextSelection(['a'], [{ id: 'b', selected: true }])).toEqual(['a', 'b']);
    expect(
      nextSelection(
        ['a', 'b'],
        [
          { id: 'a', selected: false },
          { id: 'c', selected: true },
        ],
      ),
    ).toEqual(['b', 'c']);
  });

  it('duplicates selected services next to themselves under fresh names', () => {
    const bp = templateBlueprint('seed-compose');
    const moved = applyCommand(bp, { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 100, y: 20 }] });
    if (!moved.ok) throw new Error(moved.error);
    const dup = duplicationCommand(moved.value, ['service:weba', 'link:haproxy->webb', 'service:webb']);
    expect(dup?.ids).toEqual(['service:weba-2', 'service:webb-2']);
    const r = dup && applyCommand(moved.value, dup.command);
    expect(r?.ok && r.value.layout?.nodes['service:weba-2']).toEqual({ x: 140, y: 60 });
    expect(r?.ok && Object.keys(r.value.services)).toEqual(['weba', 'webb', 'haproxy', 'weba-2', 'webb-2']);
    expect(duplicationCommand(bp, ['volume:data'])).toBeUndefined();
    expect(r?.ok && duplicationCommand(r.value, ['service:weba-2'])?.ids).toEqual(['service:weba-3']);
  });
});
