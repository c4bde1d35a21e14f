import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { menuItems } from './menu-items';

const bp = templateBlueprint('seed-compose');
const actions = (items: ReturnType<typeof menuItems>) => items.map((i) => i.action);

describe('context menu items', () => {
  it('offers a service the clipboard, duplicate, a helper, auto layout and delete', () => {
    expect(actions(menuItems(bp, { kind: 'node', id: 'service:weba' }))).toEqual([
      'copy',
      'cut',
      'duplicate',
      'add-helper',
      'auto-layout',
      'delete',
    ]);
  });

  it('offers a volume no duplicate or helper', () => {
    expect(actions(menuItems(bp, { kind: 'node', id: 'volume:data' }))).toEqual(['copy', 'cut', 'delete']);
  });

  it('offers the pane adding here, pasting here, select all and auto layout', () => {
    expect(actions(menuItems(bp, { kind: 'pane' }))).toEqual(['add-service', 'add-volume', 'paste', 'select-all', 'auto-layout']);
  });

  it('offers a link its start conditions, the current one checked, and removal', () => {
    const items = menuItems(bp, { kind: 'edge', id: 'link:haproxy->weba' });
    expect(items.map((i) => [i.action, i.checked])).toEqual([
      ['condition:started', true],
      ['condition:healthy', false],
      ['condition:completed', false],
      ['delete', undefined],
    ]);
    expect(items[1]?.label).toBe('Start when weba is healthy');
  });

  it('offers a mount or a network membership removal only', () => {
    expect(menuItems(bp, { kind: 'edge', id: 'mount:web->data' })).toEqual([
      { action: 'delete', label: 'Remove mount', shortcut: 'Delete' },
    ]);
    expect(menuItems(bp, { kind: 'edge', id: 'join:web->front' })).toEqual([
      { action: 'delete', label: 'Leave network', shortcut: 'Delete' },
    ]);
  });

  it('offers a network node the clipboard and delete, and any other node delete', () => {
    expect(actions(menuItems(bp, { kind: 'node', id: 'network:front' }))).toEqual(['copy', 'cut', 'delete']);
    expect(actions(menuItems(bp, { kind: 'node', id: 'exposure:web/80' }))).toEqual(['delete']);
  });
});
