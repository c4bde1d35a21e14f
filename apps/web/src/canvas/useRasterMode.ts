import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createGestureStore, setGestureMoving } from './gesture-store';

/** From this many nodes on, a pan or zoom gesture draws the raster view (FlowRaster) until it settles. */
export const RASTER_GESTURE_NODES = 300;
/** How long the view must rest before the DOM nodes paint again (a user pausing between strokes keeps the raster). */
export const SETTLE_MS = 350;

/**
 * Whether the canvas draws its raster view: always in the far view, and during a pan or zoom of a
 * large graph (every frame of a gesture would otherwise re-raster hundreds of DOM nodes; software
 * raster without a GPU cannot do that at 60 Hz). The DOM view returns SETTLE_MS after the gesture.
 * `moving`: such a gesture is on (canvas.css then takes the DOM nodes and edges out of rendering
 * altogether); a node that had the keyboard focus gets it back when the DOM view returns.
 */
export function useRasterMode(far: boolean, nodeCount: number) {
  const [moving, setMovingState] = useState(false);
  const [gesture] = useState(createGestureStore);
  const setMoving = useCallback(
    (on: boolean) => {
      setGestureMoving(gesture, on);
      setMovingState(on);
    },
    [gesture],
  );
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const focused = useRef<HTMLElement | null>(null);
  // Gestures under way: a drag may start while a wheel gesture still waits for its end (d3-zoom
  // ends a wheel gesture 150 ms after the last wheel event); each reports one start and one end.
  const gestures = useRef(0);
  const large = nodeCount >= RASTER_GESTURE_NODES;
  const onMoveStart = useCallback(() => {
    clearTimeout(timer.current);
    gestures.current++;
    if (!large) return;
    const active = document.activeElement;
    if (!focused.current && active instanceof HTMLElement && active.closest('.react-flow__nodes, .react-flow__edges'))
      focused.current = active;
    // Now, not in a later task: React would leave this update behind the pan's own store updates.
    flushSync(() => setMoving(true));
  }, [large, setMoving]);
  const onMoveEnd = useCallback(() => {
    gestures.current = Math.max(0, gestures.current - 1);
    if (gestures.current > 0) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMoving(false), SETTLE_MS);
  }, [setMoving]);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (moving) return;
    const el = focused.current;
    focused.current = null;
    if (el?.isConnected && (document.activeElement === document.body || document.activeElement === null)) el.focus({ preventScroll: true });
  }, [moving]);
  return { raster: far || (moving && large), moving: moving && large, large, gesture, onMoveStart, onMoveEnd };
}
