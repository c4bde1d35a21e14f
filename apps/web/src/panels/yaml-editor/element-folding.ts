import type { SourceRange } from '@blaupause/compiler';
import { type ElementKind, elementId } from '@blaupause/model';

/** A folding range in Monaco's terms: 1-based lines, `start` stays visible, `start + 1 … end` fold. */
export type FoldRange = { start: number; end: number };

/** Elements of the document's top level (their containers and links do not fold on their own), by id prefix. */
const TOP_LEVEL = (['service', 'volume', 'network', 'config', 'secret'] as const satisfies readonly ElementKind[]).map((k) =>
  elementId[k](''),
);
const isTopLevel = (id: string) => TOP_LEVEL.some((prefix) => id.startsWith(prefix));

/**
 * Folding of a long preview by blueprint element: one range per source-map entry of a top-level
 * element (a service — in Kubernetes each of its objects —, a volume, a network…) that spans more
 * than a line, in line order. Indentation
 * folding of a 40,000-line preview scans every line and keeps a region per indented block (tens
 * of thousands) after each edit; this is one region per element, computed from data the panel
 * already holds.
 */
export function elementFoldingRanges(sourceMap: readonly SourceRange[]): FoldRange[] {
  const out: FoldRange[] = [];
  // The compiler writes the map in line order: sorted only when it is not.
  let sorted = true;
  for (const r of sourceMap) {
    if (r.endLine <= r.startLine || !isTopLevel(r.elementId)) continue;
    const last = out[out.length - 1];
    if (last && byLine(last, { start: r.startLine, end: r.endLine }) > 0) sorted = false;
    out.push({ start: r.startLine, end: r.endLine });
  }
  if (!sorted) out.sort(byLine);
  // In line order, equal ranges are neighbours: keep one of each.
  let kept = 0;
  for (const r of out) {
    const prev = out[kept - 1];
    if (!prev || prev.start !== r.start || prev.end !== r.end) out[kept++] = r;
  }
  out.length = kept;
  return out;
}

const byLine = (a: FoldRange, b: FoldRange) => a.start - b.start || b.end - a.end;

/** The source map a long preview model folds by (no entry: the editor's indentation folding). */
const byModel = new WeakMap<object, readonly SourceRange[]>();

export function setElementFolding(model: object, sourceMap: readonly SourceRange[] | undefined): void {
  if (sourceMap) byModel.set(model, sourceMap);
  else byModel.delete(model);
}

/** The model's element folding ranges, or null (Monaco then folds by indentation). */
export function elementFoldingOf(model: object): FoldRange[] | null {
  const map = byModel.get(model);
  if (!map) return null;
  let ranges = rangesOf.get(map);
  if (!ranges) {
    ranges = elementFoldingRanges(map);
    rangesOf.set(map, ranges);
  }
  // Monaco keeps what it is given: a copy each time.
  return ranges.slice();
}

/** Each source map's ranges, computed once (Monaco asks again after a tab switch, or twice per edit). */
const rangesOf = new WeakMap<readonly SourceRange[], FoldRange[]>();
