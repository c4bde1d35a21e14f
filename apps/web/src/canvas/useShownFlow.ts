import { useContext, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FlowEdge, FlowNode } from '../flow/to-flow';
import { createLiveData, type LiveChange, type LiveData, LiveDataContext, type Shown, shownItems } from './live-data';

/**
 * The nodes and edges React Flow gets (live-data.ts, shownItems): an item whose data alone changed
 * keeps the object React Flow has, and its component reads the new data from `live`, set in a
 * layout effect — before the paint, in the same task as the render.
 */
export function useShownFlow(nodes: FlowNode[], edges: FlowEdge[]): { nodes: FlowNode[]; edges: FlowEdge[]; live: LiveData } {
  // The app's (App.tsx: the export reads it too), else one of its own.
  const [own] = useState(createLiveData);
  const live = useContext(LiveDataContext) ?? own;
  const last = useRef<{ nodes: Shown<FlowNode>; edges: Shown<FlowEdge> } | undefined>(undefined);
  const shown = useMemo(() => {
    const changes: LiveChange[] = [];
    const out = {
      nodes: { given: nodes, shown: shownItems(last.current?.nodes, nodes, live, changes) },
      edges: { given: edges, shown: shownItems(last.current?.edges, edges, live, changes) },
    };
    return { ...out, changes };
  }, [nodes, edges, live]);
  useLayoutEffect(() => {
    last.current = shown;
    live.apply(shown.changes);
  }, [shown, live]);
  return { nodes: shown.nodes.shown, edges: shown.edges.shown, live };
}
