import type { NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FlowNode } from '../flow/to-flow';

type Size = { width: number; height: number };

/**
 * React Flow measures nodes and reports sizes as `dimensions` changes; a controlled canvas has to
 * hand them back on its nodes (`measured`), or new node objects would render unmeasured. Merged
 * nodes are cached per projected node, so a node that did not change keeps its identity.
 */
export function useMeasuredNodes(projected: FlowNode[]) {
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const cache = useRef(new WeakMap<FlowNode, FlowNode>());
  const nodes = useMemo(
    () =>
      projected.map((n) => {
        const measured = sizes.get(n.id);
        if (!measured) return n;
        const hit = cache.current.get(n);
        if (hit?.measured === measured) return hit;
        const merged = { ...n, measured };
        cache.current.set(n, merged);
        return merged;
      }),
    [projected, sizes],
  );
  const onDimensions = useCallback((changes: NodeChange<FlowNode>[]) => {
    const measured = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (measured.length > 0) setSizes((prev) => new Map([...prev, ...measured]));
  }, []);
  return { nodes, onDimensions };
}
