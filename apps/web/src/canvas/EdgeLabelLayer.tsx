import { useStore } from '@xyflow/react';
import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';

/** Which edge has the keyboard focus (focus-visible), for its label: the label is a portal, outside the edge's <g>. */
class EdgeFocus {
  id: string | null = null;
  private readonly listeners = new Set<() => void>();
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  set(id: string | null) {
    if (id === this.id) return;
    this.id = id;
    for (const listener of this.listeners) listener();
  }
}

const Layer = createContext<{ el: Element | null; focus: EdgeFocus | null }>({ el: null, focus: null });

/**
 * Finds React Flow's edge label layer once for the whole canvas. React Flow's EdgeLabelRenderer
 * looks it up with a store selector per edge (a querySelector on every store update: every pan
 * frame and drag step ran one per edge in view — bench:canvas profile); EdgeLabel portals into it.
 * Also follows which edge has the keyboard focus (one focusin/focusout listener for the canvas), so
 * that edge's label can show the focus ring (useEdgeFocused: only the edges whose answer changes render).
 */
export function EdgeLabelLayer({ children }: { children: ReactNode }) {
  const domNode = useStore((s) => s.domNode);
  const [el, setEl] = useState<Element | null>(null);
  const [focus] = useState(() => new EdgeFocus());
  useLayoutEffect(() => {
    setEl(domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null);
    if (!domNode) return;
    const edgeOf = (target: EventTarget | null) => (target instanceof Element && target.matches('.react-flow__edge') ? target : null);
    const onFocusIn = (e: FocusEvent) => {
      const edge = edgeOf(e.target);
      focus.set(edge?.matches(':focus-visible') ? edge.getAttribute('data-id') : null);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (edgeOf(e.target)) focus.set(null);
    };
    domNode.addEventListener('focusin', onFocusIn);
    domNode.addEventListener('focusout', onFocusOut);
    return () => {
      domNode.removeEventListener('focusin', onFocusIn);
      domNode.removeEventListener('focusout', onFocusOut);
      focus.set(null);
    };
  }, [domNode, focus]);
  const value = useMemo(() => ({ el, focus }), [el, focus]);
  return <Layer.Provider value={value}>{children}</Layer.Provider>;
}

/** An edge's HTML label, in React Flow's label layer (as EdgeLabelRenderer, without its per-edge lookup). */
export function EdgeLabel({ children }: { children: ReactNode }) {
  const { el } = useContext(Layer);
  return el ? createPortal(children, el) : null;
}

const noSubscribe = () => () => {};

/** Whether the edge `id` has the keyboard focus (focus-visible, as the edge's own ring in styles/canvas.css). */
export function useEdgeFocused(id: string): boolean {
  const { focus } = useContext(Layer);
  return useSyncExternalStore(focus ? focus.subscribe : noSubscribe, () => focus?.id === id);
}
