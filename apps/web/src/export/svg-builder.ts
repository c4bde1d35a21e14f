import type { Diagram } from './diagram';
import { FONT_SANS, fitText, LIGHT_PALETTE, type Palette } from './palette';
import { arrowMarker, type Box, type DrawnEdge, drawEdge } from './svg-edges';
import { type DrawnNode, drawNode } from './svg-nodes';
import { attrs, escapeXml, num, textEl } from './xml';

const MARGIN = 32;
const TITLE_SPACE = 52;

/**
 * The diagram as a standalone vector drawing: shapes and text only (no foreignObject, which Word and
 * Inkscape render badly), every colour and font as presentation attributes (no stylesheet to lose
 * when the file is embedded), the blueprint's name as title, and a viewBox fitted to what is drawn.
 * Pure: everything it needs is in `diagram`, so it runs in tests and in the browser alike.
 */
export function buildSvg(diagram: Diagram, palette: Palette = LIGHT_PALETTE): string {
  const drawn = new Map<string, DrawnNode>();
  const boxes = new Map<string, Box>();
  for (const n of diagram.nodes) {
    const d = drawNode(n, palette);
    drawn.set(n.id, d);
    boxes.set(n.id, { x: n.x, y: n.y, width: d.width, height: d.height });
  }
  const edges = diagram.edges.flatMap((e) => {
    const d = drawEdge(e, boxes, palette);
    return d ? [d] : [];
  });

  const b = bounds([...boxes.values()], edges);
  const titleWidth = Math.max(b.maxX - b.minX, 320);
  const x0 = b.minX - MARGIN;
  const y0 = b.minY - MARGIN - TITLE_SPACE;
  const width = Math.max(b.maxX - b.minX, titleWidth) + 2 * MARGIN;
  const height = b.maxY - b.minY + 2 * MARGIN + TITLE_SPACE;

  const colours = new Set([palette.edge, palette.edgeHealthy, palette.edgeCompleted, palette.accent]);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      version: '1.1',
      width: Math.ceil(width),
      height: Math.ceil(height),
      viewBox: `${num(x0)} ${num(y0)} ${num(Math.ceil(width))} ${num(Math.ceil(height))}`,
      'font-family': FONT_SANS,
      role: 'img',
      'aria-labelledby': 'diagram-title',
    })}>\n`,
  );
  out.push(`<title id="diagram-title">${escapeXml(diagram.title)}</title>\n`);
  if (diagram.subtitle) out.push(`<desc>${escapeXml(diagram.subtitle)}</desc>\n`);
  out.push(`<defs>${[...colours].map(arrowMarker).join('')}</defs>\n`);
  out.push(`<rect${attrs({ x: x0, y: y0, width: Math.ceil(width), height: Math.ceil(height), fill: palette.background })}/>\n`);
  const tx = x0 + MARGIN;
  const ty = y0 + MARGIN;
  out.push(
    textEl(
      { class: 'diagram-title', x: tx, y: ty + 6, 'font-size': 18, 'font-weight': 700, fill: palette.text },
      fitText(diagram.title, width - 2 * MARGIN, 18),
    ),
  );
  if (diagram.subtitle)
    out.push(textEl({ x: tx, y: ty + 26, 'font-size': 12, fill: palette.textMuted }, fitText(diagram.subtitle, width - 2 * MARGIN, 12)));
  out.push(`\n<g class="edges">${edges.map((e) => e.path).join('\n')}</g>\n`);
  out.push(`<g class="nodes">${[...drawn.values()].map((d) => d.svg).join('\n')}</g>\n`);
  out.push(`<g class="edge-labels">${edges.map((e) => e.label).join('\n')}</g>\n`);
  out.push('</svg>\n');
  return out.join('');
}

/** The drawn area; an empty diagram is a small blank page under its title. */
function bounds(boxes: Box[], edges: DrawnEdge[]) {
  if (boxes.length === 0) return { minX: 0, minY: 0, maxX: 320, maxY: 80 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const add = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const b of boxes) {
    add(b.x, b.y);
    add(b.x + b.width, b.y + b.height);
  }
  for (const e of edges) for (const [x, y] of e.extent) add(x, y);
  return { minX, minY, maxX, maxY };
}
