// The frame floor of the canvas benchmark (bench:canvas --floor): what a page that does (almost)
// nothing per frame gets from the same browser, flags, pane, recorder and mouse input. No React, no
// React Flow; the class names bench:canvas looks for (.react-flow, .react-flow__pane,
// .react-flow__viewport with translate/scale, .react-flow__node) are kept so the same gestures run.
//   ?mode=empty  one node box in a viewport moved by its CSS transform (the input + rAF floor)
//   ?mode=blit   plus ONE pane-size <canvas> that, per frame the view changed, draws a bitmap of the
//                whole graph (drawn once at load, at most 4096 px a side) with the view's transform
//   ?mode=layer  that bitmap as a <canvas> inside the viewport: moved by the CSS transform only

// The graph and the window global it comes in are the stock page's (bench:canvas hands both the same).
import type { StockGraph } from '../stock-flow/main';

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2;
/** The largest side of the cached bitmap, in device pixels. */
const MAX_BITMAP = 4096;

const graph: StockGraph = window.__BENCH_GRAPH__ ?? { nodes: [], edges: [], width: 1000, height: 700 };
const mode = new URLSearchParams(location.search).get('mode') ?? 'empty';
const dpr = window.devicePixelRatio || 1;

const root = document.getElementById('root') as HTMLDivElement;
root.style.width = `${graph.width}px`;
root.style.height = `${graph.height}px`;
const pane = document.createElement('div');
pane.className = 'react-flow__pane';
const viewport = document.createElement('div');
viewport.className = 'react-flow__viewport';
root.append(pane, viewport);

/** Node size as the app draws a service (a volume is smaller). */
const size = (id: string) => (id.startsWith('volume:') ? { w: 180, h: 64 } : { w: 240, h: 100 });
const pos = new Map(graph.nodes.map((n) => [n.id, n]));
let x0 = 0;
let y0 = 0;
let x1 = 1;
let y1 = 1;
if (graph.nodes.length > 0) {
  x0 = Math.min(...graph.nodes.map((n) => n.x));
  y0 = Math.min(...graph.nodes.map((n) => n.y));
  x1 = Math.max(...graph.nodes.map((n) => n.x + size(n.id).w));
  y1 = Math.max(...graph.nodes.map((n) => n.y + size(n.id).h));
}

// The view: fitted as React Flow's fitView (padding 0.25, max zoom 1).
let zoom = Math.max(MIN_ZOOM, Math.min(1, graph.width / ((x1 - x0) * 1.5), graph.height / ((y1 - y0) * 1.5)));
let tx = graph.width / 2 - ((x0 + x1) / 2) * zoom;
let ty = graph.height / 2 - ((y0 + y1) / 2) * zoom;

// One node: what the benchmark grabs for its drag (draggable, as React Flow marks the nodes it drags); placed at the graph's first node.
const node = document.createElement('div');
node.className = 'react-flow__node draggable';
node.textContent = 'floor';
const first = graph.nodes[0] ?? { x: 0, y: 0 };
let nx = first.x;
let ny = first.y;
const placeNode = () => {
  node.style.transform = `translate(${nx}px, ${ny}px)`;
};
placeNode();
viewport.append(node);

/** The whole graph once: boxes with a title bar, edges as straight lines. */
function drawGraph(): { canvas: HTMLCanvasElement; scale: number } {
  const scale = Math.min(1, MAX_BITMAP / Math.max(x1 - x0, y1 - y0));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil((x1 - x0) * scale);
  canvas.height = Math.ceil((y1 - y0) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return { canvas, scale };
  ctx.setTransform(scale, 0, 0, scale, -x0 * scale, -y0 * scale);
  ctx.strokeStyle = '#b1b1b7';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (const e of graph.edges) {
    const s = pos.get(e.source);
    const t = pos.get(e.target);
    if (!s || !t) continue;
    ctx.moveTo(s.x + size(s.id).w, s.y + size(s.id).h / 2);
    ctx.lineTo(t.x, t.y + size(t.id).h / 2);
  }
  ctx.stroke();
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#1a192b';
  ctx.lineWidth = 1;
  for (const n of graph.nodes) {
    const { w, h } = size(n.id);
    ctx.fillRect(n.x, n.y, w, h);
    ctx.strokeRect(n.x, n.y, w, h);
  }
  ctx.fillStyle = '#1a192b';
  ctx.font = '600 13px system-ui, sans-serif';
  for (const n of graph.nodes) ctx.fillText(n.id, n.x + 12, n.y + 20, size(n.id).w - 24);
  return { canvas, scale };
}

let redraw: () => void = () => undefined;
if (mode === 'blit') {
  const { canvas: bitmap, scale } = drawGraph();
  const screen = document.createElement('canvas');
  screen.width = Math.round(graph.width * dpr);
  screen.height = Math.round(graph.height * dpr);
  screen.style.width = `${graph.width}px`;
  screen.style.height = `${graph.height}px`;
  screen.style.zIndex = '1';
  root.insertBefore(screen, viewport);
  const ctx = screen.getContext('2d');
  let frame = 0;
  const draw = () => {
    frame = 0;
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, screen.width, screen.height);
    const k = (dpr * zoom) / scale;
    ctx.setTransform(k, 0, 0, k, dpr * (tx + x0 * zoom), dpr * (ty + y0 * zoom));
    ctx.drawImage(bitmap, 0, 0);
  };
  redraw = () => {
    if (frame === 0) frame = requestAnimationFrame(draw);
  };
} else if (mode === 'layer') {
  const { canvas: bitmap } = drawGraph();
  bitmap.style.left = `${x0}px`;
  bitmap.style.top = `${y0}px`;
  bitmap.style.width = `${x1 - x0}px`;
  bitmap.style.height = `${y1 - y0}px`;
  viewport.prepend(bitmap);
}

function apply(): void {
  viewport.style.transform = `translate(${tx}px, ${ty}px) scale(${zoom})`;
  redraw();
}
apply();

// Pan: drag the pane. Drag a node: drag the node box.
let drag: { kind: 'pane' | 'node'; x: number; y: number } | undefined;
pane.addEventListener('pointerdown', (e) => {
  pane.setPointerCapture(e.pointerId);
  drag = { kind: 'pane', x: e.clientX, y: e.clientY };
});
node.addEventListener('pointerdown', (e) => {
  node.setPointerCapture(e.pointerId);
  drag = { kind: 'node', x: e.clientX, y: e.clientY };
});
const move = (e: PointerEvent) => {
  if (!drag) return;
  const dx = e.clientX - drag.x;
  const dy = e.clientY - drag.y;
  drag.x = e.clientX;
  drag.y = e.clientY;
  if (drag.kind === 'pane') {
    tx += dx;
    ty += dy;
    apply();
  } else {
    nx += dx / zoom;
    ny += dy / zoom;
    placeNode();
  }
};
const up = () => {
  drag = undefined;
};
pane.addEventListener('pointermove', move);
node.addEventListener('pointermove', move);
pane.addEventListener('pointerup', up);
node.addEventListener('pointerup', up);

// Zoom: the wheel, about the pointer, with d3-zoom's step (React Flow's default).
root.addEventListener(
  'wheel',
  (e) => {
    e.preventDefault();
    const r = root.getBoundingClientRect();
    const px = e.clientX - r.x;
    const py = e.clientY - r.y;
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom * 2 ** (-e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002))));
    tx = px - ((px - tx) / zoom) * next;
    ty = py - ((py - ty) / zoom) * next;
    zoom = next;
    apply();
  },
  { passive: false },
);
