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

const CONTAINER = 'container:';
const SERVICE = elementId.service('');

/**
 * The 1-based lines the selected elements produced, from a compiled file's source map. Runs over the
 * whole map after every edit (thousands of entries at 1,000 services): a container's entry is matched
 * by its prefix (`container:<selected service>/`), not by building its service's id.
 */
export function highlightedLines(ranges: readonly Range[], selection: readonly string[]): Set<number> {
  const selected = new Set(selection);
  const lines = new Set<number>();
  if (selected.size === 0) return lines;
  const containers = selection.filter((id) => id.startsWith(SERVICE)).map((id) => `${CONTAINER}${id.slice(SERVICE.length)}/`);
  const isSelected = (id: string) => (id.startsWith(CONTAINER) ? containers.some((p) => id.startsWith(p)) : selected.has(id));
  for (const r of ranges) if (isSelected(r.elementId)) for (let l = r.startLine; l <= r.endLine; l++) lines.add(l);
  return lines;
}

/** The canvas element that produced a line: the innermost (shortest) range holding it. */
export function elementAtLine(ranges: readonly Range[], line: number): string | undefined {
  let best: Range | undefined;
  for (const r of ranges)
    if (r.startLine <= line && line <= r.endLine && (!best || r.endLine - r.startLine < best.endLine - best.startLine)) best = r;
  return best && canvasElement(best.elementId);
}
