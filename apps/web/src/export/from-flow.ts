import type { Diagram, DiagramEdge, DiagramNode, EdgeEnd, Side } from './diagram';

/** The parts of a React Flow node the export reads (FlowNode fits, whatever its type). */
export interface FlowLikeNode {
  id: string;
  type?: string;
  position: { x: number; y: number };
  /** A child's position is relative to its parent (exposure nodes sit on their service). */
  parentId?: string;
  measured?: { width?: number; height?: number };
  hidden?: boolean;
  data: object;
}

export interface FlowLikeEdge {
  id: string;
  type?: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
  hidden?: boolean;
  data?: object;
}

interface HandleBox {
  id?: string | null;
  position: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What React Flow's store knows about a rendered node (InternalNode fits): absolute position, size, handles. */
export interface FlowLikeInternal {
  measured?: { width?: number; height?: number };
  internals: {
    positionAbsolute: { x: number; y: number };
    handleBounds?: { source?: HandleBox[] | null; target?: HandleBox[] | null };
  };
}

/**
 * The canvas as exported: node positions and measured sizes, and edge ends at the handles React
 * Flow measured, so the drawing matches the screen. Nodes never rendered get default sizes and
 * edges the usual sides (svg-edges.ts); hidden ones are left out.
 */
export function diagramFromFlow(
  head: { title: string; subtitle?: string },
  nodes: readonly FlowLikeNode[],
  edges: readonly FlowLikeEdge[],
  internal: (id: string) => FlowLikeInternal | undefined = () => undefined,
): Diagram {
  const shown = nodes.filter((n) => !n.hidden);
  const ids = new Set(shown.map((n) => n.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const absolute = (n: FlowLikeNode, depth = 0): { x: number; y: number } => {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (!parent || depth > 16) return n.position;
    const p = absolute(parent, depth + 1);
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  const out: DiagramNode[] = shown.map((n) => {
    const inner = internal(n.id);
    const pos = inner?.internals.positionAbsolute ?? absolute(n);
    const size = inner?.measured ?? n.measured;
    return {
      id: n.id,
      type: n.type ?? 'default',
      x: pos.x,
      y: pos.y,
      ...(size?.width ? { width: size.width } : {}),
      ...(size?.height ? { height: size.height } : {}),
      data: n.data as Record<string, unknown>,
    };
  });
  const outEdges: DiagramEdge[] = edges
    .filter((e) => !e.hidden && ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const from = handleEnd(internal(e.source), 'source', e.sourceHandle);
      const to = handleEnd(internal(e.target), 'target', e.targetHandle);
      return {
        id: e.id,
        type: e.type ?? 'default',
        source: e.source,
        target: e.target,
        ...(e.data ? { data: e.data as Record<string, unknown> } : {}),
        ...(from && to ? { from, to } : {}),
      };
    });
  return { ...head, nodes: out, edges: outEdges };
}

const SIDES = new Set<string>(['left', 'right', 'top', 'bottom']);

/** Where React Flow starts or ends an edge on a handle: the middle of the handle's outer side. */
function handleEnd(node: FlowLikeInternal | undefined, kind: 'source' | 'target', id: string | null | undefined): EdgeEnd | undefined {
  const handles = node?.internals.handleBounds?.[kind];
  if (!node || !handles) return undefined;
  const h = (id ? handles.find((x) => x.id === id) : undefined) ?? handles[0];
  if (!h || !SIDES.has(h.position)) return undefined;
  const side = h.position as Side;
  const { x, y } = node.internals.positionAbsolute;
  if (side === 'left') return { x: x + h.x, y: y + h.y + h.height / 2, side };
  if (side === 'right') return { x: x + h.x + h.width, y: y + h.y + h.height / 2, side };
  if (side === 'top') return { x: x + h.x + h.width / 2, y: y + h.y, side };
  return { x: x + h.x + h.width / 2, y: y + h.y + h.height, side };
}
