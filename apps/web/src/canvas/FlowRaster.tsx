import { type ReactFlowState, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useContext, useEffect, useRef, useState } from 'react';
import { GRID } from '../flow/default-layout';
import { useTheme } from '../theme/ThemeContext';
import { TOKENS, type Tokens } from '../theme/tokens';
import { graphItems } from './far-live';
import { cancelIdle, whenIdle } from './idle';
import { type LiveData, LiveDataContext } from './live-data';
import { drawRaster, type RasterFrame } from './raster-draw';
import { changesRaster, lookupWithLive } from './raster-live';
import { type Box, type Cover, coverContains, coverFor, coverServes, nodesBounds, type RasterNode } from './raster-scene';

/** The largest bitmap (device pixels) of the view's cover; a bigger cover is drawn at lower resolution. */
const MAX_PIXELS = 6_000_000;
/** The overview: the whole graph, at most this many device pixels a side. */
const OVERVIEW_SIDE = 2048;
/** How long the view must rest before a prepared bitmap is drawn again (then in idle time). */
const PREPARE_MS = 250;

interface Drawn {
  cover: Cover;
  nodes: unknown;
  /** The count of live-data changes the raster draws, when drawn (live-data.ts: a node's data can change while React Flow's nodes do not). */
  live: number;
  edges: unknown;
  detail: boolean;
  tokens: Tokens;
}

/**
 * The raster view: the graph drawn on a <canvas> inside React Flow's viewport (a viewport portal),
 * so a pan or zoom moves and scales the bitmap with the viewport's CSS transform — no drawing per
 * frame. The bitmap covers the view and half a view more on every side (raster-scene.ts,
 * coverFor); it is drawn again when the view leaves it, zooms in past 1.6× of it, or the graph,
 * theme or detail level changes — but never during a pan/zoom gesture of a large graph (`moving`):
 * there, where the view runs past the cover, the overview (the whole graph on one bitmap of at most
 * 2048 px a side, blurrier) shows underneath until the gesture settles. `prepare` (large graphs)
 * keeps both drawn, in idle time, while the DOM view shows, so a gesture starts on ready bitmaps.
 *
 * While it is active (far zoom, or a gesture on a large graph) canvas.css hides what the DOM nodes
 * and SVG edges paint; in the far view their boxes stay, so clicks, selection, dragging and hover
 * still land on them — in a large graph's far view React Flow mounts only those selected, focused
 * or near the pointer (far-live.ts, far-hover.ts). Software raster pays per painted DOM node and edge on every frame; here it
 * pays a bitmap when one is drawn.
 */
export function FlowRaster({
  active,
  moving,
  prepare,
  detail,
  edges,
}: {
  active: boolean;
  moving: boolean;
  prepare: boolean;
  detail: boolean;
  /**
   * Every edge of the graph: React Flow's own list has none during a gesture of a large graph
   * (Canvas), so the raster does not draw from it — nor is it drawn again after every gesture
   * because that list changed (at 5,000 services a redraw of both bitmaps is 0.1–0.2 s of work).
   */
  edges: readonly unknown[];
}) {
  const api = useStoreApi();
  const [near, setNear] = useState<HTMLCanvasElement | null>(null);
  const [over, setOver] = useState<HTMLCanvasElement | null>(null);
  const drawn = useRef<Drawn | undefined>(undefined);
  const overDrawn = useRef<Omit<Drawn, 'cover' | 'detail'> | undefined>(undefined);
  const tokens = TOKENS[useTheme()];
  const live = useContext(LiveDataContext);
  const liveVersion = useRef(0);

  useEffect(() => {
    const ctx = near?.getContext('2d');
    const octx = over?.getContext('2d');
    if (!near || !over || !ctx || !octx) return;
    if (!active && !prepare) {
      near.width = 0; // frees the bitmaps; nothing to composite
      over.width = 0;
      drawn.current = undefined;
      overDrawn.current = undefined;
      return;
    }
    const same = (d: { nodes: unknown; live: number; edges: unknown; tokens: Tokens } | undefined, s: ReactFlowState) =>
      d !== undefined && d.nodes === graphItems(s.nodes) && d.live === liveVersion.current && d.edges === edges && d.tokens === tokens;
    const fresh = (s: ReactFlowState) =>
      same(drawn.current, s) && drawn.current?.detail === detail && coverServes(drawn.current.cover, s.transform, s.width, s.height);
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const drawNear = () => {
      frame = 0;
      const s = api.getState();
      if (s.width === 0 || s.height === 0 || fresh(s)) return;
      drawn.current = {
        cover: renderCover(near, ctx, s, live, edges, tokens, detail),
        nodes: graphItems(s.nodes),
        live: liveVersion.current,
        edges,
        detail,
        tokens,
      };
      over.classList.remove('is-shown');
    };
    const drawOver = () => {
      const s = api.getState();
      if (!prepare || same(overDrawn.current, s)) return;
      renderOverview(over, octx, s, live, edges, tokens);
      overDrawn.current = { nodes: graphItems(s.nodes), live: liveVersion.current, edges, tokens };
    };
    const prepareLater = () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdle(idle);
      timer = setTimeout(() => {
        idle = whenIdle(() => {
          idle = undefined;
          drawNear();
          drawOver();
        });
      }, PREPARE_MS);
    };
    const update = () => {
      const s = api.getState();
      if (moving) {
        // No drawing during a gesture: the overview shows where the view runs past the cover.
        const d = drawn.current;
        over.classList.toggle('is-shown', !d || !coverContains(d.cover, s.transform, s.width, s.height));
        return;
      }
      if (active) {
        if (frame === 0 && !fresh(s)) frame = requestAnimationFrame(drawNear);
      } else prepareLater();
      if (prepare && !same(overDrawn.current, s)) prepareLater();
    };
    // A gesture that starts before anything was prepared draws once, now.
    if (active && (!moving || (!drawn.current && !overDrawn.current))) drawNear();
    update();
    const unsubscribe = api.subscribe(update);
    // Drawn again only when a live change alters what it draws (not for an image in the far view).
    const unlisten = live?.listen((changes) => {
      const lookup = api.getState().nodeLookup as unknown as ReadonlyMap<string, RasterNode>;
      if (!changesRaster(changes, lookup, detail)) return;
      liveVersion.current++;
      update();
    });
    return () => {
      unsubscribe();
      unlisten?.();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      if (idle !== undefined) cancelIdle(idle);
    };
  }, [api, near, over, active, moving, prepare, detail, tokens, edges, live]);

  const cls = `${active ? ' is-active' : ''}${prepare ? ' is-prepared' : ''}`;
  return (
    <ViewportPortal>
      <canvas ref={setOver} className={`flow-raster flow-raster-overview${cls}`} />
      <canvas ref={setNear} className={`flow-raster${cls}`} data-testid="flow-raster" />
    </ViewportPortal>
  );
}

/** Sizes and places a canvas over a flow rectangle drawn at `zoom`; returns its resolution factor. */
function fit(canvas: HTMLCanvasElement, rect: Box, zoom: number, maxPixels: number): number {
  const dpr = window.devicePixelRatio || 1;
  const cssW = rect.width * zoom;
  const cssH = rect.height * zoom;
  const quality = Math.min(1, Math.sqrt(maxPixels / Math.max(1, cssW * cssH * dpr * dpr)));
  const w = Math.max(1, Math.round(cssW * dpr * quality));
  const h = Math.max(1, Math.round(cssH * dpr * quality));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.style.left = `${rect.x}px`;
  canvas.style.top = `${rect.y}px`;
  canvas.style.width = `${rect.width}px`;
  canvas.style.height = `${rect.height}px`;
  return dpr * quality;
}

function frameOf(s: ReactFlowState, live: LiveData | null, edges: readonly unknown[], rect: Box, zoom: number): RasterFrame {
  return {
    nodeLookup: lookupWithLive(s.nodeLookup as unknown as RasterFrame['nodeLookup'], live),
    edges: edges as RasterFrame['edges'],
    transform: [-rect.x * zoom, -rect.y * zoom, zoom],
    width: rect.width * zoom,
    height: rect.height * zoom,
  };
}

/** Draws the cover of the current view and places the canvas over it (flow units). */
function renderCover(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  s: ReactFlowState,
  live: LiveData | null,
  edges: readonly unknown[],
  tokens: Tokens,
  detail: boolean,
): Cover {
  const cover = coverFor(s.transform, s.width, s.height);
  const dpr = fit(canvas, cover.rect, cover.zoom, MAX_PIXELS);
  const counts = drawRaster(ctx, frameOf(s, live, edges, cover.rect, cover.zoom), tokens, { detail, grid: GRID, dpr });
  canvas.dataset.nodes = String(counts.nodes);
  canvas.dataset.edges = String(counts.edges);
  return cover;
}

/** Draws the whole graph, boxes, headers and edges, on at most OVERVIEW_SIDE pixels a side. */
function renderOverview(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  s: ReactFlowState,
  live: LiveData | null,
  edges: readonly unknown[],
  tokens: Tokens,
): void {
  const b = nodesBounds((s.nodeLookup as unknown as ReadonlyMap<string, RasterNode>).values());
  if (!b) return;
  const rect = { x: b.x - 40, y: b.y - 40, width: b.width + 80, height: b.height + 80 };
  const zoom = Math.min(1, OVERVIEW_SIDE / Math.max(rect.width, rect.height));
  const dpr = fit(canvas, rect, zoom, OVERVIEW_SIDE * OVERVIEW_SIDE);
  drawRaster(ctx, frameOf(s, live, edges, rect, zoom), tokens, { detail: false, grid: GRID, dpr });
}
