import { type Blueprint, elementId } from '@blaupause/model';
import { withDefaultLayout } from '../flow/default-layout';
import type { XY } from '../model/types';
import type { Size } from './layout-graph';

export type LayoutResult = { ok: true; positions: Map<string, XY> } | { ok: false; error: string };

/** Runs ELK on the document's graph. ELK and its worker are loaded on first use (a chunk of their own). */
export async function computeLayout(bp: Blueprint, measured?: ReadonlyMap<string, Size>, origin?: XY): Promise<LayoutResult> {
  try {
    // The graph builders load with ELK (none of them is needed to paint the canvas).
    const [{ runElk }, { layoutGraph }, { elkPositions, layoutOrigin, toElkGraph }] = await Promise.all([
      import('./elk-runner'),
      import('./layout-graph'),
      import('./elk-graph'),
    ]);
    const graph = layoutGraph(bp, measured);
    const result = await runElk(toElkGraph(graph));
    return { ok: true, positions: elkPositions(bp, result, origin ?? layoutOrigin(bp, graph), graph) };
  } catch (e) {
    return { ok: false, error: `Auto layout failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

let warmed = false;

/**
 * Loads ELK ahead of need (its worker starts in the background): called on the first interaction
 * with the page, so opening a template or a file rarely waits for ELK's own start-up.
 */
export function warmLayout(): void {
  if (warmed) return;
  warmed = true;
  void import('./elk-runner').then((m) => m.warm()).catch(() => undefined);
}

/** Whether no node of the document has a layout entry: an import, or a template written without one. */
export function isUnplaced(bp: Blueprint): boolean {
  const placed = bp.layout?.nodes ?? {};
  const ids = [...Object.keys(bp.services).map(elementId.service), ...Object.keys(bp.volumes ?? {}).map(elementId.volume)];
  return !ids.some((id) => Object.hasOwn(placed, id));
}

/** How long opening a document waits for ELK before it shows the default grid instead. */
export const OPEN_LAYOUT_TIMEOUT_MS = 2500;

/**
 * A document ready to show: laid out by ELK when none of its nodes is placed (estimated sizes: it
 * has not been drawn yet), else its own layout with default spots for the nodes it lacks. If ELK
 * cannot run, or is not ready in time (its first start on a slow, busy machine), the default grid
 * is used: opening a file never fails or hangs because of layout; Auto layout can follow.
 */
export async function withAutoLayout(bp: Blueprint, timeoutMs = OPEN_LAYOUT_TIMEOUT_MS): Promise<Blueprint> {
  if (!isUnplaced(bp) || Object.keys(bp.services).length + Object.keys(bp.volumes ?? {}).length === 0) return withDefaultLayout(bp);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<LayoutResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: 'ELK was not ready in time' }), timeoutMs);
  });
  const r = await Promise.race([computeLayout(bp, undefined, { x: 0, y: 0 }), late]);
  clearTimeout(timer);
  if (!r.ok) return withDefaultLayout(bp);
  const nodes: Record<string, { x: number; y: number }> = {};
  for (const [id, p] of r.positions) nodes[id] = { x: p.x, y: p.y };
  return withDefaultLayout({ ...bp, layout: { ...bp.layout, nodes: { ...bp.layout?.nodes, ...nodes } } });
}
