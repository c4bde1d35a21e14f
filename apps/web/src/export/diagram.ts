/**
 * What an exported drawing is made of: the canvas projection as plain data (positions and the
 * sizes React Flow measured), independent of React, so the SVG builder is a pure function.
 */
export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface DiagramNode {
  id: string;
  /** The flow node type: `service` and `volume` are drawn as on the canvas; other types as a labelled box. */
  type: string;
  x: number;
  y: number;
  /** Measured on the canvas; a default size when the node was never rendered. */
  width?: number;
  height?: number;
  data: Record<string, unknown>;
}

export interface EdgeEnd {
  x: number;
  y: number;
  side: Side;
}

export interface DiagramEdge {
  id: string;
  /** `link` (uses, arrow, start condition) or `mount` (dashed); others as a plain arrow. */
  type: string;
  source: string;
  target: string;
  data?: Record<string, unknown>;
  /** The handle points from the canvas; without them the usual sides of each edge type are used. */
  from?: EdgeEnd;
  to?: EdgeEnd;
}

export interface Diagram {
  title: string;
  subtitle?: string;
  nodes: readonly DiagramNode[];
  edges: readonly DiagramEdge[];
}
