import { useCallback, useEffect, useRef, useState } from 'react';

/** From this many nodes on, a pan or zoom gesture draws the raster view (FlowRaster) until it settles. */
export const RASTER_GESTURE_NODES = 300;
/** How long the view must rest before the DOM nodes paint again (a user pausing between strokes keeps the raster). */
export const SETTLE_MS = 350;

/**
 * Whether the canvas draws its raster view: always in the far view, and during a pan or zoom of a
 * large graph (every frame of a gesture would otherwise re-raster hundreds of DOM nodes; software
 * raster without a GPU cannot do that at 60 Hz). The DOM view returns SETTLE_MS after the gesture.
 */
export function useRasterMode(far: boolean, nodeCount: number) {
  const [moving, setMoving] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const large = nodeCount >= RASTER_GESTURE_NODES;
  const onMoveStart = useCallback(() => {
    clearTimeout(timer.current);
    if (large) setMoving(true);
  }, [large]);
  const onMoveEnd = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMoving(false), SETTLE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { raster: far || (moving && large), moving: moving && large, onMoveStart, onMoveEnd };
}
