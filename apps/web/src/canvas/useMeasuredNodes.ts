import type { NodeChange, NodeHandle } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FlowNode } from '../flow/to-flow';
import { estimatedSize } from './raster-scene';

type Size = { width: number; height: number };

/** Handle size (canvas.css `.handle`) and the handles of the node types that get an estimate (canvas/*Node.tsx). */
const HANDLE = 10;
const HANDLES: Readonly<Record<string, ReadonlyArray<Pick<NodeHandle, 'id' | 'type' | 'position'>>>> = {
  service: [
    { id: 'used', type: 'target', position: 'left' as NodeHandle['position'] },
    { id: 'uses', type: 'source', position: 'right' as NodeHandle['position'] },
    { id: 'joins', type: 'source', position: 'top' as NodeHandle['position'] },
    { id: 'mounts', type: 'source', position: 'bottom' as NodeHandle['position'] },
  ],
  volume: [{ id: 'mounted', type: 'target', position: 'top' as NodeHandle['position'] }],
  exposure: [{ id: 'exposes', type: 'source', position: 'right' as NodeHandle['position'] }],
};

/**
 * React Flow measures nodes and reports sizes as `dimensions` changes; a controlled canvas has to
 * hand them back on its nodes (`measured`), or new node objects would render unmeasured. Merged
 * nodes are cached per projected node, so a node that did not change keeps its identity.
 *
 * A node not measured yet gets an estimated size and handles (`measured`, `handles`; raster-scene's
 * estimate): React Flow otherwise renders every node it has no handle bounds for, whether in view
 * or not — at 5,000 services all 6,750 nodes were mounted, styled and laid out once at load (~12 s
 * of the 22 s to the first usable view) before only the ~500 in view were kept. With the estimate
 * only the nodes in view mount; each is measured then, and its measured node carries no `handles`
 * (React Flow keeps the handle bounds it measured from the DOM). The estimate is given as
 * `measured`, not `initialWidth`, so fitView (which fits measured nodes only unless told
 * `includeHiddenNodes`) still fits the whole graph. Network segments keep the forced first render
 * (few; their width depends on their members).
 */
export function useMeasuredNodes(projected: FlowNode[]) {
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const cache = useRef(new WeakMap<FlowNode, FlowNode>());
  const last = useRef<{ projected: FlowNode[]; sizes: ReadonlyMap<string, Size>; nodes: FlowNode[] } | undefined>(undefined);
  const nodes = useMemo(() => {
    // With the same sizes, a node projected as last time at the same place is merged as last time
    // (an edit changes a few of ~1,350): no cache look-up for the others.
    const before = last.current?.sizes === sizes ? last.current : undefined;
    const out = projected.map((n, i) => {
      if (before && before.projected[i] === n) return before.nodes[i] as FlowNode;
      const measured = sizes.get(n.id);
      if (!measured && !(n.type && n.type in HANDLES)) return n;
      const hit = cache.current.get(n);
      if (hit && (measured ? hit.measured === measured : hit.handles !== undefined)) return hit;
      const merged = measured ? { ...n, measured } : estimated(n);
      cache.current.set(n, merged);
      return merged;
    });
    last.current = { projected, sizes, nodes: out };
    return out;
  }, [projected, sizes]);
  // The newest sizes, also before the render that shows them (re-measures update them in place).
  const latest = useRef(sizes);
  const onDimensions = useCallback((changes: NodeChange<FlowNode>[]) => {
    const next = withMeasured(latest.current, changes);
    if (!next) return;
    latest.current = next;
    setSizes(next);
  }, []);
  return { nodes, onDimensions };
}

/**
 * The sizes after React Flow's `dimensions` changes: a new map when a node is measured for the first
 * time (its merged node drops the estimate and the handles: React Flow has to get it); else the same
 * map, the size objects of re-measured nodes updated in place. A node whose content changed its size
 * (service boxes have one width, but a container or a port added changes the height) is measured
 * again by React Flow, which keeps the measurement in its own node; a new size object meant a new node object, a new nodes
 * array, and React Flow's setNodes over every node (~45 ms at 1,000 services) for nothing. The merged
 * node holds the size object, so `measured` on the nodes React Flow has (getNodes()) stays current.
 */
export function withMeasured(sizes: ReadonlyMap<string, Size>, changes: readonly NodeChange<FlowNode>[]): Map<string, Size> | undefined {
  let next: Map<string, Size> | undefined;
  for (const c of changes) {
    if (c.type !== 'dimensions' || !c.dimensions) continue;
    const known = sizes.get(c.id);
    if (known) {
      known.width = c.dimensions.width;
      known.height = c.dimensions.height;
    } else {
      next ??= new Map(sizes);
      next.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
    }
  }
  return next;
}

/** The node with an estimated size and handles at the middle of their sides. */
export function estimated(n: FlowNode): FlowNode {
  const { width, height } = estimatedSize(n as unknown as { type?: string; data: Record<string, unknown> });
  const at = { left: [0, height / 2], right: [width, height / 2], top: [width / 2, 0], bottom: [width / 2, height] } as const;
  const handles = (HANDLES[n.type ?? ''] ?? []).map((h) => {
    const [x, y] = at[h.position as keyof typeof at];
    return { ...h, x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE };
  });
  return { ...n, measured: { width, height }, handles } as FlowNode;
}
