import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { LIGHT } from '../theme/tokens';
import {
  COVER_MARGIN,
  coverContains,
  coverFor,
  coverServes,
  curveBox,
  edgeColour,
  edgeCurve,
  handlePoint,
  intersects,
  nodeBorder,
  nodeBox,
  nodesBounds,
  type RasterNode,
  visibleRect,
} from './raster-scene';

const node = (id: string, x: number, y: number, extra: Partial<RasterNode> = {}): RasterNode => ({
  id,
  type: 'service',
  data: { name: id, containers: [{ name: 'web', role: 'main' }] },
  measured: { width: 240, height: 100 },
  internals: { positionAbsolute: { x, y } },
  ...extra,
});

describe('raster scene', () => {
  it('draws the curve React Flow draws: the same bezier as getBezierPath between the same handles', () => {
    const a = node('a', 0, 0);
    const b = node('b', 500, 300);
    const c = edgeCurve(a, b, { id: 'l', source: 'a', target: 'b', sourceHandle: 'uses', targetHandle: 'used' });
    const [path] = getBezierPath({
      sourceX: 240,
      sourceY: 50,
      sourcePosition: Position.Right,
      targetX: 500,
      targetY: 350,
      targetPosition: Position.Left,
    });
    const ours = `M${c[0].x},${c[0].y} C${c[1].x},${c[1].y} ${c[2].x},${c[2].y} ${c[3].x},${c[3].y}`;
    expect(ours).toBe(path);
  });

  it('takes a measured handle over the middle of its side', () => {
    const n = node('a', 100, 100, {
      internals: {
        positionAbsolute: { x: 100, y: 100 },
        handleBounds: { source: [{ id: 'mounts', x: 115, y: 95, width: 10, height: 10 }], target: null },
      },
    });
    expect(handlePoint(n, 'mounts', 'source')).toEqual({ x: 220, y: 200, side: 'bottom' });
    expect(handlePoint(n, 'joins', 'source')).toEqual({ x: 220, y: 100, side: 'top' });
    expect(handlePoint(n, 'used', 'target')).toEqual({ x: 100, y: 150, side: 'left' });
  });

  it('estimates the box of a node never measured (culled before it was in the DOM) from its pod', () => {
    const n = node('a', 0, 0, { measured: {}, data: { name: 'a', containers: [{}, {}, {}], ports: [{ port: 80 }] } });
    expect(nodeBox(n)).toEqual({ x: 0, y: 0, width: 240, height: 34 + 8 + 3 * 22 + 34 });
  });

  it('knows what the pane shows under a transform, to cull by', () => {
    const view = visibleRect([-200, -100, 0.5], 800, 600);
    expect(view).toEqual({ x: 400, y: 200, width: 1600, height: 1200 });
    expect(intersects(nodeBox(node('in', 1900, 1300)), view)).toBe(true);
    expect(intersects(nodeBox(node('out', 2100, 300)), view)).toBe(false);
    expect(
      intersects(
        curveBox([
          { x: 0, y: 0 },
          { x: 300, y: 0 },
          { x: 450, y: 900 },
          { x: 3000, y: 900 },
        ]),
        view,
      ),
    ).toBe(true);
  });

  it('colours edges and borders as the stylesheets do', () => {
    expect(edgeColour({ id: 'm', type: 'mount', source: 'a', target: 'b' }, LIGHT)).toBe(LIGHT['edge-mount']);
    expect(edgeColour({ id: 'l', type: 'link', source: 'a', target: 'b', data: { condition: 'healthy' } }, LIGHT)).toBe(
      LIGHT['edge-healthy'],
    );
    expect(edgeColour({ id: 'l', type: 'link', source: 'a', target: 'b', selected: true }, LIGHT)).toBe(LIGHT.accent);
    expect(nodeBorder(node('a', 0, 0, { selected: true }), LIGHT)).toBe(LIGHT.accent);
    expect(nodeBorder(node('a', 0, 0, { data: { severity: 'error' } }), LIGHT)).toBe(LIGHT.error);
  });

  it('draws a cover of the view plus half a view on every side, and keeps it until the view leaves it or zooms in 1.6×', () => {
    // View at zoom 0.5: flow (400, 200) 1600 × 1200.
    const cover = coverFor([-200, -100, 0.5], 800, 600);
    expect(COVER_MARGIN).toBe(0.5);
    expect(cover).toEqual({ rect: { x: -400, y: -400, width: 3200, height: 2400 }, zoom: 0.5 });
    expect(coverServes(cover, [-200, -100, 0.5], 800, 600)).toBe(true);
    // A pan of half a view still fits; a bit more does not.
    expect(coverServes(cover, [-200 + 400, -100, 0.5], 800, 600)).toBe(true);
    expect(coverServes(cover, [-200 + 420, -100, 0.5], 800, 600)).toBe(false);
    // Zooming out about the view's centre to half the zoom fills the cover exactly; further does not.
    expect(coverServes(cover, [100, 100, 0.25], 800, 600)).toBe(true);
    expect(coverServes(cover, [112, 108, 0.24], 800, 600)).toBe(false);
    // Zooming in stays inside, but past 1.6× the bitmap would be blown up: draw again.
    expect(coverServes(cover, [-500, -300, 0.75], 800, 600)).toBe(true);
    expect(coverServes(cover, [-620, -380, 0.85], 800, 600)).toBe(false);
    expect(coverContains(cover, [-620, -380, 0.85], 800, 600)).toBe(true);
  });

  it('bounds all nodes, the hidden (not mounted in the far view) ones too (for the overview and the minimap)', () => {
    expect(nodesBounds([])).toBeUndefined();
    expect(nodesBounds([node('a', 0, 0), node('b', 500, 300)])).toEqual({
      x: 0,
      y: 0,
      width: 740,
      height: 400,
    });
    expect(nodesBounds([node('a', 0, 0), node('c', 500, 300, { hidden: true })])).toEqual({ x: 0, y: 0, width: 740, height: 400 });
  });
});
