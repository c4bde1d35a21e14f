import type { SourceRange } from '@blaupause/compiler';
import { type ElementKind, elementKind } from '@blaupause/model';

/** A folding range in Monaco's terms: 1-based lines, `start` stays visible, `start + 1 … end` fold. */
export type FoldRange = { start: number; end: number };

/** Elements of the document's top level (their containers and links do not fold on their own). */
const TOP_LEVEL: ReadonlySet<ElementKind> = new Set(['service', 'volume', 'network', 'config', 'secret']);

/**
 * Folding of a long preview by blueprint element: one range per source-map entry of a top-level
 * element (a service — in Kubernetes each of its objects —, a volume, a network…) that spans more
 * than a line, in line order. Indentation
 * folding of a 40,000-line preview scans every line and keeps a region per indented block (tens
 * of thousands) after each edit; this is one region per element, computed from data the panel
 * already holds.
 */
export function elementFoldingRanges(sourceMap: readonly SourceRange[]): FoldRange[] {
  const seen = new Set<string>();
  const out: FoldRange[] = [];
  for (const r of sourceMap) {
    if (r.endLine <= r.startLine || !TOP_LEVEL.has(elementKind(r.elementId))) continue;
    const key = `${r.startLine}:${r.endLine}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start: r.startLine, end: r.endLine });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The source map a long preview model folds by (no entry: the editor's indentation folding). */
const byModel = new WeakMap<object, readonly SourceRange[]>();

export function setElementFolding(model: object, sourceMap: readonly SourceRange[] | undefined): void {
  if (sourceMap) byModel.set(model, sourceMap);
  else byModel.delete(model);
}

/** The model's element folding ranges, or null (Monaco then folds by indentation). */
export function elementFoldingOf(model: object): FoldRange[] | null {
  const map = byModel.get(model);
  return map ? elementFoldingRanges(map) : null;
}
