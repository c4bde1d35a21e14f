import type { Blueprint, Diagnostic } from '@blaupause/model';
import { sameParts, semanticParts } from '../model/semantics';
import type { XY } from '../model/types';
import { defaultPositions } from './default-layout';
import { stableItems } from './stable-flow';
import { createFlowProjection, type FlowEdge, type FlowNode, type toFlow } from './to-flow';

export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/**
 * The projection (createFlowProjection(): only changed services are projected again) remembering its last answer. When only the layout changed (a drag, an undone move),
 * nodes keep their identity except those whose position changed, and edges are reused, so React
 * Flow and the memoised node components redraw only what moved. After any other change the
 * projection is made again and nodes and edges equal to the last ones keep their identity too.
 */
export function createProjector(project: typeof toFlow = createFlowProjection()) {
  let last:
    | { parts: readonly unknown[]; diagnostics: readonly Diagnostic[]; selection: readonly string[]; layout: unknown; flow: Flow }
    | undefined;
  let defaults: Map<string, XY> | undefined;
  return (bp: Blueprint, diagnostics: readonly Diagnostic[], selection: readonly string[]): Flow => {
    const parts = semanticParts(bp);
    if (last && sameParts(last.parts, parts) && last.diagnostics === diagnostics && last.selection === selection) {
      if (last.layout === bp.layout) return last.flow;
      const placed = bp.layout?.nodes ?? {};
      const nodes = last.flow.nodes.map((n) => {
        if (n.parentId) return n; // placed relative to its parent: it moves with it
        const entry = Object.hasOwn(placed, n.id) ? placed[n.id] : undefined;
        // Default positions are quadratic on long link chains: only for a node without a layout entry.
        if (!entry) defaults ??= defaultPositions(bp);
        const p = entry ?? defaults?.get(n.id) ?? { x: 0, y: 0 };
        return p.x === n.position.x && p.y === n.position.y ? n : { ...n, position: { x: p.x, y: p.y } };
      });
      last = { ...last, layout: bp.layout, flow: { nodes, edges: last.flow.edges } };
      return last.flow;
    }
    defaults = undefined;
    const next = project(bp, diagnostics, selection);
    // A semantic edit, a new selection or new marks: unchanged nodes and edges keep their objects.
    const flow = { nodes: stableItems(last?.flow.nodes, next.nodes), edges: stableItems(last?.flow.edges, next.edges) };
    last = { parts, diagnostics, selection, layout: bp.layout, flow };
    return flow;
  };
}
