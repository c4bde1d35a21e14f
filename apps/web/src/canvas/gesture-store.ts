import { createContext, useContext, useRef, useState, useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Whether a pan/zoom gesture of a large graph is on (useRasterMode), readable without re-rendering:
 * nodes that React Flow mounts during such a gesture (they scroll into view while the raster shows
 * and canvas.css skips their contents) render a light version (an empty box) until it settles.
 *
 * A vanilla zustand store, read through useSyncExternalStore rather than zustand's hook: only the
 * nodes mounted mid-gesture subscribe (hundreds of nodes in view would otherwise each hold a
 * listener), and only until they have their contents.
 */
export type GestureStore = StoreApi<{ moving: boolean }>;

export const createGestureStore = (): GestureStore => createStore(() => ({ moving: false }));

export function setGestureMoving(store: GestureStore, moving: boolean): void {
  if (store.getState().moving !== moving) store.setState({ moving });
}

export const GestureContext = createContext<GestureStore | null>(null);

const never = () => () => undefined;

/** True while this component was mounted during a gesture that is still on. */
export function useMountedMidGesture(): boolean {
  const store = useContext(GestureContext);
  const [born] = useState(() => store?.getState().moving ?? false);
  // Once it has its contents it keeps them (and stops listening), whatever gestures follow: a node
  // still in view when the next gesture starts is skipped by canvas.css, not rendered again.
  const full = useRef(!born);
  const light = useSyncExternalStore(
    !full.current && store ? store.subscribe : never,
    () => !full.current && (store?.getState().moving ?? false),
  );
  if (!light) full.current = true;
  return light;
}
