import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { EDGE_REACH, edgesAt, type Markable, NEAR, NearMarks, nodesAt } from './far-hover';
import { edgeCurve, nodeBox, type RasterEdge, type RasterNode } from './raster-scene';

const node = (id: string, x: number, y: number, width: number, height: number, more: Partial<RasterNode> = {}): RasterNode => ({
  id,
  type: 'service',
  data: {},
  measured: { width, height },
  internals: { positionAbsolute: { x, y } },
  ...more,
});

class FakeWrapper implements Markable {
  readonly attrs = new Set<string>();
  writes = 0;
  setAttribute(n: string) {
    this.attrs.add(n);
    this.writes++;
  }
  removeAttribute(n: string) {
    this.attrs.delete(n);
    this.writes++;
  }
}

describe('nodesAt', () => {
  it('finds the boxes that hold the point, grown by the margin, hidden (not mounted) nodes too', () => {
    const nodes = [node('a', 0, 0, 260, 100), node('b', 300, 0, 260, 100), node('h', 0, 0, 50, 50, { hidden: true })];
    expect(nodesAt(nodes, { x: 10, y: 10 }, 0)).toEqual(['a', 'h']);
    expect(nodesAt(nodes, { x: 100, y: 60 }, 0)).toEqual(['a']);
    expect(nodesAt(nodes, { x: 280, y: 50 }, 0)).toEqual([]);
    expect(nodesAt(nodes, { x: 280, y: 50 }, 20)).toEqual(['a', 'b']);
    expect(nodesAt(nodes, { x: 260, y: 100 }, 0)).toEqual(['a']);
    expect(nodesAt(nodes, { x: -1, y: 50 }, 0)).toEqual([]);
  });

  it('uses the estimate of a node not measured yet (the box the raster draws)', () => {
    const n: RasterNode = { id: 'v', type: 'volume', data: {}, measured: {}, internals: { positionAbsolute: { x: 0, y: 0 } } };
    const b = nodeBox(n);
    expect(nodesAt([n], { x: b.width - 1, y: b.height - 1 }, 0)).toEqual(['v']);
    expect(nodesAt([n], { x: b.width + 1, y: 1 }, 0)).toEqual([]);
  });

  it('agrees with a point-in-box test of the raster boxes on seeded random graphs', () => {
    const r = seeded(7);
    for (let round = 0; round < 200; round++) {
      const nodes = Array.from({ length: 1 + r.int(30) }, (_, i) =>
        node(`n${i}`, r.int(2000), r.int(2000), 20 + r.int(300), 20 + r.int(200), { hidden: r.int(8) === 0 }),
      );
      const p = { x: r.int(2400) - 200, y: r.int(2400) - 200 };
      const margin = r.int(3) * 10;
      const want = nodes
        .filter((n) => {
          const b = nodeBox(n);
          return p.x >= b.x - margin && p.x <= b.x + b.width + margin && p.y >= b.y - margin && p.y <= b.y + b.height + margin;
        })
        .map((n) => n.id);
      expect(nodesAt(nodes, p, margin)).toEqual(want);
    }
  });
});

describe('NearMarks', () => {
  it('marks exactly the wrappers of the ids given, touching only those that change', () => {
    const els = new Map(['a', 'b', 'c'].map((id) => [id, new FakeWrapper()]));
    const marks = new NearMarks((id) => els.get(id));
    marks.set(['a']);
    expect(els.get('a')?.attrs.has(NEAR)).toBe(true);
    marks.set(['a', 'b']);
    expect(els.get('a')?.writes).toBe(1); // kept, not written again
    expect(els.get('b')?.attrs.has(NEAR)).toBe(true);
    marks.set(['c']);
    expect([...els.values()].map((e) => e.attrs.has(NEAR))).toEqual([false, false, true]);
    marks.set(['missing', 'c']);
    expect(marks.ids).toEqual(['c']);
    marks.clear();
    expect([...els.values()].some((e) => e.attrs.has(NEAR))).toBe(false);
  });

  it('after any sequence of sets, the marked wrappers are those of the last set (seeded)', () => {
    const r = seeded(11);
    const ids = Array.from({ length: 8 }, (_, i) => `n${i}`);
    const els = new Map(ids.map((id) => [id, new FakeWrapper()]));
    const marks = new NearMarks((id) => (id === 'n7' ? undefined : els.get(id)));
    for (let step = 0; step < 500; step++) {
      const next = ids.filter(() => r.int(3) === 0);
      marks.set(next);
      for (const id of ids) expect(els.get(id)?.attrs.has(NEAR)).toBe(next.includes(id) && id !== 'n7');
    }
  });
});

describe('edgesAt', () => {
  const a = node('service:a', 0, 0, 260, 100);
  const b = node('service:b', 600, 300, 260, 100);
  const lookup = new Map([a, b].map((n) => [n.id, n]));
  const link: RasterEdge = { id: 'link:a->b', type: 'link', source: a.id, target: b.id, sourceHandle: 'uses', targetHandle: 'used' };
  const bezier = (c: ReturnType<typeof edgeCurve>, t: number) => {
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return { x: c.reduce((s, p, i) => s + (w[i] ?? 0) * p.x, 0), y: c.reduce((s, p, i) => s + (w[i] ?? 0) * p.y, 0) };
  };

  it('finds an edge at any point of its curve and within its interaction reach, not beyond', () => {
    const c = edgeCurve(a, b, link);
    for (const t of [0, 0.1, 0.33, 0.5, 0.71, 0.95, 1]) {
      const p = bezier(c, t);
      expect(edgesAt([link], lookup, p, 0)).toEqual([link.id]);
      expect(
        edgesAt([link], lookup, { x: p.x, y: p.y + EDGE_REACH - 1.5 }, 0).length +
          edgesAt([link], lookup, { x: p.x, y: p.y - EDGE_REACH + 1.5 }, 0).length,
      ).toBe(2);
    }
    // Mid-curve, 40 units off it (the curve runs about diagonally there).
    const m = bezier(c, 0.5);
    expect(edgesAt([link], lookup, { x: m.x + 40, y: m.y - 40 }, 0)).toEqual([]);
    expect(edgesAt([link], lookup, { x: m.x + 40, y: m.y - 40 }, 60)).toEqual([link.id]);
  });

  it('skips edges with an end missing; finds hidden (not mounted) edges and edges of hidden ends', () => {
    const p = bezier(edgeCurve(a, b, link), 0.5);
    expect(edgesAt([{ ...link, hidden: true }], lookup, p, 0)).toEqual([link.id]);
    expect(edgesAt([{ ...link, target: 'service:gone' }], lookup, p, 0)).toEqual([]);
    const hiddenB = new Map(lookup).set(b.id, { ...b, hidden: true });
    expect(edgesAt([link], hiddenB, p, 0)).toEqual([link.id]);
  });

  it("takes a step edge (join) by its ends' box grown by its offset", () => {
    const net = node('network:n', 0, -200, 400, 40, { type: 'network' });
    const join: RasterEdge = {
      id: 'join:a->n',
      type: 'join',
      source: a.id,
      target: net.id,
      sourceHandle: 'joins',
      targetHandle: 'members',
    };
    const l = new Map([a, net].map((n) => [n.id, n]));
    expect(edgesAt([join], l, { x: 150, y: -100 }, 0)).toEqual([join.id]);
    expect(edgesAt([join], l, { x: 700, y: -100 }, 0)).toEqual([]);
  });
});
