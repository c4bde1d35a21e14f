/**
 * The far view of a large graph (Canvas `sparse`): the raster (FlowRaster) draws every node and
 * edge, so React Flow mounts only the items that must be live in the DOM — selected, focused,
 * dragged, or near the pointer (far-hover.ts) — and gets every other node with `hidden: true`;
 * the other edges it does not get at all (FarFilter; the export reads them through graphEdges). At
 * 1,000 services ~500 node wrappers and ~1,300 edges (~20,000 elements) left the page: React no
 * longer clones the wrappers on an edit, style recalculation and hit testing no longer walk them.
 *
 * `hidden` here means only "not mounted": React Flow keeps a hidden node in its node lookup with
 * its position, `measured` size (the last measured one, useMeasuredNodes, or the estimate of a node
 * never mounted) and handle bounds, so the raster, the minimap, far-hover's hit test, fitView
 * (Canvas: includeHiddenNodes), select-all and the export (withLiveData) still see the whole graph.
 * The app hides nothing else. A node React Flow has no size for (a network segment before its first
 * render) stays live until measured.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { type Box, nodeBox, type RasterNode } from './raster-scene';

interface Item {
  id: string;
  hidden?: boolean;
  selected?: boolean;
}

interface NodeItem extends Item {
  dragging?: boolean;
  measured?: { width?: number; height?: number };
}

/** Whether a node must be mounted: selected, dragged, kept (focused or near the pointer), or not sized yet. */
export function isLiveNode(n: NodeItem, keep: ReadonlySet<string>): boolean {
  return n.selected === true || n.dragging === true || keep.has(n.id) || !n.measured?.width || !n.measured?.height;
}

/** Whether an edge must be mounted: selected or kept (focused or near the pointer). */
export function isLiveEdge(e: Item, keep: ReadonlySet<string>): boolean {
  return e.selected === true || keep.has(e.id);
}

/** The graph a (possibly hiding) array handed to React Flow shows: its source array. */
const sources = new WeakMap<readonly unknown[], readonly unknown[]>();

/**
 * The items React Flow was given, as the graph: the array before hiding (the same for every change
 * of the live set), so what draws the whole graph (raster, minimap) redraws when the graph changes,
 * not when the pointer mounts a node.
 */
export function graphItems<T>(items: readonly T[]): readonly T[] {
  return (sources.get(items) as readonly T[] | undefined) ?? items;
}

/**
 * Hands React Flow `items` with every one not live hidden. A hidden item is the same object while
 * its source is (React Flow re-adopts a node whose object changed), and the answer is the last
 * array when every item is as last time.
 */
export class FarHider<T extends Item> {
  private readonly hiddenOf = new WeakMap<T, T>();
  private last: { items: readonly T[]; out: T[] } | undefined;

  apply(items: T[], live: (item: T) => boolean): T[] {
    const prev = this.last?.items === items ? this.last.out : undefined;
    let same = prev !== undefined;
    const out = items.map((item, i) => {
      let next = item;
      if (!live(item)) {
        next = this.hiddenOf.get(item) ?? ({ ...item, hidden: true } as T);
        this.hiddenOf.set(item, next);
      }
      if (same && prev?.[i] !== next) same = false;
      return next;
    });
    if (same && prev) return prev;
    sources.set(out, items);
    this.last = { items, out };
    return out;
  }
}

/**
 * Edges are left out instead (not hidden): React Flow renders an edge wrapper for every edge in
 * view, hidden or not, and each subscribes to its store — ~1,300 selectors ran on every store
 * update, and a node mounted under the pointer makes two. The answer is the last array when the
 * same items are live.
 */
export class FarFilter<T> {
  private last: { items: readonly T[]; out: T[] } | undefined;

  apply(items: T[], live: (item: T) => boolean): T[] {
    const out = items.filter(live);
    const prev = this.last;
    if (prev && prev.items === items && prev.out.length === out.length && out.every((x, i) => prev.out[i] === x)) return prev.out;
    sources.set(out, items);
    this.last = { items, out };
    return out;
  }
}

/** The graph's edges by the canvas's LiveData: React Flow has only the live ones in the far view (FarFilter). */
const graphEdgesOf = new WeakMap<object, readonly unknown[]>();

export function setGraphEdges(live: object, edges: readonly unknown[]): void {
  graphEdgesOf.set(live, edges);
}

/** Every edge of the graph (the export), or undefined before the canvas rendered. */
export function graphEdges<T>(live: object | null): T[] | undefined {
  return live ? (graphEdgesOf.get(live) as T[] | undefined) : undefined;
}

/** Items as the graph holds them: without the far view's `hidden` (export, anything that reads React Flow's items as the diagram). */
export function unhidden<T extends { hidden?: boolean }>(item: T): T {
  if (!item.hidden) return item;
  const { hidden: _, ...rest } = item;
  return rest as T;
}

/**
 * React Flow fits only measured, shown nodes unless told `includeHiddenNodes`: every fitView —
 * the toolbar's, the controls', a problem's "show", a paste's — fits the far view's hidden nodes
 * too (they have sizes; the app hides nothing else). fitView is queued in React Flow's store with
 * its options; this adds the flag as soon as they are queued, before the queue runs.
 */
export function useFitHiddenNodes(): void {
  const api = useStoreApi();
  useEffect(
    () =>
      api.subscribe((s) => {
        if (!s.fitViewQueued || s.fitViewOptions?.includeHiddenNodes) return;
        api.setState({ fitViewOptions: { ...s.fitViewOptions, includeHiddenNodes: true } });
      }),
    [api],
  );
}

/**
 * The hidden nodes wholly inside a selection rectangle (`rect` in pane px, React Flow's
 * userSelectionRect; `transform` the view's) — React Flow's own box selection (getNodesInside,
 * SelectionMode.Full) skips hidden nodes.
 */
export function hiddenInside(nodes: Iterable<RasterNode>, rect: Box, [tx, ty, zoom]: readonly [number, number, number]): string[] {
  const x0 = (rect.x - tx) / zoom;
  const y0 = (rect.y - ty) / zoom;
  const x1 = x0 + rect.width / zoom;
  const y1 = y0 + rect.height / zoom;
  const out: string[] = [];
  for (const n of nodes) {
    if (!n.hidden) continue;
    const b = nodeBox(n);
    if (b.width > 0 && b.height > 0 && b.x >= x0 && b.y >= y0 && b.x + b.width <= x1 && b.y + b.height <= y1) out.push(n.id);
  }
  return out;
}

/**
 * A selection rectangle drawn in the far view selects the hidden nodes inside it too: on each
 * change of the rectangle, `select` gets those not selected yet (once selected they are live, and
 * React Flow's own selection sees them from its next move on — and drops them if the rectangle
 * shrinks past them).
 */
export function useFarBoxSelect(active: boolean, select: (ids: string[]) => void): void {
  const api = useStoreApi();
  useEffect(() => {
    if (!active) return;
    let last: unknown;
    return api.subscribe((s) => {
      const rect = s.userSelectionRect;
      if (!s.userSelectionActive || !rect || rect === last) return;
      last = rect;
      const ids = hiddenInside(s.nodeLookup.values() as unknown as Iterable<RasterNode>, rect, s.transform);
      if (ids.length > 0) select(ids);
    });
  }, [api, active, select]);
}
