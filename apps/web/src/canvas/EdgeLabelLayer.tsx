import { useStore } from '@xyflow/react';
import { createContext, type ReactNode, useContext, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';

const Layer = createContext<Element | null>(null);

/**
 * Finds React Flow's edge label layer once for the whole canvas. React Flow's EdgeLabelRenderer
 * looks it up with a store selector per edge (a querySelector on every store update: every pan
 * frame and drag step ran one per edge in view — bench:canvas profile); EdgeLabel portals into it.
 */
export function EdgeLabelLayer({ children }: { children: ReactNode }) {
  return <Layer.Provider value={useLabelElement()}>{children}</Layer.Provider>;
}

function useLabelElement(): Element | null {
  const domNode = useStore((s) => s.domNode);
  const [el, setEl] = useState<Element | null>(null);
  useLayoutEffect(() => {
    setEl(domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null);
  }, [domNode]);
  return el;
}

/** An edge's HTML label, in React Flow's label layer (as EdgeLabelRenderer, without its per-edge lookup). */
export function EdgeLabel({ children }: { children: ReactNode }) {
  const el = useContext(Layer);
  return el ? createPortal(children, el) : null;
}
