import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { withDefaultLayout } from './default-layout';

describe('withDefaultLayout', () => {
  it('places what has no layout entry and keeps what has one', () => {
    const bp = templateBlueprint('seed-compose');
    const placed = withDefaultLayout({ ...bp, layout: { nodes: { 'service:weba': { x: 7, y: 9 } } } });
    expect(placed.layout?.nodes['service:weba']).toEqual({ x: 7, y: 9 });
    expect(Object.keys(placed.layout?.nodes ?? {}).sort()).toEqual(['service:haproxy', 'service:weba', 'service:webb']);
  });

  it('returns a fully placed document as it is, even after a node was added and placed', () => {
    const placed = withDefaultLayout(templateBlueprint('seed-compose'));
    expect(withDefaultLayout(placed)).toBe(placed);
    const added = applyCommand(placed, { kind: 'addService', name: 'cache', at: { x: 1, y: 2 } });
    if (!added.ok) throw new Error(added.error);
    expect(withDefaultLayout(added.value)).toBe(added.value);
    const { 'service:cache': _, ...rest } = added.value.layout?.nodes ?? {};
    const unplaced = { ...added.value, layout: { nodes: rest } };
    expect(withDefaultLayout(unplaced).layout?.nodes['service:cache']).toBeDefined();
  });
});
