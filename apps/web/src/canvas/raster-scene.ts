import type { FlowLikeEdge } from '../export/from-flow';
import type { Tokens } from '../theme/tokens';

/**
 * The geometry of the raster view (FlowRaster): boxes and edge curves in flow coordinates, from
 * React Flow's internal nodes. Pure, so it is unit-tested without a browser.
 */
export type Side = 'left' | 'right' | 'top' | 'bottom';
export interface XY {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What FlowRaster reads of a React Flow internal node. */
export interface RasterNode {
  id: string;
  type?: string;
  hidden?: boolean;
  selected?: boolean;
  data: Record<string, unknown>;
  measured: { width?: number; height?: number };
  internals: {
    positionAbsolute: XY;
    handleBounds?: { source: RasterHandle[] | null; target: RasterHandle[] | null };
  };
}
export interface RasterHandle {
  id?: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}
/** An edge as the raster draws it: the export's edge shape plus React Flow's selection. */
export type RasterEdge = FlowLikeEdge & { selected?: boolean; data?: Record<string, unknown> };

/** The side each handle of the app's node types sits on (canvas/*Node.tsx). */
export const HANDLE_SIDE: Readonly<Record<string, Side>> = {
  used: 'left',
  uses: 'right',
  mounts: 'bottom',
  mounted: 'top',
  joins: 'top',
  members: 'bottom',
  exposes: 'right',
};

/** Height of a node header (nodes.css: 8 px padding, 13 px title, 1 px rule). */
export const HEADER_H = 34;
/** One pod row (nodes.css `.container`). */
export const ROW_H = 22;

/** A node's box: measured when it has been in the DOM, else an estimate from its data. */
export function nodeBox(n: RasterNode): Box {
  const { x, y } = n.internals.positionAbsolute;
  return { x, y, width: n.measured.width ?? estimatedWidth(n), height: n.measured.height ?? estimatedHeight(n) };
}

/** A node's size before it has been in the DOM, from its type and data (nodes.css). */
export function estimatedSize(n: Pick<RasterNode, 'type' | 'data'>): { width: number; height: number } {
  return { width: estimatedWidth(n), height: estimatedHeight(n) };
}

function estimatedWidth(n: Pick<RasterNode, 'type'>): number {
  return n.type === 'exposure' ? 180 : n.type === 'volume' ? 180 : 240;
}

function estimatedHeight(n: Pick<RasterNode, 'type' | 'data'>): number {
  if (n.type === 'exposure') return 28;
  if (n.type !== 'service') return HEADER_H + 30;
  const containers = Array.isArray(n.data.containers) ? n.data.containers.length : 1;
  const ports = Array.isArray(n.data.ports) && n.data.ports.length > 0 ? 34 : 0;
  return HEADER_H + 8 + containers * ROW_H + ports;
}

/** Where an edge leaves or enters a node: its handle's centre when measured, else the middle of that side. */
export function handlePoint(n: RasterNode, handle: string | null | undefined, kind: 'source' | 'target'): XY & { side: Side } {
  const box = nodeBox(n);
  const side = HANDLE_SIDE[handle ?? ''] ?? (kind === 'source' ? 'right' : 'left');
  const h = n.internals.handleBounds?.[kind]?.find((b) => (b.id ?? null) === (handle ?? null));
  if (h) return { x: box.x + h.x + h.width / 2, y: box.y + h.y + h.height / 2, side };
  if (side === 'left') return { x: box.x, y: box.y + box.height / 2, side };
  if (side === 'right') return { x: box.x + box.width, y: box.y + box.height / 2, side };
  if (side === 'top') return { x: box.x + box.width / 2, y: box.y, side };
  return { x: box.x + box.width / 2, y: box.y + box.height, side };
}

/** xyflow's bezier control point (getBezierPath, curvature 0.25), so the raster curve is the DOM one. */
export function controlPoint(from: XY & { side: Side }, to: XY): XY {
  const offset = (d: number) => (d >= 0 ? 0.5 * d : 0.25 * 25 * Math.sqrt(-d));
  switch (from.side) {
    case 'left':
      return { x: from.x - offset(from.x - to.x), y: from.y };
    case 'right':
      return { x: from.x + offset(to.x - from.x), y: from.y };
    case 'top':
      return { x: from.x, y: from.y - offset(from.y - to.y) };
    default:
      return { x: from.x, y: from.y + offset(to.y - from.y) };
  }
}

/** The bezier of an edge: start, two control points, end. */
export function edgeCurve(source: RasterNode, target: RasterNode, e: RasterEdge): [XY, XY, XY, XY] {
  const a = handlePoint(source, e.sourceHandle, 'source');
  const b = handlePoint(target, e.targetHandle, 'target');
  return [a, controlPoint(a, b), controlPoint(b, a), b];
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The bounding box of a curve (its control polygon's: the curve lies inside it). */
export function curveBox(c: readonly XY[]): Box {
  const xs = c.map((p) => p.x);
  const ys = c.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The flow-coordinate rectangle a pane of `width` × `height` shows under transform [tx, ty, zoom]. */
export function visibleRect(transform: readonly [number, number, number], width: number, height: number): Box {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** The stroke of an edge, as canvas.css and metamodel.css draw it. */
export function edgeColour(e: RasterEdge, t: Tokens): string {
  if (e.selected) return t.accent;
  const severity = e.data?.severity;
  if (severity === 'error') return t.error;
  if (severity === 'warning') return t.warning;
  if (e.type === 'mount') return t['edge-mount'];
  if (e.type === 'join') return t.network;
  const condition = e.data?.condition;
  if (condition === 'healthy') return t['edge-healthy'];
  if (condition === 'completed') return t['edge-completed'];
  return t.edge;
}

/** The border of a node box, as nodes.css and metamodel.css draw it. */
export function nodeBorder(n: RasterNode, t: Tokens): string {
  if (n.selected) return t.accent;
  if (n.data.severity === 'error') return t.error;
  if (n.data.severity === 'warning') return t.warning;
  if (n.type === 'network') return t.network;
  if (n.type === 'volume') return t['edge-mount'];
  return t['border-strong'];
}

/** The kind chip of a node header. */
export function kindLabel(type: string | undefined): string {
  return type === 'volume' ? 'VOL' : type === 'network' ? 'NET' : type === 'exposure' ? 'EXP' : 'SVC';
}

/** What one raster bitmap shows: a flow rectangle drawn at one zoom. */
export interface Cover {
  rect: Box;
  zoom: number;
}

/** How far beyond the view the bitmap reaches, as a share of the view's size on every side. */
export const COVER_MARGIN = 0.5;
/** Zooming in past this factor of the bitmap's own zoom blurs it: draw again. */
export const COVER_MAX_UPSCALE = 1.6;

/**
 * The rectangle to draw for a view: the view plus COVER_MARGIN on every side, so a pan of half a
 * view, or zooming out to 1 / (1 + 2 × COVER_MARGIN), is served by the same bitmap.
 */
export function coverFor(transform: readonly [number, number, number], width: number, height: number): Cover {
  const v = visibleRect(transform, width, height);
  const mx = v.width * COVER_MARGIN;
  const my = v.height * COVER_MARGIN;
  return { rect: { x: v.x - mx, y: v.y - my, width: v.width + 2 * mx, height: v.height + 2 * my }, zoom: transform[2] };
}

/** Whether a bitmap drawn for `cover` still serves the view: the view inside it and not blown up too far. */
export function coverServes(cover: Cover, transform: readonly [number, number, number], width: number, height: number): boolean {
  if (transform[2] > cover.zoom * COVER_MAX_UPSCALE) return false;
  const v = visibleRect(transform, width, height);
  const r = cover.rect;
  const eps = 0.5 / transform[2];
  return v.x >= r.x - eps && v.y >= r.y - eps && v.x + v.width <= r.x + r.width + eps && v.y + v.height <= r.y + r.height + eps;
}

/** Whether the view lies inside a cover (however blurred it is at the view's zoom). */
export function coverContains(cover: Cover, transform: readonly [number, number, number], width: number, height: number): boolean {
  return coverServes({ ...cover, zoom: Number.POSITIVE_INFINITY }, transform, width, height);
}

/** The bounding box of all nodes, those the far view does not mount (`hidden`, far-live.ts) too (undefined when there are none). */
export function nodesBounds(nodes: Iterable<RasterNode>): Box | undefined {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    const b = nodeBox(n);
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : undefined;
}
