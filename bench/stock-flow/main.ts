// The anchor of the canvas benchmark: React Flow as its docs show it, with default nodes and edges
// and default props (no culling, no custom node types), at the same version as the app (resolved
// from apps/web) and in a pane of the same size. No JSX, so the build needs no React plugin.
import { type Edge, type Node, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';

export interface StockGraph {
  nodes: Array<{ id: string; x: number; y: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  /** The size of the app's canvas pane, so both draw the same area. */
  width: number;
  height: number;
}

declare global {
  interface Window {
    __BENCH_GRAPH__?: StockGraph;
  }
}

const graph = window.__BENCH_GRAPH__ ?? { nodes: [], edges: [], width: 1000, height: 700 };
const nodes: Node[] = graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.id } }));
const edges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
root.style.width = `${graph.width}px`;
root.style.height = `${graph.height}px`;
createRoot(root).render(
  createElement(
    StrictMode,
    null,
    createElement(
      ReactFlowProvider,
      null,
      // The app's view options (fitView padding, zoom range), so both start from the same view.
      createElement(ReactFlow, {
        defaultNodes: nodes,
        defaultEdges: edges,
        fitView: true,
        fitViewOptions: { padding: 0.25, maxZoom: 1 },
        minZoom: 0.1,
      }),
    ),
  ),
);
