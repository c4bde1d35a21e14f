import { describe, expect, it } from 'vitest';
import { diagramFromFlow, type FlowLikeInternal } from './from-flow';

const node = (id: string, x: number, y: number, extra: object = {}) => ({
  id,
  type: 'service',
  position: { x, y },
  data: { name: id },
  ...extra,
});

describe('diagramFromFlow', () => {
  it('puts edge ends where React Flow measured the handles, on every side', () => {
    const internals: Record<string, FlowLikeInternal> = {
      a: {
        measured: { width: 200, height: 100 },
        internals: {
          positionAbsolute: { x: 0, y: 0 },
          handleBounds: { source: [{ id: 'mounts', position: 'bottom', x: 95, y: 95, width: 10, height: 10 }], target: null },
        },
      },
      v: {
        measured: { width: 160, height: 60 },
        internals: {
          positionAbsolute: { x: 20, y: 300 },
          handleBounds: { source: null, target: [{ id: 'mounted', position: 'top', x: 75, y: -5, width: 10, height: 10 }] },
        },
      },
    };
    const d = diagramFromFlow(
      { title: 't' },
      [node('a', 0, 0), node('v', 20, 300, { type: 'volume' })],
      [{ id: 'm', type: 'mount', source: 'a', target: 'v', sourceHandle: 'mounts', targetHandle: 'mounted' }],
      (id) => internals[id],
    );
    expect(d.edges[0]?.from).toEqual({ x: 100, y: 105, side: 'bottom' });
    expect(d.edges[0]?.to).toEqual({ x: 100, y: 295, side: 'top' });
    expect(d.nodes.map((n) => [n.id, n.width, n.height])).toEqual([
      ['a', 200, 100],
      ['v', 160, 60],
    ]);
  });

  it('places children relative to their parent and leaves hidden nodes and their edges out', () => {
    const d = diagramFromFlow(
      { title: 't' },
      [node('svc', 100, 50), node('tag', -40, 6, { type: 'exposure', parentId: 'svc' }), node('ghost', 0, 0, { hidden: true })],
      [
        { id: 'e1', source: 'tag', target: 'svc' },
        { id: 'e2', source: 'ghost', target: 'svc' },
      ],
    );
    expect(d.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      ['svc', 100, 50],
      ['tag', 60, 56],
    ]);
    expect(d.edges.map((e) => [e.id, e.type, e.from])).toEqual([['e1', 'default', undefined]]);
  });
});
