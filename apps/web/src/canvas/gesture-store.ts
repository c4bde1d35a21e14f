import { createContext, useCallback, useContext, useState, useSyncExternalStore } from 'react';

/**
 * Whether a pan/zoom gesture of a large graph is on (useRasterMode), readable without re-rendering:
 * nodes that React Flow mounts during such a gesture (they scroll into view while the raster shows
 * and canvas.css skips their contents) render a light version until it settles.
 */
export interface GestureStore {
  moving: boolean;
  listeners: Set<() => void>;
}

export function createGestureStore(): GestureStore {
  return { moving: false, listeners: new Set() };
}

export function setGestureMoving(store: GestureStore, moving: boolean): void {
  if (store.moving === moving) return;
  store.moving = moving;
  for (const l of store.listeners) l();
}

export const GestureContext = createContext<GestureStore | null>(null);

const never = () => () => undefined;

/** True while this component was mounted during a gesture that is still on. */
export function useMountedMidGesture(): boolean {
  const store = useContext(GestureContext);
  const [born] = useState(() => store?.moving ?? false);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!store) return () => undefined;
      store.listeners.add(onChange);
      return () => store.listeners.delete(onChange);
    },
    [store],
  );
  return useSyncExternalStore(born ? subscribe : never, () => born && (store?.moving ?? false));
}
