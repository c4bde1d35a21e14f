import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../flow/to-flow';
import { HEADER_H, ROW_H } from './raster-scene';
import { estimated, withMeasured } from './useMeasuredNodes';

const service = {
  id: 'service:web',
  type: 'service',
  position: { x: 0, y: 0 },
  data: {
    name: 'web',
    containers: [
      { name: 'web', role: 'main' },
      { name: 'log', role: 'sidecar' },
    ],
    ports: [],
  },
} as unknown as FlowNode;

describe('the estimate a node gets before it has been in the DOM', () => {
  it('is a size from its data and one handle per side of the node component, centred on that side', () => {
    const e = estimated(service);
    const handles = (e.handles ?? []) as Array<{ id: string; type: string; x: number; y: number; width: number }>;
    const height = HEADER_H + 8 + 2 * ROW_H;
    expect(e.measured).toEqual({ width: 240, height });
    expect(handles.map((h) => [h.id, h.type, h.x + h.width / 2, h.y + h.width / 2])).toEqual([
      ['used', 'target', 0, height / 2],
      ['uses', 'source', 240, height / 2],
      ['joins', 'source', 120, 0],
      ['mounts', 'source', 120, height],
    ]);
    // The projected node itself is left as it is (cached per object by useMeasuredNodes).
    expect((service as { handles?: unknown }).handles).toBeUndefined();
  });

  it('gives a volume its one mount handle on top', () => {
    const v = estimated({ id: 'volume:data', type: 'volume', position: { x: 0, y: 0 }, data: { name: 'data' } } as unknown as FlowNode);
    expect((v.handles ?? []).map((h) => [h.id, h.type])).toEqual([['mounted', 'target']]);
    expect(v.measured?.width).toBe(180);
  });
});

describe('withMeasured: the sizes after React Flow measured nodes', () => {
  const dims = (id: string, width: number, height: number) => ({ type: 'dimensions' as const, id, dimensions: { width, height } });

  it('makes a new map for a first measurement, so the node drops its estimate', () => {
    const sizes = new Map([['service:a', { width: 240, height: 100 }]]);
    const next = withMeasured(sizes, [dims('service:b', 260, 120), { type: 'select', id: 'service:a', selected: true }]);
    expect(next).not.toBe(sizes);
    expect(next?.get('service:b')).toEqual({ width: 260, height: 120 });
    expect(sizes.has('service:b')).toBe(false);
  });

  it('updates a re-measured node’s size in place: no new map, no new node object, no setNodes', () => {
    const size = { width: 280, height: 143 };
    const sizes = new Map([['service:a', size]]);
    expect(withMeasured(sizes, [dims('service:a', 237, 143)])).toBeUndefined();
    expect(sizes.get('service:a')).toBe(size);
    expect(size).toEqual({ width: 237, height: 143 });
  });
});
