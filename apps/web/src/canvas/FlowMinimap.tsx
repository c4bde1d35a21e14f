import { Panel, type ReactFlowState, useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { type PointerEvent, useEffect, useRef, type WheelEvent } from 'react';
import { useTheme } from '../theme/ThemeContext';
import { TOKENS, type Tokens } from '../theme/tokens';
import { graphItems } from './far-live';
import { minimapSize } from './fit-view';
import { type Box, nodeBox, nodesBounds, type RasterNode, visibleRect } from './raster-scene';

const PAD = 5;

/** The minimap's width for the canvas's size (fit-view.ts: the fits keep clear of it at that size). */
const widthOf = (s: ReactFlowState) => minimapSize(s.width, s.height).width;
/** An empty blueprint has no minimap: an empty frame says nothing (the empty hint says how to begin). */
const hasNodes = (s: ReactFlowState) => s.nodes.length > 0;

interface Fit {
  scale: number;
  x: number;
  y: number;
}

/**
 * The minimap on one <canvas>: node boxes and the viewport frame, redrawn (at most once per
 * animation frame) from React Flow's store. React Flow's own MiniMap subscribes one selector per
 * node to that store, so every pan frame and every drag step ran N selectors and repainted N SVG
 * rects (bench:canvas C3). Drag on it to pan, wheel on it to zoom, as with `pannable zoomable`.
 * Its size follows the canvas's (minimapSize): 200×150 px on a large canvas, a quarter of a small one.
 * None while the blueprint has no nodes.
 */
export function FlowMinimap() {
  const api = useStoreApi();
  const { setViewport, getViewport } = useReactFlow();
  const ref = useRef<HTMLCanvasElement>(null);
  const fit = useRef<Fit>({ scale: 1, x: 0, y: 0 });
  const tokens = TOKENS[useTheme()];
  const W = useStore(widthOf);
  const H = Math.round((W * 3) / 4);
  const shown = useStore(hasNodes);

  useEffect(() => {
    if (!shown) return;
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W * dpr;
    canvas.height = H * dpr;
    let frame = 0;
    let drawn: ReactFlowState | undefined;
    let bounds: { nodes: unknown; box: Box | undefined } = { nodes: undefined, box: undefined };
    // The node layer, drawn again only when the nodes or the fit change (a pan inside the graph keeps both).
    const layer = document.createElement('canvas');
    layer.width = canvas.width;
    layer.height = canvas.height;
    const lctx = layer.getContext('2d');
    let layerOf: { nodes: unknown; fit: Fit } | undefined;
    const draw = () => {
      frame = 0;
      const s = api.getState();
      drawn = s;
      // The graph's nodes: the far view's mounting a node under the pointer (far-live.ts) changes nothing here.
      const nodes = graphItems(s.nodes);
      if (bounds.nodes !== nodes)
        bounds = { nodes, box: nodesBounds((s.nodeLookup as unknown as ReadonlyMap<string, RasterNode>).values()) };
      const f = fitFor(s, bounds.box, W, H);
      if (lctx && (layerOf?.nodes !== nodes || !sameFit(layerOf.fit, f))) {
        drawNodes(lctx, s, f, tokens, dpr, W, H);
        layerOf = { nodes, fit: f };
      }
      drawMinimap(ctx, layer, s, f, tokens, dpr, W, H);
      fit.current = f;
    };
    draw();
    const unsubscribe = api.subscribe((s) => {
      if (
        frame !== 0 ||
        (drawn &&
          drawn.transform === s.transform &&
          graphItems(drawn.nodes) === graphItems(s.nodes) &&
          drawn.width === s.width &&
          drawn.height === s.height)
      )
        return;
      frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [api, tokens, W, H, shown]);

  /** Centres the view on the flow point under the pointer. */
  const panTo = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const f = fit.current;
    const x = (e.clientX - r.x - f.x) / f.scale;
    const y = (e.clientY - r.y - f.y) / f.scale;
    const { width, height } = api.getState();
    const { zoom } = getViewport();
    void setViewport({ x: width / 2 - x * zoom, y: height / 2 - y * zoom, zoom });
  };
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    panTo(e);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) panTo(e);
  };
  const onWheel = (e: WheelEvent<HTMLCanvasElement>) => {
    const { width, height, minZoom, maxZoom } = api.getState();
    const v = getViewport();
    const zoom = Math.min(maxZoom, Math.max(minZoom, v.zoom * 2 ** (-e.deltaY * 0.002)));
    // Zoom about the centre of the pane.
    const cx = (width / 2 - v.x) / v.zoom;
    const cy = (height / 2 - v.y) / v.zoom;
    void setViewport({ x: width / 2 - cx * zoom, y: height / 2 - cy * zoom, zoom });
  };

  if (!shown) return null;
  return (
    <Panel position="bottom-right" className="react-flow__minimap flow-minimap">
      <canvas
        ref={ref}
        role="img"
        aria-label="Minimap"
        style={{ width: W, height: H }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onWheel={onWheel}
      />
    </Panel>
  );
}

/** The fit (as React Flow's MiniMap): the nodes and the view together. */
function fitFor(s: ReactFlowState, nodes: Box | undefined, W: number, H: number): Fit {
  const view = visibleRect(s.transform, s.width, s.height);
  const x0 = Math.min(view.x, nodes?.x ?? view.x);
  const y0 = Math.min(view.y, nodes?.y ?? view.y);
  const x1 = Math.max(view.x + view.width, nodes ? nodes.x + nodes.width : view.x);
  const y1 = Math.max(view.y + view.height, nodes ? nodes.y + nodes.height : view.y);
  const scale = Math.min((W - 2 * PAD) / Math.max(1, x1 - x0), (H - 2 * PAD) / Math.max(1, y1 - y0));
  return { scale, x: (W - (x1 - x0) * scale) / 2 - x0 * scale, y: (H - (y1 - y0) * scale) / 2 - y0 * scale };
}

const sameFit = (a: Fit, b: Fit) => Math.abs(a.scale / b.scale - 1) < 1e-9 && Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01;

/** The node boxes on the surface, at the fit. */
function drawNodes(ctx: CanvasRenderingContext2D, s: ReactFlowState, fit: Fit, t: Tokens, dpr: number, W: number, H: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = t.surface;
  ctx.fillRect(0, 0, W, H);
  ctx.setTransform(dpr * fit.scale, 0, 0, dpr * fit.scale, dpr * fit.x, dpr * fit.y);
  const paths = { service: new Path2D(), volume: new Path2D(), other: new Path2D() };
  for (const n of (s.nodeLookup as unknown as ReadonlyMap<string, RasterNode>).values()) {
    if (n.type === 'exposure') continue; // `hidden` (far-live.ts: not mounted) is drawn too
    const b = nodeBox(n);
    (n.type === 'service' ? paths.service : n.type === 'volume' ? paths.volume : paths.other).rect(b.x, b.y, b.width, b.height);
  }
  ctx.fillStyle = t['accent-soft'];
  ctx.fill(paths.service);
  ctx.strokeStyle = t.accent;
  ctx.lineWidth = 1 / fit.scale;
  ctx.stroke(paths.service);
  ctx.fillStyle = t['edge-mount'];
  ctx.fill(paths.volume);
  ctx.fillStyle = t.network;
  ctx.fill(paths.other);
}

/** The node layer and the viewport frame over it. */
function drawMinimap(
  ctx: CanvasRenderingContext2D,
  layer: HTMLCanvasElement,
  s: ReactFlowState,
  fit: Fit,
  t: Tokens,
  dpr: number,
  W: number,
  H: number,
): void {
  const view = visibleRect(s.transform, s.width, s.height);
  const scale = fit.scale;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layer, 0, 0);
  // Everything outside the view dimmed, as React Flow's mask.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const frame = new Path2D();
  frame.rect(0, 0, W, H);
  frame.rect(fit.x + view.x * scale, fit.y + view.y * scale, view.width * scale, view.height * scale);
  ctx.globalAlpha = 0.55;
  ctx.fillStyle = t.bg;
  ctx.fill(frame, 'evenodd');
  ctx.globalAlpha = 1;
  ctx.strokeStyle = t['border-strong'];
  ctx.lineWidth = 1;
  ctx.strokeRect(fit.x + view.x * scale, fit.y + view.y * scale, view.width * scale, view.height * scale);
}
