import type { Tokens } from '../theme/tokens';
import {
  type Box,
  curveBox,
  edgeColour,
  edgeCurve,
  HEADER_H,
  intersects,
  kindLabel,
  nodeBorder,
  nodeBox,
  type RasterEdge,
  type RasterNode,
  ROW_H,
  visibleRect,
} from './raster-scene';

export interface RasterFrame {
  nodeLookup: ReadonlyMap<string, RasterNode>;
  edges: readonly RasterEdge[];
  transform: readonly [number, number, number];
  width: number;
  height: number;
}

export interface RasterOptions {
  /** Pod rows and the dot grid too (a gesture at working zoom); else boxes, headers and edges (far view). */
  detail: boolean;
  /** The dot grid's spacing in flow units (React Flow's Background gap). */
  grid: number;
  dpr: number;
}

const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const MONO = 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace';
/** Below this many screen pixels a glyph is unreadable: a bar stands for the title instead. */
const MIN_TEXT_PX = 4;

/**
 * Draws the graph on one 2D canvas: what the DOM nodes and SVG edges show, simplified, in one
 * bitmap. Batched by colour (one path per stroke style), culled to the visible rectangle.
 */
export function drawRaster(ctx: CanvasRenderingContext2D, f: RasterFrame, t: Tokens, o: RasterOptions): { nodes: number; edges: number } {
  const [tx, ty, zoom] = f.transform;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (o.detail) drawDots(ctx, f, t, o);
  ctx.setTransform(o.dpr * zoom, 0, 0, o.dpr * zoom, o.dpr * tx, o.dpr * ty);
  const view = visibleRect(f.transform, f.width, f.height);
  const margin = 40 / zoom;
  const seen: Box = { x: view.x - margin, y: view.y - margin, width: view.width + 2 * margin, height: view.height + 2 * margin };

  // Edges under the nodes, one path per colour.
  const byColour = new Map<string, Path2D>();
  let edges = 0;
  for (const e of f.edges) {
    // `hidden` is the far view's "not mounted" (far-live.ts): drawn here all the same.
    const s = f.nodeLookup.get(e.source);
    const d = f.nodeLookup.get(e.target);
    if (!s || !d) continue;
    const c = edgeCurve(s, d, e);
    if (!intersects(curveBox(c), seen)) continue;
    const colour = edgeColour(e, t);
    const path = pathFor(byColour, colour);
    path.moveTo(c[0].x, c[0].y);
    path.bezierCurveTo(c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y);
    edges++;
  }
  ctx.lineWidth = Math.max(1.4, 1 / zoom);
  for (const [colour, path] of byColour) {
    ctx.strokeStyle = colour;
    ctx.stroke(path);
  }

  // Nodes: boxes in one fill, borders per colour, then headers.
  const shown: Array<{ n: RasterNode; b: Box }> = [];
  for (const n of f.nodeLookup.values()) {
    const b = nodeBox(n);
    if (intersects(b, seen)) shown.push({ n, b });
  }
  const boxes = new Path2D();
  const borders = new Map<string, Path2D>();
  const rules = new Path2D();
  for (const { n, b } of shown) {
    boxes.rect(b.x, b.y, b.width, b.height);
    const colour = nodeBorder(n, t);
    pathFor(borders, colour).rect(b.x, b.y, b.width, b.height);
    if (n.type !== 'exposure') {
      rules.moveTo(b.x, b.y + HEADER_H);
      rules.lineTo(b.x + b.width, b.y + HEADER_H);
    }
  }
  ctx.fillStyle = t.surface;
  ctx.fill(boxes);
  ctx.lineWidth = 1 / zoom;
  ctx.strokeStyle = t.border;
  ctx.stroke(rules);
  for (const [colour, path] of borders) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = (colour === t.accent ? 2.4 : 1.2) / Math.min(1, zoom);
    ctx.stroke(path);
  }
  drawHeaders(ctx, shown, t, zoom);
  if (o.detail && 13 * zoom >= MIN_TEXT_PX) drawPods(ctx, shown, t);
  return { nodes: shown.length, edges };
}

function pathFor(paths: Map<string, Path2D>, colour: string): Path2D {
  const known = paths.get(colour);
  if (known) return known;
  const path = new Path2D();
  paths.set(colour, path);
  return path;
}

/** Kind chip and title; below a readable size a bar the title's length instead. */
function drawHeaders(ctx: CanvasRenderingContext2D, shown: ReadonlyArray<{ n: RasterNode; b: Box }>, t: Tokens, zoom: number): void {
  const readable = 13 * zoom >= MIN_TEXT_PX;
  const chips = new Path2D();
  for (const { n, b } of shown) if (n.type !== 'exposure') chips.rect(b.x + 12, b.y + 9, 30, 16);
  ctx.fillStyle = t['accent-soft'];
  ctx.fill(chips);
  if (!readable) {
    const bars = new Path2D();
    for (const { n, b } of shown) {
      const len = Math.min(b.width - 70, 8 * String(n.data.name ?? n.data.service ?? '').length);
      bars.rect(b.x + 50, b.y + 11, Math.max(20, len), 12);
    }
    ctx.fillStyle = t['text-muted'];
    ctx.fill(bars);
    return;
  }
  ctx.textBaseline = 'middle';
  ctx.font = `700 10px ${SANS}`;
  ctx.fillStyle = t.accent;
  for (const { n, b } of shown) if (n.type !== 'exposure') ctx.fillText(kindLabel(n.type), b.x + 16, b.y + 17);
  ctx.font = `650 13px ${SANS}`;
  ctx.fillStyle = t.text;
  for (const { n, b } of shown) {
    const name = n.type === 'exposure' ? String(n.data.published ?? n.data.ingress ?? '') : String(n.data.name ?? '');
    ctx.fillText(name, n.type === 'exposure' ? b.x + 8 : b.x + 50, b.y + (n.type === 'exposure' ? b.height / 2 : 17), b.width - 70);
  }
}

interface PodRow {
  name: string;
  role: string;
  image?: string;
}

/** The pod rows of services: role, name and image, as the DOM node lists them. */
function drawPods(ctx: CanvasRenderingContext2D, shown: ReadonlyArray<{ n: RasterNode; b: Box }>, t: Tokens): void {
  ctx.font = `600 12px ${SANS}`;
  for (const { n, b } of shown) {
    if (n.type !== 'service' || !Array.isArray(n.data.containers)) continue;
    (n.data.containers as PodRow[]).forEach((c, i) => {
      const y = b.y + HEADER_H + 4 + i * ROW_H + ROW_H / 2;
      if (y > b.y + b.height) return;
      ctx.fillStyle = (t as Record<string, string>)[`role-${c.role}`] ?? t.text;
      ctx.fillText(c.role, b.x + 14, y, 50);
      ctx.fillStyle = t.text;
      ctx.fillText(c.name, b.x + 70, y, 70);
    });
  }
  ctx.font = `11px ${MONO}`;
  ctx.fillStyle = t['text-muted'];
  for (const { n, b } of shown) {
    if (n.type !== 'service' || !Array.isArray(n.data.containers)) continue;
    (n.data.containers as PodRow[]).forEach((c, i) => {
      const y = b.y + HEADER_H + 4 + i * ROW_H + ROW_H / 2;
      if (y > b.y + b.height || !c.image) return;
      // Cut as the DOM's ellipsis does (a monospace glyph is ~0.6 em), never squeezed.
      const fits = Math.max(0, Math.floor((b.width - 156) / 6.6));
      ctx.fillText(c.image.length > fits ? `${c.image.slice(0, Math.max(0, fits - 1))}…` : c.image, b.x + 146, y);
    });
  }
}

/** React Flow's dot grid (BackgroundVariant.Dots) as one pattern fill. */
function drawDots(ctx: CanvasRenderingContext2D, f: RasterFrame, t: Tokens, o: RasterOptions): void {
  const [tx, ty, zoom] = f.transform;
  const gap = o.grid * zoom * o.dpr;
  if (gap < 6) return;
  const tile = document.createElement('canvas');
  tile.width = Math.ceil(gap);
  tile.height = Math.ceil(gap);
  const tc = tile.getContext('2d');
  if (!tc) return;
  tc.fillStyle = t['canvas-dots'];
  tc.fillRect(0, 0, Math.max(1, zoom * o.dpr), Math.max(1, zoom * o.dpr));
  const pattern = ctx.createPattern(tile, 'repeat');
  if (!pattern) return;
  pattern.setTransform(new DOMMatrix([gap / tile.width, 0, 0, gap / tile.height, (tx * o.dpr) % gap, (ty * o.dpr) % gap]));
  ctx.fillStyle = pattern;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
}
