import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { type Markable, NEAR, NearMarks, nodesAt } from './far-hover';
import { nodeBox, type RasterNode } from './raster-scene';

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
  it('finds the boxes that hold the point, grown by the margin, and skips hidden nodes', () => {
    const nodes = [node('a', 0, 0, 260, 100), node('b', 300, 0, 260, 100), node('h', 0, 0, 50, 50, { hidden: true })];
    expect(nodesAt(nodes, { x: 10, y: 10 }, 0)).toEqual(['a']);
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
        .filter((n) => !n.hidden)
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
