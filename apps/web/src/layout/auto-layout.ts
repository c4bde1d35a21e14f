import { type Blueprint, elementId } from '@blaupause/model';
import { withDefaultLayout } from '../flow/default-layout';
import type { Command, XY } from '../model/types';
import { layoutCommand, layoutGraph, layoutOrigin, layoutPositions, type Size, toElkGraph } from './elk-graph';

export type LayoutResult = { ok: true; positions: Map<string, XY> } | { ok: false; error: string };

/** Runs ELK on the document's graph. ELK and its worker are loaded on first use (a chunk of their own). */
export async function computeLayout(bp: Blueprint, measured?: ReadonlyMap<string, Size>, origin?: XY): Promise<LayoutResult> {
  try {
    const { runElk } = await import('./elk-runner');
    const graph = layoutGraph(bp, measured);
    const result = await runElk(toElkGraph(graph));
    return { ok: true, positions: layoutPositions(result, origin ?? layoutOrigin(bp, graph), graph) };
  } catch (e) {
    return { ok: false, error: `Auto layout failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The auto-layout command for the document as it is now (one undo step), or why there is none. */
export async function autoLayoutCommand(bp: Blueprint, measured?: ReadonlyMap<string, Size>): Promise<Command | undefined | string> {
  const r = await computeLayout(bp, measured);
  return r.ok ? layoutCommand(bp, r.positions) : r.error;
}

/** Whether no node of the document has a layout entry: an import, or a template written without one. */
export function isUnplaced(bp: Blueprint): boolean {
  const placed = bp.layout?.nodes ?? {};
  const ids = [...Object.keys(bp.services).map(elementId.service), ...Object.keys(bp.volumes ?? {}).map(elementId.volume)];
  return !ids.some((id) => Object.hasOwn(placed, id));
}

/**
 * A document ready to show: laid out by ELK when none of its nodes is placed (estimated sizes: it
 * has not been drawn yet), else its own layout with default spots for the nodes it lacks. If ELK
 * cannot run, the default grid is used: opening a file never fails because of layout.
 */
export async function withAutoLayout(bp: Blueprint): Promise<Blueprint> {
  if (!isUnplaced(bp) || Object.keys(bp.services).length + Object.keys(bp.volumes ?? {}).length === 0) return withDefaultLayout(bp);
  const r = await computeLayout(bp, undefined, { x: 0, y: 0 });
  if (!r.ok) return withDefaultLayout(bp);
  const nodes: Record<string, { x: number; y: number }> = {};
  for (const [id, p] of r.positions) nodes[id] = { x: p.x, y: p.y };
  return withDefaultLayout({ ...bp, layout: { ...bp.layout, nodes: { ...bp.layout?.nodes, ...nodes } } });
}
