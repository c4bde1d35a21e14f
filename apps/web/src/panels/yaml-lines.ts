import { elementId, elementKind } from '@blaupause/model';

interface Range {
  elementId: string;
  startLine: number;
  endLine: number;
}

/** The element a source-map entry belongs to on the canvas: containers belong to their service's node. */
export function canvasElement(id: string): string {
  if (elementKind(id) !== 'container') return id;
  const rest = id.slice('container:'.length);
  return elementId.service(rest.slice(0, rest.indexOf('/')));
}

/** The 1-based lines the selected elements produced, from a compiled file's source map. */
export function highlightedLines(ranges: readonly Range[], selection: readonly string[]): Set<number> {
  const selected = new Set(selection);
  const lines = new Set<number>();
  for (const r of ranges) if (selected.has(canvasElement(r.elementId))) for (let l = r.startLine; l <= r.endLine; l++) lines.add(l);
  return lines;
}

/** The canvas element that produced a line: the innermost (shortest) range holding it. */
export function elementAtLine(ranges: readonly Range[], line: number): string | undefined {
  let best: Range | undefined;
  for (const r of ranges)
    if (r.startLine <= line && line <= r.endLine && (!best || r.endLine - r.startLine < best.endLine - best.startLine)) best = r;
  return best && canvasElement(best.elementId);
}
