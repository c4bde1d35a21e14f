import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { COLUMN_WIDTH, defaultPositions, ROW_HEIGHT, withDefaultLayout } from './default-layout';

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

  it('puts a volume only one service mounts right below that service, as ELK does; the column goes on below it', () => {
    const base = templateBlueprint('seed-compose');
    let bp = { ...base, layout: undefined };
    for (const command of [
      { kind: 'addVolume', name: 'cache' },
      { kind: 'mountVolume', service: 'weba', volume: 'cache', target: '/cache' },
      { kind: 'addVolume', name: 'logs' },
      { kind: 'mountVolume', service: 'weba', volume: 'logs', target: '/logs' },
      { kind: 'addVolume', name: 'shared' },
      { kind: 'mountVolume', service: 'weba', volume: 'shared', target: '/shared' },
      { kind: 'mountVolume', service: 'webb', volume: 'shared', target: '/shared' },
      { kind: 'addVolume', name: 'unused' },
    ] as const) {
      const r = applyCommand(bp, command);
      if (!r.ok) throw new Error(r.error);
      bp = { ...r.value, layout: undefined };
    }
    const at = defaultPositions(bp);
    const weba = at.get('service:weba');
    const cache = at.get('volume:cache');
    const logs = at.get('volume:logs');
    const webb = at.get('service:webb');
    if (!weba || !cache || !logs || !webb) throw new Error('not placed');
    // Below weba, in its column, clear of it (a one-container service with ports is ~104 px high).
    expect(cache.x).toBe(weba.x);
    expect(cache.y).toBeGreaterThanOrEqual(weba.y + 104 + 40);
    expect(logs).toEqual({ x: weba.x, y: cache.y + 140 });
    // The next service of the column starts below the volumes, in whole rows.
    expect(webb.x).toBe(weba.x);
    expect(webb.y).toBeGreaterThanOrEqual(logs.y + 70 + 40);
    expect(webb.y % ROW_HEIGHT).toBe(0);
    // A volume two services share, and one nobody mounts, stay in the volumes' column after the services.
    expect(at.get('volume:shared')).toEqual({ x: 2 * COLUMN_WIDTH, y: 0 });
    expect(at.get('volume:unused')).toEqual({ x: 2 * COLUMN_WIDTH, y: ROW_HEIGHT });
  });

  it('the three tiers template opened without ELK: the database’s volume sits under the database', () => {
    const bp = templateBlueprint('three-tier');
    const placed = withDefaultLayout({ ...bp, layout: undefined }).layout?.nodes ?? {};
    const db = placed['service:db'];
    const pgdata = placed['volume:pgdata'];
    expect(pgdata?.x).toBe(db?.x);
    expect(pgdata?.y).toBeGreaterThan(db?.y ?? 0);
  });
});
