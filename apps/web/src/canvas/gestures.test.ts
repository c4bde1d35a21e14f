import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { connectionCommand, deletionCommand, nextSelection } from './gestures';

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
});
