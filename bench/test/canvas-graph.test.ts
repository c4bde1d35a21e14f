import { Blueprint, loadBlueprintValue } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { frameStats, gridLayout, meanCi, stockGraph, withGridLayout } from '../src/canvas-graph';
import { generateBlueprint } from '../src/generate';

describe('canvas benchmark inputs', () => {
  it('places every service and volume once on a √N grid, each volume after its service; the app restores it', () => {
    const bp = generateBlueprint(100);
    const layout = gridLayout(bp);
    expect(layout.size).toBe(100 + 25);
    expect(layout.get('service:svc-0')).toEqual({ x: 0, y: 0 });
    // svc-0, data-0, svc-1, svc-2, svc-3, svc-4, data-4, …: 12 columns (⌈√125⌉)
    expect(layout.get('volume:data-0')).toEqual({ x: 400, y: 0 });
    expect(layout.get('volume:data-4')).toEqual({ x: 6 * 400, y: 0 });
    expect(layout.get('service:svc-9')).toEqual({ x: 0, y: 280 });
    expect(new Set([...layout.values()].map((p) => `${p.x},${p.y}`)).size).toBe(125);
    const restored = loadBlueprintValue(JSON.parse(JSON.stringify(withGridLayout(bp))));
    expect(restored.blueprint?.layout?.nodes['volume:data-96']).toEqual(layout.get('volume:data-96'));
    expect(Object.keys(Blueprint.parse(bp).services)).toHaveLength(100);
  });

  it('gives the stock page one node per service and volume, one edge per link and mount', () => {
    const bp = generateBlueprint(100);
    const g = stockGraph(bp);
    expect(g.nodes).toHaveLength(125);
    const links = Object.values(bp.services ?? {}).reduce((n, s) => n + new Set(s.links?.map((l) => l.to)).size, 0);
    expect(g.edges).toHaveLength(links + 25);
    expect(g.edges).toContainEqual({ id: 'mount:svc-4->data-4', source: 'service:svc-4', target: 'volume:data-4' });
    expect(g.edges).toContainEqual({ id: 'link:svc-10->svc-4', source: 'service:svc-10', target: 'service:svc-4' });
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
  });

  it('counts frames over 20 ms and takes nearest-rank percentiles', () => {
    const s = frameStats([16.7, 16.7, 16.6, 33.4, 16.7, 16.7, 16.7, 16.7, 16.7, 50]);
    expect(s.frames).toBe(10);
    expect(s.over20Pct).toBe(20);
    expect(s.p50).toBe(16.7);
    expect(s.p95).toBe(50);
    expect(s.max).toBe(50);
    expect(meanCi([1, 3]).mean).toBe(2);
    expect(meanCi([2]).lo).toBe(2);
  });
});
