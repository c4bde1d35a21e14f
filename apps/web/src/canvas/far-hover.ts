import { useStoreApi } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { graphItems } from './far-live';
import { curveBox, edgeCurve, nodeBox, type RasterEdge, type RasterNode, type XY } from './raster-scene';

/**
 * The far view of a large graph (canvas.css, `.canvas.is-far.is-sparse`): the raster draws every
 * node; a node wrapper is taken out of rendering (display: none — no layout, paint, hit testing or
 * place in the accessibility tree) once its box is measured (raster-boxes.ts marks it), unless it is
 * selected, dragged, holds the focus or lies under the pointer (`data-near`, set here). At 1,000
 * services ~500 transformed wrappers and their handles left every frame's layout, pre-paint,
 * layerization and hover hit test (Chrome hit-tests again after each layout while the mouse rests
 * over the canvas).
 *
 * The pointer's node is found from React Flow's node lookup (the same boxes the raster draws) on
 * each pointer move, in the move's own task: the wrapper is in the layout before the press that
 * follows is hit-tested, so a click selects, a drag moves and a right click opens the node's menu
 * as before, and the cursor and hover show on it. Edges likewise: an edge's <svg> renders only
 * while it is selected, focused or its interaction path may be under the pointer (edgesAt), so a
 * click still selects it and its context menu opens.
 */
export const NEAR = 'data-near';
/** How far around a box (screen px) the pointer already shows its wrapper: handles stick out of it. */
export const NEAR_MARGIN_PX = 8;

/** The ids of the nodes (those not mounted, `hidden` — far-live.ts — too) whose box, grown by `margin` (flow units), holds the flow point `p`. */
export function nodesAt(nodes: Iterable<RasterNode>, p: XY, margin: number): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const b = nodeBox(n);
    if (p.x >= b.x - margin && p.x <= b.x + b.width + margin && p.y >= b.y - margin && p.y <= b.y + b.height + margin) out.push(n.id);
  }
  return out;
}

/** Half the width of an edge's interaction path (React Flow's default interactionWidth: 20). */
export const EDGE_REACH = 10;
/** How far a step edge (JoinEdge: getSmoothStepPath) may run past its ends' box: its offset. */
const STEP_OFFSET = 20;
const SAMPLES = 24;

/**
 * The ids of the edges whose interaction path may be within `margin` (flow units) of `p`: within
 * EDGE_REACH + margin of the bezier the raster draws (raster-scene edgeCurve: React Flow's
 * getBezierPath), or, for a step edge (type 'join'), inside its ends' box grown by its offset — a
 * superset: the page's own hit test decides on the shown path.
 */
export function edgesAt(edges: Iterable<RasterEdge>, lookup: ReadonlyMap<string, RasterNode>, p: XY, margin: number): string[] {
  const out: string[] = [];
  const reach = EDGE_REACH + margin;
  for (const e of edges) {
    // `hidden` edges and ends are the far view's not mounted ones (far-live.ts): found all the same.
    const source = lookup.get(e.source);
    const target = lookup.get(e.target);
    if (!source || !target) continue;
    const c = edgeCurve(source, target, e);
    const grow = e.type === 'join' ? STEP_OFFSET + reach : reach;
    const b = curveBox(c);
    if (p.x < b.x - grow || p.x > b.x + b.width + grow || p.y < b.y - grow || p.y > b.y + b.height + grow) continue;
    if (e.type === 'join' || nearCurve(c, p, reach)) out.push(e.id);
  }
  return out;
}

/** Whether `p` lies within `reach` of the cubic bezier `c` (sampled as SAMPLES segments). */
function nearCurve(c: readonly [XY, XY, XY, XY], p: XY, reach: number): boolean {
  const [a, b, d, f] = c;
  let last = a;
  for (let i = 1; i <= SAMPLES; i++) {
    const t = i / SAMPLES;
    const u = 1 - t;
    const w0 = u * u * u;
    const w1 = 3 * u * u * t;
    const w2 = 3 * u * t * t;
    const w3 = t * t * t;
    const q = { x: w0 * a.x + w1 * b.x + w2 * d.x + w3 * f.x, y: w0 * a.y + w1 * b.y + w2 * d.y + w3 * f.y };
    if (segmentDistance(p, last, q) <= reach) return true;
    last = q;
  }
  return false;
}

function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** What the marks touch of a wrapper (an Element in the page; a fake in tests). */
export interface Markable {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** The wrappers marked near the pointer: marks the new ones and unmarks those the pointer left. */
export class NearMarks<E extends Markable> {
  private marked = new Map<string, E>();

  constructor(private readonly find: (id: string) => E | null | undefined) {}

  get ids(): readonly string[] {
    return [...this.marked.keys()];
  }

  /** Marks exactly the wrappers of `ids` (those mounted; a node mounted later is found on the next move). */
  set(ids: readonly string[]): void {
    const next = new Map<string, E>();
    for (const id of ids) {
      const el = this.marked.get(id) ?? this.find(id);
      if (!el) continue;
      next.set(id, el);
      if (!this.marked.has(id)) el.setAttribute(NEAR, '');
    }
    for (const [id, el] of this.marked) if (!next.has(id)) el.removeAttribute(NEAR);
    this.marked = next;
  }

  clear(): void {
    this.set([]);
  }
}

const NOTHING: ReadonlySet<string> = new Set();
/** How long the pointer rests before the edges near it are mounted. */
export const EDGE_REST_MS = 50;

/** Whether two id lists hold the same ids in the same order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => b[i] === id);
}

/**
 * While `active` (the far view of a large graph), the ids of the nodes and edges that must be
 * live beside the selection (far-live.ts): those near the pointer and the one holding the keyboard
 * focus. On a pointer move that changes the near set, React renders at once (flushSync), so the
 * node or edge is mounted — and marked near (data-near: canvas.css shows it even once its box is
 * marked) — before the press that follows is hit-tested. While a button is held nothing changes: a
 * dragged node stays mounted (then it is selected), and a pan's moves pay nothing here. A press with
 * no move before it (a touch) finds no node that is not selected: the pane gets it.
 */
export function useFarHover(host: HTMLElement | null, active: boolean): ReadonlySet<string> {
  const api = useStoreApi();
  const [keep, setKeep] = useState<ReadonlySet<string>>(NOTHING);
  useEffect(() => {
    if (!host || !active) return;
    const find = (id: string) => host.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    const marks = new NearMarks(find);
    const edgeMarks = new NearMarks((id) => host.querySelector<SVGElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"]`));
    let nearNodes: string[] = [];
    let nearEdges: string[] = [];
    let focused: string | undefined;
    let restTimer: ReturnType<typeof setTimeout> | undefined;
    const publish = () => {
      const near = [...nearNodes, ...nearEdges];
      const next = focused === undefined || near.includes(focused) ? near : [...near, focused];
      setKeep((prev) => (prev.size === next.length && next.every((id) => prev.has(id)) ? prev : new Set(next)));
    };
    const onMove = (e: PointerEvent) => {
      // A button held (a drag, a pan, a selection rectangle): the marks stay as they were at the press.
      if (e.buttons !== 0) return;
      const s = api.getState();
      const pane = s.domNode?.getBoundingClientRect();
      if (!pane) return;
      const [tx, ty, zoom] = s.transform;
      const p = { x: (e.clientX - pane.left - tx) / zoom, y: (e.clientY - pane.top - ty) / zoom };
      const lookup = s.nodeLookup as unknown as ReadonlyMap<string, RasterNode>;
      const nodeIds = nodesAt(lookup.values(), p, NEAR_MARGIN_PX / zoom);
      if (!sameIds(nodeIds, nearNodes)) {
        nearNodes = nodeIds;
        // Mounted now, in the move's task: the press that follows lands on it.
        flushSync(publish);
      }
      marks.set(nodeIds);
      // Edges once the pointer rests (EDGE_REST_MS): it crosses one every few pixels in the far
      // view, and each change of what React Flow mounts is a render. One aimed at is still mounted
      // before the press.
      clearTimeout(restTimer);
      restTimer = setTimeout(() => {
        const edgeIds = edgesAt(graphItems(s.edges) as Iterable<RasterEdge>, lookup, p, NEAR_MARGIN_PX / zoom);
        if (!sameIds(edgeIds, nearEdges)) {
          nearEdges = edgeIds;
          flushSync(publish);
        }
        edgeMarks.set(edgeIds);
      }, EDGE_REST_MS);
    };
    const onLeave = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      clearTimeout(restTimer);
      marks.clear();
      edgeMarks.clear();
      if (nearNodes.length === 0 && nearEdges.length === 0) return;
      nearNodes = [];
      nearEdges = [];
      publish();
    };
    const itemOf = (t: EventTarget | null) =>
      t instanceof Element ? (t.closest('.react-flow__node, .react-flow__edge')?.getAttribute('data-id') ?? undefined) : undefined;
    const onFocus = (e: FocusEvent) => {
      const id = itemOf(e.target);
      if (id === focused) return;
      focused = id;
      publish();
    };
    const onBlur = (e: FocusEvent) => {
      if (focused === undefined || itemOf(e.relatedTarget) !== undefined) return; // the focusin that follows says where
      focused = undefined;
      publish();
    };
    host.addEventListener('pointermove', onMove, { capture: true, passive: true });
    host.addEventListener('pointerleave', onLeave, { passive: true });
    host.addEventListener('focusin', onFocus);
    host.addEventListener('focusout', onBlur);
    focused = itemOf(document.activeElement);
    if (focused !== undefined) publish();
    return () => {
      host.removeEventListener('pointermove', onMove, { capture: true });
      host.removeEventListener('pointerleave', onLeave);
      host.removeEventListener('focusin', onFocus);
      host.removeEventListener('focusout', onBlur);
      clearTimeout(restTimer);
      marks.clear();
      edgeMarks.clear();
      setKeep(NOTHING);
    };
  }, [host, active, api]);
  return keep;
}

/** Set on a node's box (the exposure tags': their width follows their text) once it was laid out with a size. */
export const MEASURED = 'data-measured';

/**
 * Ref callback: marks the element MEASURED after its first layout with a size (a ResizeObserver
 * report, in the same frame as React Flow's own measurement of the node), so a sparse far view
 * takes out of rendering only nodes React Flow has measured; a new ref (new text) measures again.
 */
export function markWhenMeasured(el: HTMLElement | null): (() => void) | undefined {
  if (!el || typeof ResizeObserver === 'undefined') return undefined;
  el.removeAttribute(MEASURED);
  const sizes = new ResizeObserver((entries) => {
    const b = entries[0]?.borderBoxSize?.[0];
    if (!b || b.inlineSize === 0 || b.blockSize === 0) return;
    el.setAttribute(MEASURED, '');
    sizes.disconnect();
  });
  sizes.observe(el);
  return () => sizes.disconnect();
}
