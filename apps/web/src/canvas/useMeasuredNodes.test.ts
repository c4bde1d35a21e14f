import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../flow/to-flow';
import { HEADER_H, ROW_H } from './raster-scene';
import { estimated } from './useMeasuredNodes';

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
