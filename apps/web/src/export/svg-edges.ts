import { getBezierPath, getSmoothStepPath, Position } from '@xyflow/react';
import type { DiagramEdge, EdgeEnd, Side } from './diagram';
import { FONT_MONO, fitText, type Palette, textWidth } from './palette';
import { attrs, textEl } from './xml';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawnEdge {
  path: string;
  label: string;
  /** Every point the drawing reaches (path control points and the label's corners): the viewBox must hold them. */
  extent: Array<[number, number]>;
}

const POSITION: Record<Side, Position> = { left: Position.Left, right: Position.Right, top: Position.Top, bottom: Position.Bottom };

/** Marker ids by stroke colour: SVG 1.1 markers cannot take the stroke of the path they end (context-stroke is SVG 2). */
export function arrowId(colour: string): string {
  return `arrow-${colour.replace(/[^0-9a-z]/gi, '')}`;
}

/**
 * An edge as the canvas draws it: the same bezier as React Flow's (getBezierPath), links solid with
 * an arrow and their start condition as a label, mounts dashed with the mount paths as label.
 */
export function drawEdge(e: DiagramEdge, boxes: ReadonlyMap<string, Box>, p: Palette): DrawnEdge | undefined {
  const s = boxes.get(e.source);
  const t = boxes.get(e.target);
  if (!s || !t) return undefined;
  const [from, to] = e.from && e.to ? [e.from, e.to] : defaultEnds(e.type, s, t);
  const ends = {
    sourceX: from.x,
    sourceY: from.y,
    sourcePosition: POSITION[from.side],
    targetX: to.x,
    targetY: to.y,
    targetPosition: POSITION[to.side],
  };
  // Network memberships and exposures are right-angled on the canvas (JoinEdge.tsx), the rest bezier.
  const stepped = e.type === 'join' || e.type === 'expose';
  const [path, lx, ly] = stepped ? getSmoothStepPath({ ...ends, borderRadius: e.type === 'join' ? 8 : 6 }) : getBezierPath(ends);
  const extent = pathPoints(path);
  const d = e.data ?? {};
  let stroke = p.edge;
  let dash: string | undefined;
  let label: string;
  let mono = false;
  let marker = true;
  if (e.type === 'mount') {
    stroke = p.edgeMount;
    dash = '5 4';
    marker = false;
    mono = true;
    label = Array.isArray(d.targets) ? d.targets.filter((x) => typeof x === 'string').join(', ') : '';
  } else if (e.type === 'join') {
    stroke = p.network;
    dash = '2 3';
    marker = false;
    label = '';
  } else if (e.type === 'expose') {
    stroke = p.accent;
    dash = '4 3';
    label = '';
  } else if (e.type === 'link') {
    const condition = typeof d.condition === 'string' ? d.condition : 'started';
    if (condition === 'healthy') stroke = p.edgeHealthy;
    if (condition === 'completed') stroke = p.edgeCompleted;
    label = `uses · ${condition}`;
  } else {
    label = typeof d.label === 'string' ? d.label : '';
  }
  const svgPath = `<path${attrs({
    class: `edge ${e.type.replace(/[^a-z0-9-]/gi, '')}`,
    d: path,
    fill: 'none',
    stroke,
    'stroke-width': e.type === 'link' ? 1.6 : e.type === 'expose' ? 1.2 : 1.4,
    'stroke-dasharray': dash,
    'marker-end': marker ? `url(#${arrowId(stroke)})` : undefined,
  })}/>`;
  let svgLabel = '';
  if (label) {
    const text = fitText(label, 240, 10, mono);
    const w = textWidth(text, 10, mono) + 12;
    const h = 16;
    svgLabel =
      `<g class="edge-label">` +
      `<rect${attrs({ x: lx - w / 2, y: ly - h / 2, width: w, height: h, rx: 8, fill: p.surface, stroke: p.border })}/>` +
      textEl(
        {
          x: lx,
          y: ly + 3.5,
          'text-anchor': 'middle',
          'font-size': 10,
          'font-family': mono ? FONT_MONO : undefined,
          fill: e.type === 'mount' ? p.edgeMount : p.textMuted,
        },
        text,
      ) +
      `</g>`;
    extent.push([lx - w / 2, ly - h / 2], [lx + w / 2, ly + h / 2]);
  }
  return { path: svgPath, label: svgLabel, extent };
}

/** Where the canvas's handles are: links leave on the right and arrive on the left; mounts go down, joins up. */
function defaultEnds(type: string, s: Box, t: Box): [EdgeEnd, EdgeEnd] {
  if (type === 'join')
    return [
      { x: s.x + s.width / 2, y: s.y, side: 'top' },
      { x: t.x + t.width / 2, y: t.y + t.height, side: 'bottom' },
    ];
  const vertical = type === 'mount' || (type !== 'link' && Math.abs(t.y - s.y) > Math.abs(t.x - s.x) && Math.abs(t.y - s.y) > s.height);
  if (vertical)
    return [
      { x: s.x + s.width / 2, y: s.y + s.height, side: 'bottom' },
      { x: t.x + t.width / 2, y: t.y, side: 'top' },
    ];
  return [
    { x: s.x + s.width, y: s.y + s.height / 2, side: 'right' },
    { x: t.x, y: t.y + t.height / 2, side: 'left' },
  ];
}

/** The coordinate pairs of a path: a bezier stays inside the hull of its control points. */
function pathPoints(d: string): Array<[number, number]> {
  const nums = d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi)?.map(Number) ?? [];
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i] ?? 0, nums[i + 1] ?? 0]);
  return out;
}

export function arrowMarker(colour: string): string {
  return (
    `<marker${attrs({ id: arrowId(colour), viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, orient: 'auto', markerUnits: 'userSpaceOnUse' })}>` +
    `<path${attrs({ d: 'M0 1L10 5L0 9z', fill: colour })}/></marker>`
  );
}
