import { type ReactFlowState, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { GRID } from '../flow/default-layout';
import { useTheme } from '../theme/ThemeContext';
import { TOKENS } from '../theme/tokens';
import { drawRaster, type RasterFrame } from './raster-draw';

/**
 * The raster view: the whole graph on ONE <canvas> under React Flow's viewport, redrawn from its
 * store on every transform or node change (at most once per animation frame). While it is active
 * (far zoom, or a pan/zoom gesture on a large graph) canvas.css hides what the DOM nodes and SVG
 * edges paint; their boxes stay where they are, invisible, so clicks, selection, dragging and
 * hover still land on them. Software raster pays per painted DOM node and edge on every frame;
 * here it pays one bitmap.
 */
export function FlowRaster({ active, detail }: { active: boolean; detail: boolean }) {
  const api = useStoreApi();
  const ref = useRef<HTMLCanvasElement>(null);
  const tokens = TOKENS[useTheme()];

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    if (!active) {
      canvas.width = 0; // frees the bitmap; nothing to composite
      return;
    }
    let frame = 0;
    let drawn: ReactFlowState | undefined;
    const draw = () => {
      frame = 0;
      const s = api.getState();
      drawn = s;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(s.width * dpr);
      const h = Math.round(s.height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      const f: RasterFrame = {
        nodeLookup: s.nodeLookup as unknown as RasterFrame['nodeLookup'],
        edges: s.edges as unknown as RasterFrame['edges'],
        transform: s.transform,
        width: s.width,
        height: s.height,
      };
      const counts = drawRaster(ctx, f, tokens, { detail, grid: GRID, dpr });
      canvas.dataset.nodes = String(counts.nodes);
      canvas.dataset.edges = String(counts.edges);
    };
    const schedule = (s: ReactFlowState) => {
      if (frame !== 0 || !changed(drawn, s)) return;
      frame = requestAnimationFrame(draw);
    };
    draw();
    const unsubscribe = api.subscribe(schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [api, active, detail, tokens]);

  return <canvas ref={ref} className={active ? 'flow-raster is-active' : 'flow-raster'} data-testid="flow-raster" />;
}

/** What the raster shows: positions, sizes, selection, the view. */
function changed(a: ReactFlowState | undefined, b: ReactFlowState): boolean {
  return !a || a.transform !== b.transform || a.nodes !== b.nodes || a.edges !== b.edges || a.width !== b.width || a.height !== b.height;
}
