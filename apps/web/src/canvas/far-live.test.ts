import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { FarFilter, FarHider, graphEdges, graphItems, hiddenInside, isLiveEdge, isLiveNode, setGraphEdges, unhidden } from './far-live';
import { createLiveData, withLiveData } from './live-data';
import type { RasterNode } from './raster-scene';

interface N {
  id: string;
  hidden?: boolean;
  selected?: boolean;
  dragging?: boolean;
  measured?: { width?: number; height?: number };
  data: { n: number };
}

const sized = (id: string, more: Partial<N> = {}): N => ({ id, measured: { width: 260, height: 80 }, data: { n: 1 }, ...more });

describe('isLiveNode / isLiveEdge', () => {
  it('keeps mounted what must be: selected, dragged, kept (focused, near), not sized yet', () => {
    const keep = new Set(['near']);
    expect(isLiveNode(sized('a'), keep)).toBe(false);
    expect(isLiveNode(sized('a', { selected: true }), keep)).toBe(true);
    expect(isLiveNode(sized('a', { dragging: true }), keep)).toBe(true);
    expect(isLiveNode(sized('near'), keep)).toBe(true);
    expect(isLiveNode(sized('net', { measured: undefined }), keep)).toBe(true);
    expect(isLiveNode(sized('net', { measured: { width: 200 } }), keep)).toBe(true);
    expect(isLiveEdge({ id: 'e' }, keep)).toBe(false);
    expect(isLiveEdge({ id: 'e', selected: true }, keep)).toBe(true);
    expect(isLiveEdge({ id: 'near' }, keep)).toBe(true);
  });
});

describe('FarHider', () => {
  it('hides exactly the items not live, on seeded random graphs, live sets and edits', () => {
    const r = seeded(11);
    const hider = new FarHider<N>();
    let items = Array.from({ length: 60 }, (_, i) => sized(`n${i}`, { selected: r.int(10) === 0 }));
    for (let round = 0; round < 300; round++) {
      if (r.int(3) === 0) {
        // An edit: one item replaced (selection flipped or new data), sometimes a new one.
        const i = r.int(items.length);
        const it = items[i] as N;
        items = items.slice();
        items[i] = r.int(2) === 0 ? { ...it, selected: !it.selected } : { ...it, data: { n: it.data.n + 1 } };
        if (r.int(5) === 0) items.push(sized(`x${round}`, r.int(4) === 0 ? { measured: undefined } : {}));
      }
      const keep = new Set(Array.from({ length: r.int(4) }, () => `n${r.int(70)}`));
      const out = hider.apply(items, (n) => isLiveNode(n, keep));
      expect(out).toHaveLength(items.length);
      expect(graphItems(out)).toBe(items);
      out.forEach((o, i) => {
        const src = items[i] as N;
        const live = src.selected === true || keep.has(src.id) || !src.measured?.width;
        if (live) expect(o).toBe(src);
        else expect(o).toEqual({ ...src, hidden: true });
        expect(unhidden(o)).toEqual(src);
      });
    }
  });

  it('keeps the hidden object of an unchanged item and the array when nothing changed', () => {
    const hider = new FarHider<N>();
    const items = [sized('a'), sized('b'), sized('c')];
    const first = hider.apply(items, (n) => n.id === 'a');
    const again = hider.apply(items, (n) => n.id === 'a');
    expect(again).toBe(first);
    const moved = hider.apply(items, (n) => n.id === 'b');
    expect(moved[0]).not.toBe(items[0]);
    expect(moved[1]).toBe(items[1]);
    expect(moved[2]).toBe(first[2]);
    // Back: the hidden object of `b` is the one it had.
    expect(hider.apply(items, (n) => n.id === 'a')[1]).toBe(first[1]);
  });
});

describe('FarFilter', () => {
  it('gives React Flow exactly the live edges, in order, the same array while they are the same, the graph behind it', () => {
    const r = seeded(5);
    const filter = new FarFilter<N>();
    let items = Array.from({ length: 80 }, (_, i) => sized(`e${i}`, { selected: r.int(12) === 0 }));
    let last: N[] | undefined;
    let lastKeep = '';
    for (let round = 0; round < 300; round++) {
      if (r.int(4) === 0) {
        const i = r.int(items.length);
        items = items.slice();
        items[i] = { ...(items[i] as N), selected: !(items[i] as N).selected };
      }
      const keep = new Set(Array.from({ length: r.int(3) }, () => `e${r.int(90)}`));
      const out = filter.apply(items, (e) => isLiveEdge(e, keep));
      expect(out).toEqual(items.filter((e) => e.selected === true || keep.has(e.id)));
      expect(graphItems(out)).toBe(items);
      const key = out.map((e) => e.id).join();
      if (last && key === lastKeep && out.every((e, i) => last?.[i] === e)) expect(out).toBe(last);
      last = out;
      lastKeep = key;
    }
  });

  it('keeps the graph edges for the export by the canvas live data', () => {
    const live = createLiveData();
    expect(graphEdges(live)).toBeUndefined();
    const edges = [sized('e1')];
    setGraphEdges(live, edges);
    expect(graphEdges(live)).toBe(edges);
    expect(graphEdges(null)).toBeUndefined();
  });
});

describe('withLiveData', () => {
  it('gives the export every item, the far view hidden ones without their flag, with live data', () => {
    const live = createLiveData();
    live.apply([{ id: 'b', before: { n: 1 }, after: { n: 2 } }]);
    const out = withLiveData([sized('a', { hidden: true }), sized('b', { hidden: true }), sized('c')], live);
    expect(out.map((n) => [n.id, n.hidden, n.data.n])).toEqual([
      ['a', undefined, 1],
      ['b', undefined, 2],
      ['c', undefined, 1],
    ]);
    expect(withLiveData([sized('a', { hidden: true })], null)[0]?.hidden).toBeUndefined();
  });
});

describe('hiddenInside', () => {
  const node = (id: string, x: number, y: number, hidden = true): RasterNode => ({
    id,
    hidden,
    data: {},
    measured: { width: 100, height: 50 },
    internals: { positionAbsolute: { x, y } },
  });

  it('finds the hidden nodes wholly inside the rectangle (pane px, through the view transform)', () => {
    const nodes = [node('in', 100, 100), node('part', 420, 100), node('shown', 120, 120, false), node('out', 900, 900)];
    // The view at zoom 0.5, moved by (10, 20): flow (100, 100) is at pane (60, 70).
    const rect = { x: 60, y: 70, width: 200, height: 100 }; // flow x 100..500, y 100..300
    expect(hiddenInside(nodes, rect, [10, 20, 0.5])).toEqual(['in']);
    expect(hiddenInside(nodes, { ...rect, width: 250 }, [10, 20, 0.5])).toEqual(['in', 'part']);
  });
});
