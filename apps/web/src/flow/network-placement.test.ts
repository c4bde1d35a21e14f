import { type Blueprint, elementId } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { withDefaultLayout } from './default-layout';
import { NETWORK_GAP, NETWORK_SLOT, placeNetworks } from './network-placement';

function build(...cmds: Command[]): Blueprint {
  const r = applyCommand(templateBlueprint('seed-compose'), { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

// Services 240 wide at x 0, 400 and 800; the topmost at y 100.
const at = new Map([
  [elementId.service('haproxy'), { x: 0, y: 100 }],
  [elementId.service('weba'), { x: 400, y: 300 }],
  [elementId.service('webb'), { x: 800, y: 300 }],
]);

describe('placeNetworks', () => {
  it('puts each segment in a row above the drawing, centred over its members', () => {
    const bp = build(
      { kind: 'addNetwork', name: 'front' },
      { kind: 'addNetwork', name: 'back' },
      { kind: 'joinNetwork', service: 'haproxy', network: 'front' },
      { kind: 'joinNetwork', service: 'weba', network: 'front' },
      { kind: 'joinNetwork', service: 'webb', network: 'back' },
    );
    const out = placeNetworks(bp, at);
    const y = 100 - NETWORK_GAP;
    // front over haproxy and weba: centre (120 + 520) / 2 = 320; back over webb: centre 920.
    expect(out.get('network:front')).toEqual({ x: 320 - NETWORK_SLOT / 2, y });
    expect(out.get('network:back')).toEqual({ x: 920 - NETWORK_SLOT / 2, y });
  });

  it('pushes overlapping segments apart, and puts unjoined ones at the end of the row', () => {
    const bp = build(
      { kind: 'addNetwork', name: 'a' },
      { kind: 'addNetwork', name: 'lonely' },
      { kind: 'addNetwork', name: 'b' },
      { kind: 'joinNetwork', service: 'weba', network: 'a' },
      { kind: 'joinNetwork', service: 'weba', network: 'b' },
    );
    const out = placeNetworks(bp, at);
    const a = out.get('network:a');
    const b = out.get('network:b');
    const lonely = out.get('network:lonely');
    expect(a?.x).toBe(520 - NETWORK_SLOT / 2);
    expect(b?.x).toBe((a?.x ?? 0) + NETWORK_SLOT);
    expect(lonely?.x).toBe((b?.x ?? 0) + NETWORK_SLOT);
    expect(new Set([a?.y, b?.y, lonely?.y])).toEqual(new Set([100 - NETWORK_GAP]));
    expect(placeNetworks(bp, at)).toEqual(out);
  });

  it('a declared default network sits over the services that name no network; no networks, no places', () => {
    const bp = build(
      { kind: 'addNetwork', name: 'default' },
      { kind: 'addNetwork', name: 'back' },
      { kind: 'joinNetwork', service: 'webb', network: 'back' },
    );
    // default: haproxy and weba (no networks named) → centre 320.
    expect(placeNetworks(bp, at).get('network:default')?.x).toBe(320 - NETWORK_SLOT / 2);
    expect(placeNetworks(templateBlueprint('seed-compose'), at).size).toBe(0);
  });

  it('an unplaced segment of a drawn blueprint goes over where its members were placed', () => {
    const bp = build(
      { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 2000, y: 1000 }] },
      { kind: 'addNetwork', name: 'back' },
      { kind: 'joinNetwork', service: 'weba', network: 'back' },
    );
    expect(withDefaultLayout(bp).layout?.nodes['network:back']).toEqual({ x: 2000 + 120 - NETWORK_SLOT / 2, y: -NETWORK_GAP });
  });
});
