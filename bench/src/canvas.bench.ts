/// <reference lib="dom" />
/**
 * Canvas benchmark (issue 3 performance, issue 9 suite; anchors C1–C3): a generated blueprint of
 * 1,000 / 2,000 / 5,000 services in the production build of the app, and the same nodes and edges
 * in a stock React Flow page (bench/stock-flow: default nodes and props, the app's React Flow
 * version, the app's pane size). Real mouse input in headless Chromium (the e2e flags) while an
 * in-page requestAnimationFrame recorder collects frame intervals: first pan + zoom (drag the pane,
 * wheel out and in), then drag one node. Runs alternate (ours, stock, stock, ours, …). Intervals
 * are bootstrapped over the frames of all runs of a side.
 *
 * --floor empty,blit,layer adds reference pages (bench/floor, information rows C1f/C2f): the same
 * pane, recorder and mouse input on a page that does (almost) nothing per frame — an empty viewport,
 * a bitmap of the graph blitted per frame, or that bitmap moved by the CSS transform only. What they
 * lose is the floor of this machine and browser: no page can get under it here.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:canvas
 *     [-- --sizes 1000,5000 --pan 6 --drag 4 --reps 2 --app-dist DIR --stock-dist DIR --profile
 *         --floor empty,blit --floor-dist DIR --trace --trace-load --ours-only --pause MS]
 *
 * --trace records a Chrome trace of each pan phase and prints where the renderer's time went
 * (canvas-trace.ts): main-thread tasks over 16 ms and self time by event, the busy time of the
 * compositor and raster threads. Its frame figures are not for the table (tracing costs time).
 * --trace-load does the same for each page load (navigation → ready: what the `ready` time is made
 * of). --ours-only runs the app alone (an A/B of two builds, by hand); --pause MS rests between
 * pan+zoom turns (the suite does not), so what a page does when a gesture settles falls between
 * gestures.
 */
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { type FrameStats, frameStats, stockGraph, withGridLayout } from './canvas-graph';
import { printTrace, startTrace, stopTrace, summarizeTrace } from './canvas-trace';
import { generateBlueprint } from './generate';
import { buildApp, buildFloor, buildStock, launch, loadReady, serve, tempDir, VIEWPORT } from './lib/browser';
import { type CpuProfile, printProfile } from './lib/cpu-profile';
import { arg, isMain, runMain, sleep } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';
import { alternating, percentile } from './lib/stats';

const LIBRARY_KEY = 'blaupause:library:v1';
const DOC_PREFIX = 'blaupause:blueprint:v1:';
/** Targets of issue 3: share of frames over 20 ms while panning; p95 while dragging (C3). */
export const TARGET_PCT: Record<number, number> = { 1000: 1, 2000: 2, 5000: 2 };
export const TARGET_DRAG_P95 = 17;
/** Zoom at which the gestures start (about the pilot's: a few hundred nodes in view). */
const WORK_ZOOM = 0.5;

/** Reference pages of bench/floor (?mode=…). */
export type FloorMode = 'empty' | 'blit' | 'layer';
export const FLOOR_MODES: readonly FloorMode[] = ['empty', 'blit', 'layer'];
export type Side = 'ours' | 'stock' | `floor-${FloorMode}`;
export interface CanvasRun {
  side: Side;
  n: number;
  pan: number[];
  drag: number[];
  readyMs: number;
  nodesInDom: number;
}

export interface CanvasOptions {
  appDist: string;
  stockDist: string;
  sizes: number[];
  /** Alternating runs per side: one number, or per size. */
  reps: number | Record<number, number>;
  panSeconds: number;
  dragSeconds: number;
  profile?: boolean;
  /** A Chrome trace of the pan gestures, summarised (canvas-trace.ts): main-thread work per task. */
  trace?: boolean;
  /** The floor pages to run too (one run each per round, between ours and stock), and their build. */
  floor?: readonly FloorMode[];
  floorDist?: string;
  /** A Chrome trace of each page load (navigation → ready), summarised like --trace. */
  traceLoad?: boolean;
  /** A rest between pan+zoom turns (ms; 0 in the suite): lets a page's settle work fall between gestures. */
  pauseMs?: number;
  /** Only the app (A/B of two builds by hand; no rows worth reading). */
  oursOnly?: boolean;
  log?: (line: string) => void;
}

/** A node in the DOM, or the app's raster drawn with its nodes (the far view of a large graph). */
const READY = '.react-flow__node, .flow-raster.is-active[data-nodes]';

/**
 * Waits until the canvas has drawn its nodes and their count has stopped changing. The app's far
 * view of a large graph draws them on its raster and mounts none (apps/web canvas/far-live.ts).
 */
async function waitReady(page: Page, t0: number): Promise<{ readyMs: number; nodesInDom: number }> {
  await page.waitForSelector(READY, { timeout: 120_000 });
  let last = -1;
  for (;;) {
    const count = await page.locator('.react-flow__node').count();
    if (count === last) break;
    last = count;
    await sleep(400);
  }
  const readyMs = Date.now() - t0 - 400;
  await sleep(500);
  return { readyMs, nodesInDom: last };
}

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
    return Number(t.match(/scale\(([\d.]+)\)/)?.[1] ?? Number.NaN);
  });
}

export async function paneBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.react-flow').first().boundingBox();
  if (!box) throw new Error('no .react-flow pane');
  return box;
}

/** Where the pan strokes start, and their direction (1: right and down first; -1: left and up). */
interface PanStart {
  x: number;
  y: number;
  sign: number;
}

/**
 * A point of the pane with no node or edge over it (a drag there pans), nearest the centre, whose
 * stroke end (`reach` further, else `reach` back) is over the flow too, not over a panel (minimap,
 * controls): a stroke back starts there.
 */
export async function emptyPoint(page: Page, reach: { x: number; y: number }): Promise<PanStart> {
  const p = await page.evaluate((reach) => {
    const flow = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!flow) return undefined;
    const cx = flow.x + flow.width / 2;
    const cy = flow.y + flow.height / 2;
    const candidates: Array<[number, number]> = [];
    for (let dy = -0.35; dy <= 0.35; dy += 0.05)
      for (let dx = -0.35; dx <= 0.35; dx += 0.05) candidates.push([cx + dx * flow.width, cy + dy * flow.height]);
    candidates.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
    // (No named helper functions in here: tsx would wrap them in a `__name` the page lacks.)
    for (const sign of [1, -1])
      for (const [x, y] of candidates) {
        if (!document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) continue;
        const end = document.elementFromPoint(x + sign * reach.x, y + sign * reach.y);
        if (end?.closest('.react-flow') && !end.closest('.react-flow__panel')) return { x, y, sign };
      }
    return undefined;
  }, reach);
  if (!p) throw new Error('no empty spot of the pane to drag');
  return p;
}

/**
 * Where to grab the draggable node nearest the pane's centre: its title (the app's node header),
 * else its middle. Only nodes React Flow lets drag (class `draggable`, on both pages): the app's
 * exposure nodes are not, and grabbing one measured a drag that moved nothing.
 */
async function grabPoint(page: Page): Promise<{ x: number; y: number }> {
  // Right after a zoom the page may still be mounting the nodes in view: looked for again for up to 10 s.
  for (let tries = 0; tries < 20; tries++) {
    const p = await nearestDraggable(page);
    if (p) return p;
    await sleep(500);
  }
  throw new Error('no node to drag');
}

async function nearestDraggable(page: Page): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(() => {
    const flow = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!flow) return undefined;
    const cx = flow.x + flow.width / 2;
    const cy = flow.y + flow.height / 2;
    let best: { x: number; y: number; d: number } | undefined;
    for (const node of document.querySelectorAll('.react-flow__node.draggable')) {
      const r = (node.querySelector('.node-title') ?? node).getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (r.width > 0 && (!best || d < best.d)) best = { x, y, d };
    }
    return best && { x: best.x, y: best.y };
  });
}

/** Wheel at the pane centre until the zoom is near `target` (the same steps on both sides). */
export async function zoomTo(page: Page, target: number): Promise<void> {
  const box = await paneBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60; i++) {
    const z = await zoomOf(page);
    if (Math.abs(Math.log(z / target)) < 0.08) return;
    await page.mouse.wheel(0, z < target ? -60 : 60);
    await sleep(120);
  }
}

/** Starts the in-page recorder: one timestamp per animation frame (a string: tsx helpers do not exist in the page). */
async function startRecorder(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

async function stopRecorder(page: Page): Promise<number[]> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  return frames.slice(1).map((t, i) => t - (frames[i] ?? t));
}

/** Each pan stroke: 30 mouse moves of this many px (x, y), one every 16 ms; `reach` in all. */
const STROKE: readonly [number, number] = [10, 5];
const STROKE_MOVES = 30;
export const reach = { x: STROKE[0] * STROKE_MOVES, y: STROKE[1] * STROKE_MOVES };

/**
 * Pan by dragging the pane, then zoom out and in with the wheel, round and round for `seconds`.
 * `start` is an empty spot of the pane found before the recording (emptyPoint): the strokes go
 * there and back (even turns start at `start`, odd ones where the last stroke ended, i.e. on the
 * same flow point) and the wheel zooms out and in again about the centre, so the spot under the
 * press is the same empty one on every turn — no hit test of the benchmark's own in the recording
 * (at 5,000 services one `elementFromPoint` took 0.4–0.6 s on both sides).
 */
export async function panGestures(page: Page, seconds: number, start: PanStart, pause = 0): Promise<void> {
  const end = Date.now() + seconds * 1000;
  const box = await paneBox(page);
  let turn = 0;
  while (Date.now() < end) {
    const dir = turn % 2 === 0 ? start.sign : -start.sign;
    const from = dir === start.sign ? start : { x: start.x + start.sign * reach.x, y: start.y + start.sign * reach.y };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= STROKE_MOVES; i++) {
      await page.mouse.move(from.x + dir * i * STROKE[0], from.y + dir * i * STROKE[1]);
      await sleep(16);
    }
    await page.mouse.up();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (const dy of [40, 40, 40, 40, 40, 40, -40, -40, -40, -40, -40, -40]) {
      await page.mouse.wheel(0, dy);
      await sleep(16);
    }
    if (pause > 0) await sleep(pause);
    turn++;
  }
}

/** Whether the pane itself is under a point (nothing drawn over it). */
async function paneAt(page: Page, p: { x: number; y: number }): Promise<boolean> {
  return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') ?? false, p);
}

/** Drag one node back and forth in 45-move strokes for `seconds`. */
async function dragGestures(page: Page, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  const start = await grabPoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  let turn = 0;
  while (Date.now() < end) {
    const dir = turn % 2 === 0 ? 1 : -1;
    for (let i = 1; i <= 45; i++) {
      await page.mouse.move(start.x + (dir > 0 ? i : 45 - i) * 6, start.y + (dir > 0 ? i : 45 - i) * 3);
      await sleep(16);
    }
    turn++;
  }
  await page.mouse.up();
}

export async function openSide(
  context: BrowserContext,
  origin: string,
  side: Side,
  n: number,
  pane: { width: number; height: number },
  traceLoad?: (line: string) => void,
) {
  const page = await context.newPage();
  const tracer = traceLoad ? await context.newCDPSession(page) : undefined;
  if (tracer) await startTrace(tracer);
  const bp = withGridLayout(generateBlueprint(n));
  // The app opens the library's current blueprint (apps/web/src/persistence/keys.ts). One copy only:
  // 5,000 services are ~3.9 MB of JSON, two copies would not fit the origin's storage quota.
  const library = { current: 'bench', entries: [{ id: 'bench', title: `bench-${n}`, followsName: true, createdAt: 0, updatedAt: 0 }] };
  const entries = { [LIBRARY_KEY]: JSON.stringify(library), [`${DOC_PREFIX}bench`]: JSON.stringify(bp) };
  if (side === 'ours')
    await page.addInitScript((e) => {
      for (const [k, v] of Object.entries(e)) window.localStorage.setItem(k, v);
    }, entries);
  else await page.addInitScript((g) => Object.assign(window, { __BENCH_GRAPH__: g }), { ...stockGraph(bp), ...pane });
  let ready = { readyMs: 0, nodesInDom: 0 };
  const url = side === 'ours' ? 'app/' : side === 'stock' ? 'stock/' : `floor/?mode=${side.slice('floor-'.length)}`;
  await loadReady(page, `${origin}/${url}`, async (t0) => {
    ready = await waitReady(page, t0);
  });
  if (tracer && traceLoad) printTrace(`load ${side}@${n} (navigation → ready)`, summarizeTrace(await stopTrace(tracer)), traceLoad);
  const name = side === 'ours' ? await page.locator('.doc-name').first().textContent() : `bench-${n}`;
  if (!name?.includes(`bench-${n}`)) throw new Error(`the app opened "${name}", not the benchmark blueprint bench-${n}`);
  return { page, ...ready };
}

async function measure(
  browser: Browser,
  origin: string,
  side: Side,
  n: number,
  o: CanvasOptions,
  pane: { width: number; height: number },
): Promise<CanvasRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const { page, readyMs, nodesInDom } = await openSide(context, origin, side, n, pane, o.traceLoad ? (o.log ?? console.log) : undefined);
    await zoomTo(page, WORK_ZOOM);
    // Past the end of the zoom gesture (d3-zoom: 150 ms after the last wheel event) and whatever a
    // page does when a gesture settles (ours: the DOM view returns 350 ms later), so the hit test
    // below sees the nodes' real boxes.
    await sleep(1500);
    const cdp = o.profile ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const start = await emptyPoint(page, reach);
    await sleep(500);
    const tracer = o.trace ? await context.newCDPSession(page) : undefined;
    if (tracer) await startTrace(tracer);
    await startRecorder(page);
    await panGestures(page, o.panSeconds, start, o.pauseMs);
    const pan = await stopRecorder(page);
    if (tracer) printTrace(`${side}@${n}`, summarizeTrace(await stopTrace(tracer)), o.log ?? console.log);
    // The strokes went there and back: the start is still the empty pane (else the view drifted).
    await sleep(800);
    if (!(await paneAt(page, start)) && !(await paneAt(page, { x: start.x + start.sign * reach.x, y: start.y + start.sign * reach.y })))
      (o.log ?? console.log)(`  warning: ${side}@${n}: the pan's start point is no longer empty pane (the view drifted)`);
    let drag: number[] = [];
    if (o.dragSeconds > 0) {
      await sleep(300);
      await startRecorder(page);
      await dragGestures(page, o.dragSeconds);
      drag = await stopRecorder(page);
    }
    if (cdp) printProfile(`${side}@${n}`, (await cdp.send('Profiler.stop')).profile as CpuProfile, o.log ?? console.log);
    return { side, n, pan, drag, readyMs, nodesInDom };
  } finally {
    await context.close();
  }
}

const FLOOR_TEXT: Record<FloorMode, string> = {
  empty: 'empty page (one box, CSS transform)',
  blit: 'one canvas blitting a cached bitmap per frame',
  layer: 'cached bitmap moved by the CSS transform',
};

const over20 = (xs: readonly number[]) => (xs.length === 0 ? Number.NaN : (100 * xs.filter((d) => d > 20).length) / xs.length);
const p95 = (xs: readonly number[]) => percentile(xs, 95);
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

/** Rows per size: pan (% frames > 20 ms) and drag (p95 frame interval), ours vs stock, over pooled frames. */
export function canvasRows(runs: readonly CanvasRun[], sizes: readonly number[]): Row[] {
  const rows: Row[] = [];
  for (const n of sizes) {
    const of = (side: Side, k: 'pan' | 'drag') => runs.filter((r) => r.n === n && r.side === side).flatMap((r) => r[k]);
    const reps = runs.filter((r) => r.n === n && r.side === 'ours').length;
    const ready = (side: Side) => runs.filter((r) => r.n === n && r.side === side).map((r) => r.readyMs);
    const dom = (side: Side) => runs.find((r) => r.n === n && r.side === side)?.nodesInDom ?? Number.NaN;
    const target = TARGET_PCT[n] ?? 2;
    const basis = `bootstrap over the frames of ${reps} + ${reps} alternating runs`;
    const floors = FLOOR_MODES.filter((m) => runs.some((r) => r.n === n && r.side === `floor-${m}`));
    rows.push(
      row({
        id: n === 1000 ? 'C1' : 'C2',
        name: `canvas pan + zoom, ${n.toLocaleString('en')} services (% frames > 20 ms)`,
        anchor: 'stock React Flow page, same graph',
        unit: '%',
        ours: of('ours', 'pan'),
        theirs: of('stock', 'pan'),
        stat: over20,
        target: `≤ ${target} % of frames > 20 ms`,
        pass: (m) => m <= target,
        ciBasis: basis,
        note: `pan p95 ${f1(p95(of('ours', 'pan')))} vs ${f1(p95(of('stock', 'pan')))} ms; ready ${ready('ours').join('/')} vs ${ready('stock').join('/')} ms; nodes in DOM ${dom('ours')} vs ${dom('stock')}`,
      }),
      row({
        id: 'C3',
        name: `canvas drag one node, ${n.toLocaleString('en')} services (p95 frame interval)`,
        anchor: 'stock React Flow page, same graph',
        unit: 'ms',
        ours: of('ours', 'drag'),
        theirs: of('stock', 'drag'),
        stat: p95,
        target: `p95 ≤ ${TARGET_DRAG_P95} ms`,
        pass: (m) => m <= TARGET_DRAG_P95,
        ciBasis: basis,
        note: `drag frames > 20 ms: ${f1(over20(of('ours', 'drag')))} % vs ${f1(over20(of('stock', 'drag')))} %`,
      }),
      ...floors.map((m) =>
        row({
          id: n === 1000 ? 'C1f' : 'C2f',
          name: `frame floor: ${FLOOR_TEXT[m]}, ${n.toLocaleString('en')} services, same input (% frames > 20 ms)`,
          anchor: 'stock React Flow page, same graph',
          unit: '%',
          ours: of(`floor-${m}`, 'pan'),
          theirs: of('stock', 'pan'),
          stat: over20,
          target: `information: the floor under C${n === 1000 ? 1 : 2}`,
          ciBasis: basis,
          note: `pan p95 ${f1(p95(of(`floor-${m}`, 'pan')))} ms; ours ${f1(over20(of('ours', 'pan')))} % of frames > 20 ms in the same run`,
        }),
      ),
    );
  }
  return rows;
}

/** The floor pages between the two sides of every round (ours, floors…, stock / stock, …floors reversed, ours). */
export function withFloors(order: readonly Side[], floors: readonly FloorMode[]): Side[] {
  const out: Side[] = [];
  for (let i = 0; i < order.length; i += 2) {
    const round = (i / 2) % 2 === 0 ? floors : [...floors].reverse();
    out.push(order[i] as Side, ...round.map((m): Side => `floor-${m}`), ...order.slice(i + 1, i + 2));
  }
  return out;
}

/** Runs every size, alternating sides; returns the runs (for details) and the rows. */
export async function benchCanvas(browser: Browser, o: CanvasOptions): Promise<{ runs: CanvasRun[]; rows: Row[] }> {
  const log = o.log ?? console.log;
  const floors = o.floor ?? [];
  if (floors.length > 0 && !o.floorDist) throw new Error('floor pages asked for without their build (floorDist)');
  const { server, origin } = await serve({ app: o.appDist, stock: o.stockDist, ...(o.floorDist ? { floor: o.floorDist } : {}) });
  try {
    // The app's canvas pane size, given to the stock page so both draw the same area.
    const probe = await browser.newPage({ viewport: VIEWPORT });
    await loadReady(probe, `${origin}/app/`, () => probe.waitForSelector(READY, { timeout: 90_000 }));
    const box = await paneBox(probe);
    await probe.close();
    const pane = { width: Math.round(box.width), height: Math.round(box.height) };
    const runs: CanvasRun[] = [];
    for (const n of o.sizes)
      for (const side of withFloors(alternating<Side>(typeof o.reps === 'number' ? o.reps : (o.reps[n] ?? 1), 'ours', 'stock'), floors)) {
        if (o.oursOnly && side !== 'ours') continue;
        const run = await measure(browser, origin, side, n, o, pane);
        runs.push(run);
        const p: FrameStats = frameStats(run.pan);
        const d: FrameStats = frameStats(run.drag);
        log(
          `  canvas ${side.padEnd(5)} ${String(n).padStart(5)}: pan >20ms ${f1(p.over20Pct)} % p95 ${f1(p.p95)} ms (${p.frames} frames); drag >20ms ${f1(d.over20Pct)} % p95 ${f1(d.p95)} ms; ready ${run.readyMs} ms, ${run.nodesInDom} nodes in the DOM`,
        );
      }
    return { runs, rows: canvasRows(runs, o.sizes) };
  } finally {
    server.close();
  }
}

async function main(): Promise<void> {
  const profile = process.argv.includes('--profile');
  const trace = process.argv.includes('--trace');
  const out = tempDir('canvas');
  const browser = await launch();
  try {
    const appDist = process.argv.includes('--app-dist') ? arg('app-dist', '') : buildApp(out, profile ? ['--minify', 'false'] : []);
    const stockDist = process.argv.includes('--stock-dist') ? arg('stock-dist', '') : buildStock(out);
    const floorArg = arg('floor', 'empty,blit');
    const floor = process.argv.includes('--floor') ? ((floorArg.startsWith('--') ? 'empty,blit' : floorArg).split(',') as FloorMode[]) : [];
    const bad = floor.find((m) => !FLOOR_MODES.includes(m));
    if (bad) throw new Error(`--floor: unknown page "${bad}" (${FLOOR_MODES.join(', ')})`);
    const floorDist = floor.length === 0 ? undefined : process.argv.includes('--floor-dist') ? arg('floor-dist', '') : buildFloor(out);
    const { rows } = await benchCanvas(browser, {
      appDist,
      stockDist,
      sizes: arg('sizes', '1000,2000,5000').split(',').map(Number),
      reps: Number(arg('reps', '2')),
      panSeconds: Number(arg('pan', '6')),
      dragSeconds: Number(arg('drag', '4')),
      profile,
      trace,
      oursOnly: process.argv.includes('--ours-only'),
      traceLoad: process.argv.includes('--trace-load'),
      pauseMs: Number(arg('pause', '0')),
      floor,
      ...(floorDist ? { floorDist } : {}),
    });
    console.log(consoleTable(rows));
    for (const r of rows) if (r.note) console.log(`${r.id}: ${r.note}`);
  } finally {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) runMain(main);
