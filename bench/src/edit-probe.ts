/**
 * Edit benchmark (issue 3, "editing one node of a 1,000-service blueprint updates the YAML preview
 * within one frame of work (≤ 16 ms, incremental compile)"). K2 times the worker's incremental
 * compile alone; this times what the page's main thread does for an edit in the production app: a
 * generated blueprint of N services, the Compose tab open, one service's image changed in the
 * inspector (Enter), until the preview's model holds the new image and the next frame is painted.
 *
 * Per edit, from a Chrome trace (top-level tasks, user-timing marks set by the page): the main
 * thread's work (the sum of its tasks overlapping Enter … painted), its longest task, the wall time,
 * and the analysis worker's busy time in the same span (the anchor: the edit's own compile work).
 * Row K3 (suite): p95 over the edits of the main thread's work, target ≤ 16 ms.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:edit [-- --sizes 1000 --edits 8 --app-dist DIR[,DIR2] --rounds 2 --profile]
 *
 * Two app folders: A/B, alternating (A B, B A, …), `--rounds` pages each. The page is waited on
 * through the editor's test hook (`yamlModel()`, one listener on its changes); a build from before
 * that hook is waited on through its `<pre data-yaml-text>` (a MutationObserver), so both pay one
 * check per change. --detail: what filled the main thread, by trace event. --profile: a CPU profile of the main thread over each edit instead (build the
 * app with `vite build --minify false` for names).
 *
 * The anchor (--stock, always in the suite): the stock Monaco page (bench/stock-monaco) — the app's
 * monaco-editor showing the same Compose text at the app's editor size, a plain <input>; one edit is
 * Enter → `model.applyEdits` of the one-line splice the worker would send (precomputed, no compile) →
 * the next painted frame, measured with the same marks and trace code. What the editor alone takes.
 */

import { join } from 'node:path';
import { compile } from '@blaupause/compiler';
import { Blueprint } from '@blaupause/model';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { withGridLayout } from './canvas-graph';
import { printTrace, stopTrace, summarizeTrace, type TraceEvent } from './canvas-trace';
import { generateBlueprint } from './generate';
import { buildApp, launch, ROOT, serve, tempDir, VIEWPORT, viteBuild } from './lib/browser';
import { type CpuProfile, printProfile } from './lib/cpu-profile';
import { arg, isMain, runMain, sleep } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';
import { median, percentile } from './lib/stats';

/** Issue 3: one frame of work. */
export const EDIT_BUDGET_MS = 16;

/** The app opens the library's current blueprint (apps/web/src/persistence/keys.ts). */
function storage(n: number): Record<string, string> {
  const library = { current: 'probe', entries: [{ id: 'probe', title: `probe-${n}`, followsName: true, createdAt: 0, updatedAt: 0 }] };
  return {
    'blaupause:library:v1': JSON.stringify(library),
    'blaupause:blueprint:v1:probe': JSON.stringify(withGridLayout(generateBlueprint(n))),
  };
}

/** One edit's figures (ms). */
export interface EditSample {
  wall: number;
  mainWork: number;
  /** The same tasks' thread CPU time (trace `tdur`): the work itself, without the time the thread waited for a core on a busy host. */
  mainCpu: number;
  /** Main-thread work from Enter until FOLLOW_UP_MS after the paint: debounced and idle work the edit caused too (autosave, folding ranges, …). */
  settledWork: number;
  longestTask: number;
  tasks: number;
  workerBusy: number;
}

/** How long after the preview's paint work is still counted as the edit's (settledWork). */
export const FOLLOW_UP_MS = 1500;

const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8'].join(',');
/** With --detail: also the JavaScript stack of forced layouts and style recalculations. */
const STACKS = 'disabled-by-default-devtools.timeline.stack';
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Installed before the app loads: marks Enter in the inspector ("edit:enter", in the keydown task)
 * and, once the shown preview holds `window.__editWanted`, "edit:shown", then "edit:painted" after
 * the next frame. Resolves `window.__editDone` with the wall time.
 */
function pageProbe(): void {
  const w = window as unknown as Record<string, unknown>;
  addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && typeof w.__editWanted === 'string') performance.mark('edit:enter');
    },
    true,
  );
  const found = () => {
    performance.mark('edit:shown');
    w.__editWanted = undefined;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const done = performance.mark('edit:painted').startTime;
        const enter = performance.getEntriesByName('edit:enter').at(-1)?.startTime ?? done;
        (w.__editResolve as (ms: number) => void)(done - enter);
      }, 0),
    );
  };
  w.__editWatch = (wanted: string) => {
    w.__editWanted = wanted;
    w.__editDone = new Promise<number>((resolve) => {
      w.__editResolve = resolve;
    });
    if (w.__editWatching) return;
    w.__editWatching = true;
    const host = document.querySelector('.yaml-editor') as (HTMLElement & { yamlModel?: () => Model | null }) | null;
    const model = host?.yamlModel?.();
    if (model) {
      // The changed lines only: no copy of the whole text.
      model.onDidChangeContent((e) => {
        const v = w.__editWanted;
        if (typeof v !== 'string') return;
        for (const c of e.changes) {
          const last = c.range.startLineNumber + c.text.split('\n').length - 1;
          for (let l = c.range.startLineNumber; l <= Math.min(last, model.getLineCount()); l++)
            if (model.getLineContent(l).includes(v)) return found();
        }
      });
      return;
    }
    const pre = document.querySelector('[data-yaml-text]');
    if (!pre) throw new Error('no preview to watch');
    new MutationObserver(() => {
      const v = w.__editWanted;
      if (typeof v === 'string' && pre.textContent?.includes(v)) found();
    }).observe(pre, { childList: true, characterData: true, subtree: true });
  };
  interface Model {
    onDidChangeContent(l: (e: { changes: Array<{ range: { startLineNumber: number }; text: string }> }) => void): unknown;
    getLineCount(): number;
    getLineContent(line: number): string;
  }
}

/** Opens the app on an N-service blueprint with the Compose tab shown and one service selected. */
async function openProbe(
  browser: Browser,
  origin: string,
  n: number,
): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void>; box: EditorBox | undefined }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const seeded = storage(n);
  await page.addInitScript((e) => {
    for (const [k, v] of Object.entries(e)) window.localStorage.setItem(k, v);
  }, seeded);
  // tsx (esbuild, keepNames) wraps named inner functions in __name(); the page has none.
  await page.addInitScript({ content: 'window.__name = window.__name || ((f) => f);' });
  await page.addInitScript(pageProbe);
  await page.goto(`${origin}/app/`);
  await page.waitForSelector('.react-flow__viewport', { timeout: 180_000 });
  await page.getByRole('region', { name: 'YAML preview' }).getByRole('tab', { name: 'Compose' }).click();
  await page.locator('.yaml-editor[data-model="compose"][data-ready="true"]').waitFor({ timeout: 180_000 });
  await page.waitForFunction(() => (document.querySelector('.yaml-editor .view-lines')?.textContent?.length ?? 0) > 0, null, {
    timeout: 180_000,
  });
  await sleep(5000);
  // A service box near the middle of the pane, from its place in the flow (the blueprint's layout)
  // and the viewport's transform: in the far view of a large graph a node is mounted only near the
  // pointer (canvas/far-live.ts) — the move before the click mounts it.
  // (The layout as seeded, not read back from localStorage: the app moves its documents into IndexedDB.)
  const seededDoc = JSON.parse(seeded['blaupause:blueprint:v1:probe'] ?? '{}') as {
    layout?: { nodes?: Record<string, { x: number; y: number }> };
  };
  const centres = await page.evaluate((nodes) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const viewport = document.querySelector('.react-flow__viewport');
    if (!pane || !viewport) return [];
    const view = new DOMMatrix(getComputedStyle(viewport).transform);
    return Object.entries(nodes)
      .filter(([id]) => id.startsWith('service:'))
      .map(([, at]) => {
        const p = view.transformPoint(new DOMPoint(at.x + 130, at.y + 30));
        return { x: pane.left + p.x, y: pane.top + p.y };
      });
  }, seededDoc.layout?.nodes ?? {});
  const c = centres.find((p) => p.x > 200 && p.x < 900 && p.y > 150 && p.y < 700) ?? centres[0];
  if (!c) throw new Error('no service node on screen');
  await page.mouse.move(c.x - 2, c.y);
  await sleep(200);
  await page.mouse.click(c.x, c.y);
  await sleep(2000);
  const box = await page.evaluate(() => {
    const r = document.querySelector('.yaml-editor')?.getBoundingClientRect();
    return r ? { left: r.left, top: r.top, width: r.width, height: r.height } : undefined;
  });
  return { page, cdp: await context.newCDPSession(page), close: () => context.close(), box };
}

export type EditorBox = { left: number; top: number; width: number; height: number };

/** The stock page's text and the edited line: svc-<n/2>'s image in the Compose file compiled in node (the app's compiler). */
export function stockText(n: number): { text: string; line: number; start: number } {
  const text = compile(Blueprint.parse(withGridLayout(generateBlueprint(n))), 'compose').files[0]?.content ?? '';
  const lines = text.split('\n');
  const head = lines.indexOf(`  svc-${Math.floor(n / 2)}:`);
  const at = lines.findIndex((l, i) => i > head && l.startsWith('    image: '));
  if (head < 0 || at < 0) throw new Error('no image line in the compiled Compose text');
  return { text, line: at + 1, start: '    image: '.length + 1 };
}

/** The stock Monaco page (bench/stock-monaco), built as the app is. */
export function buildStockMonaco(out: string): string {
  const dir = join(out, 'stock-monaco');
  viteBuild(['--config', join(ROOT, 'bench', 'stock-monaco', 'vite.config.mjs'), '--outDir', dir, '--emptyOutDir'], 'stock Monaco page');
  return dir;
}

/** Opens the stock Monaco page on the same text, at the app's editor box, with the same probe. */
async function openStock(
  browser: Browser,
  origin: string,
  stock: { text: string; line: number; start: number },
  box: EditorBox,
): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript((s) => Object.assign(window, { __BENCH_STOCK__: s }), { ...stock, box });
  await page.addInitScript({ content: 'window.__name = window.__name || ((f) => f);' });
  await page.addInitScript(pageProbe);
  await page.goto(`${origin}/app/`);
  await page.locator('.yaml-editor[data-ready="true"]').waitFor({ timeout: 180_000 });
  await page.waitForFunction(() => (document.querySelector('.yaml-editor .view-lines')?.textContent?.length ?? 0) > 0, null, {
    timeout: 180_000,
  });
  // As long as the app's page settles (5 s + the selection's 2.2 s).
  await sleep(7200);
  return { page, cdp: await context.newCDPSession(page), close: () => context.close() };
}

/** One inspector edit, traced (or profiled). */
async function oneEdit(
  page: Page,
  cdp: CDPSession,
  value: string,
  how: { profile: boolean; detail: boolean },
  log: (line: string) => void,
): Promise<EditSample | undefined> {
  const image = page.getByRole('region', { name: 'Inspector' }).getByLabel(/^Image \(/);
  await image.fill(value);
  await page.evaluate((v) => (window as unknown as { __editWatch(v: string): void }).__editWatch(v), value);
  await sleep(300);
  const { profile, detail } = how;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  } else await cdp.send('Tracing.start', { categories: detail ? `${CATEGORIES},${STACKS}` : CATEGORIES, transferMode: 'ReturnAsStream' });
  // The input has the focus since fill(): the key goes to it with no locator query in the page.
  await page.keyboard.press('Enter');
  const wall = await page.evaluate(() => (window as unknown as { __editDone: Promise<number> }).__editDone);
  await sleep(FOLLOW_UP_MS + 300);
  if (profile) {
    const cpu = (await cdp.send('Profiler.stop')).profile as CpuProfile & { nodes: Array<{ children?: number[] }> };
    printProfile(`edit ${value} (wall ${wall.toFixed(0)} ms)`, cpu, log);
    printInclusive(cpu, log);
    return undefined;
  }
  const events = await stopTrace(cdp);
  const figures = editFigures(events);
  if (detail) {
    // What filled the main thread in the edit's span: self time by trace event (canvas-trace.ts).
    const [from, to] = figures.span;
    printTrace(`edit ${value}`, summarizeTrace(events.filter((e) => e.ph === 'M' || (e.ts + (e.dur ?? 0) >= from && e.ts <= to))), log);
    printForcedLayouts(events, from, to, log);
  }
  const { span: _, ...sample } = figures;
  return { wall, ...sample };
}

/** Layouts and style recalculations over 2 ms that JavaScript forced (they carry its stack), with the top frames. */
function printForcedLayouts(events: TraceEvent[], from: number, to: number, log: (line: string) => void): void {
  for (const e of events) {
    if ((e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') || e.ts < from || e.ts > to || (e.dur ?? 0) < 2000) continue;
    const args = e.args as { beginData?: { stackTrace?: Array<{ functionName: string; url: string; lineNumber: number }> } } | undefined;
    const stack = args?.beginData?.stackTrace;
    if (!stack?.length) continue;
    const frames = stack.slice(0, 6).map((f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}:${f.lineNumber}`);
    log(`  forced ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms: ${frames.join(' ← ')}`);
  }
}

/** Total (inclusive) time by function, top 80: which component's render holds the self time. */
function printInclusive(profile: CpuProfile & { nodes: Array<{ children?: number[] }> }, log: (line: string) => void): void {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f?.url) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  log('  total time by function:');
  for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 80)) log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

/** Main-thread tasks overlapping [edit:enter, edit:painted] and the worker's busy time in it. */
export function editFigures(events: readonly TraceEvent[]): Omit<EditSample, 'wall'> & { span: [number, number] } {
  const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const enter = mark('edit:enter');
  const painted = mark('edit:painted');
  if (!enter || !painted) throw new Error('the trace holds no edit:enter/edit:painted marks');
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = `${enter.pid}:${enter.tid}`;
  const from = enter.ts;
  const to = painted.ts;
  // Top-level tasks only: a task nested in another (same thread, inside its span) is not counted again.
  const tasksOf = (thread: (key: string) => boolean, until = to) => {
    const ts = events
      .filter((e) => e.ph === 'X' && TASK.has(e.name) && thread(`${e.pid}:${e.tid}`) && e.ts + (e.dur ?? 0) >= from && e.ts <= until)
      .sort((a, b) => a.ts - b.ts);
    const top: TraceEvent[] = [];
    let end = -1;
    for (const t of ts) {
      if (t.ts < end) continue;
      top.push(t);
      end = t.ts + (t.dur ?? 0);
    }
    return top;
  };
  const mainTasks = tasksOf((k) => k === main);
  const worker = tasksOf((k) => k.startsWith(`${enter.pid}:`) && names.get(k) === 'DedicatedWorker thread');
  const ms = (ts: TraceEvent[]) => ts.reduce((a, t) => a + (t.dur ?? 0), 0) / 1000;
  const cpu = (ts: TraceEvent[]) => ts.reduce((a, t) => a + (t.tdur ?? t.dur ?? 0), 0) / 1000;
  return {
    mainWork: ms(mainTasks),
    mainCpu: cpu(mainTasks),
    settledWork: ms(tasksOf((k) => k === main, to + FOLLOW_UP_MS * 1000)),
    longestTask: Math.max(0, ...mainTasks.map((t) => (t.dur ?? 0) / 1000)),
    tasks: mainTasks.length,
    workerBusy: ms(worker),
    span: [from, to],
  };
}

export interface EditRun {
  appDist: string;
  label: string;
  /** The stock Monaco page (the anchor) instead of the app. */
  stock?: boolean;
  samples: EditSample[];
  /** The index in the page of each sample's edit (0 = the page's first edit). */
  order: number[];
}

/** `rounds` pages per app (alternating when two), `edits` traced edits per page. */
export async function measureEdits(
  browser: Browser,
  apps: ReadonlyArray<{ appDist: string; label: string; stock?: boolean }>,
  opts: { n: number; edits: number; rounds: number; profile?: boolean; detail?: boolean; log: (line: string) => void },
): Promise<EditRun[]> {
  const runs: EditRun[] = apps.map((a) => ({ ...a, samples: [], order: [] }));
  // The stock page's text, and the app's editor box (from its first page: the stock page comes after an app's).
  const stock = runs.some((r) => r.stock) ? stockText(opts.n) : undefined;
  let box: EditorBox | undefined;
  for (let r = 0; r < opts.rounds; r++) {
    const apps = runs.filter((x) => !x.stock);
    const stocks = r % 2 === 0 ? runs.filter((x) => x.stock) : runs.filter((x) => x.stock).reverse();
    // Apps alternate (A B, B A, …); the stock page after the first app page of the round.
    const ordered = r % 2 === 0 ? apps : [...apps].reverse();
    const order = [...ordered.slice(0, 1), ...stocks, ...ordered.slice(1)];
    for (const run of order) {
      const { server, origin } = await serve({ app: run.appDist });
      try {
        let probe: { page: Page; cdp: CDPSession; close: () => Promise<void> };
        if (run.stock) {
          if (!stock || !box) throw new Error('the stock page needs an app page first (its editor box)');
          probe = await openStock(browser, origin, stock, box);
        } else {
          const opened = await openProbe(browser, origin, opts.n);
          box ??= opened.box;
          probe = opened;
        }
        try {
          for (let i = 0; i < opts.edits; i++) {
            const how = { profile: opts.profile ?? false, detail: opts.detail ?? false };
            const s = await oneEdit(probe.page, probe.cdp, `probe/image:${r}-${i}`, how, opts.log);
            if (!s) continue;
            run.samples.push(s);
            run.order.push(i);
            opts.log(
              `  ${run.label} round ${r + 1} edit ${i + 1} @ ${opts.n}: main thread ${s.mainWork.toFixed(1)} ms (CPU ${s.mainCpu.toFixed(1)}) in ${s.tasks} tasks (longest ${s.longestTask.toFixed(1)}; ${s.settledWork.toFixed(0)} ms with the follow-up), wall ${s.wall.toFixed(0)} ms, worker ${s.workerBusy.toFixed(0)} ms`,
            );
          }
        } finally {
          await probe.close();
        }
      } finally {
        server.close();
      }
    }
  }
  return runs;
}

const fmt = (xs: readonly number[]) => `median ${median(xs).toFixed(1)}, p95 ${percentile(xs, 95).toFixed(1)}`;

export function printRuns(runs: readonly EditRun[], log: (line: string) => void): void {
  for (const r of runs) {
    const s = r.samples;
    log(
      `${r.label}: ${s.length} edits; main-thread work ${fmt(s.map((x) => x.mainWork))} ms (thread CPU ${fmt(s.map((x) => x.mainCpu))} ms; with ${FOLLOW_UP_MS} ms of follow-up ${fmt(s.map((x) => x.settledWork))} ms); longest task ${fmt(s.map((x) => x.longestTask))} ms; wall ${fmt(s.map((x) => x.wall))} ms; worker ${fmt(s.map((x) => x.workerBusy))} ms`,
    );
    const [first, steady] = firstAndSteady(r);
    log(
      `  first edits (n=${first.length}): work ${fmt(first.map((x) => x.mainWork))}, CPU ${fmt(first.map((x) => x.mainCpu))}; steady (n=${steady.length}): work ${fmt(steady.map((x) => x.mainWork))}, CPU ${fmt(steady.map((x) => x.mainCpu))} ms`,
    );
  }
  const stock = runs.find((r) => r.stock);
  if (!stock || stock.samples.length === 0) return;
  const [sFirst, sSteady] = firstAndSteady(stock);
  for (const r of runs) {
    if (r.stock || r.samples.length === 0) continue;
    const [first, steady] = firstAndSteady(r);
    const ratio = (a: EditSample[], b: EditSample[], f: (x: EditSample) => number) =>
      b.length && a.length ? (median(a.map(f)) / median(b.map(f))).toFixed(2) : '-';
    log(
      `${r.label} / stock Monaco (median ratio, work | CPU): all ${ratio(r.samples, stock.samples, (x) => x.mainWork)} | ${ratio(r.samples, stock.samples, (x) => x.mainCpu)}; first edit ${ratio(first, sFirst, (x) => x.mainWork)} | ${ratio(first, sFirst, (x) => x.mainCpu)}; steady ${ratio(steady, sSteady, (x) => x.mainWork)} | ${ratio(steady, sSteady, (x) => x.mainCpu)}`,
    );
  }
}

/** A run's samples split into its pages' first edits and the rest. */
export function firstAndSteady(run: Pick<EditRun, 'samples' | 'order'>): [EditSample[], EditSample[]] {
  const first = run.samples.filter((_, i) => run.order[i] === 0);
  const steady = run.samples.filter((_, i) => run.order[i] !== 0);
  return [first, steady];
}

const p95 = (xs: readonly number[]) => percentile(xs, 95);

/** Row K3: p95 of the main thread's work per edit against the stock Monaco page's for the same edit of the same text. */
export function editRow(run: EditRun, stock: EditRun, n: number, pages: number): Row {
  const samples = run.samples;
  const part = (r: EditRun, k: 0 | 1, f: (x: EditSample) => number) => fmt(firstAndSteady(r)[k].map(f));
  return row({
    id: 'K3',
    name: `edit → Compose preview, ${n.toLocaleString('en')} services: main-thread work per edit (sum of tasks, Enter → painted), p95`,
    anchor:
      'stock Monaco page (bench/stock-monaco): the same Compose text and editor size, Enter in an <input> → applyEdits of the same one-line splice → painted, p95',
    unit: 'ms',
    ours: samples.map((x) => x.mainWork),
    theirs: stock.samples.map((x) => x.mainWork),
    stat: p95,
    ciBasis: `bootstrap of the p95 over ${samples.length} edits (${pages} page loads)`,
    target: `≤ ${EDIT_BUDGET_MS} ms`,
    pass: (m) => m <= EDIT_BUDGET_MS,
    note: `first edit of a page: ours ${part(run, 0, (x) => x.mainWork)} ms work (CPU ${part(run, 0, (x) => x.mainCpu)}) vs stock ${part(stock, 0, (x) => x.mainWork)} (CPU ${part(stock, 0, (x) => x.mainCpu)}); later edits: ours ${part(run, 1, (x) => x.mainWork)} (CPU ${part(run, 1, (x) => x.mainCpu)}) vs stock ${part(stock, 1, (x) => x.mainWork)} (CPU ${part(stock, 1, (x) => x.mainCpu)}); analysis worker busy ${fmt(samples.map((x) => x.workerBusy))} ms; wall (Enter → preview painted) ${fmt(samples.map((x) => x.wall))} ms; longest main-thread task ${fmt(samples.map((x) => x.longestTask))} ms; main-thread work ${fmt(samples.map((x) => x.mainWork))} ms (of it thread CPU ${fmt(samples.map((x) => x.mainCpu))} ms), with the follow-up work of the next ${FOLLOW_UP_MS} ms (autosave, folding ranges, idle work) ${fmt(samples.map((x) => x.settledWork))} ms.`,
  });
}

/** The suite's K3 section: `rounds` page loads of the app, `edits` edits each. */
export async function benchEdit(
  browser: Browser,
  opts: { appDist: string; stockDist?: string; n?: number; edits?: number; rounds?: number; log: (line: string) => void },
): Promise<Row[]> {
  const n = opts.n ?? 1000;
  const rounds = opts.rounds ?? 2;
  const stockDist = opts.stockDist ?? buildStockMonaco(tempDir('edit-stock'));
  const runs = await measureEdits(
    browser,
    [
      { appDist: opts.appDist, label: 'app' },
      { appDist: stockDist, label: 'stock Monaco', stock: true },
    ],
    { n, edits: opts.edits ?? 8, rounds, log: opts.log },
  );
  const [run, stock] = runs;
  if (!run || !stock || run.samples.length === 0 || stock.samples.length === 0) throw new Error('no edit measured');
  printRuns(runs, opts.log);
  return [editRow(run, stock, n, rounds)];
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '1000').split(',').map(Number);
  const dists = process.argv.includes('--app-dist') ? arg('app-dist', '').split(',') : [buildApp(tempDir('edit-probe'))];
  const apps: Array<{ appDist: string; label: string; stock?: boolean }> = dists.map((d, i) => ({
    appDist: d,
    label: dists.length > 1 ? `${String.fromCharCode(65 + i)} ${d}` : 'app',
  }));
  // --stock [--stock-dist DIR]: the stock Monaco page too (the K3 anchor).
  // Several --stock-dist folders (A,B): each a stock run, the first the one the ratios are taken against.
  if (process.argv.includes('--stock')) {
    const stocks = process.argv.includes('--stock-dist') ? arg('stock-dist', '').split(',') : [buildStockMonaco(tempDir('edit-stock'))];
    stocks.forEach((d, i) => {
      apps.push({ appDist: d, label: i === 0 ? 'stock Monaco' : `stock Monaco ${d}`, stock: true });
    });
  }
  const browser = await launch();
  try {
    for (const n of sizes) {
      const runs = await measureEdits(browser, apps, {
        n,
        edits: Number(arg('edits', '8')),
        rounds: Number(arg('rounds', '2')),
        profile: process.argv.includes('--profile'),
        detail: process.argv.includes('--detail'),
        log: console.log,
      });
      if (!process.argv.includes('--profile')) printRuns(runs, console.log);
      const ours = runs.filter((r) => !r.stock);
      const stock = runs.find((r) => r.stock);
      if (ours.length === 1 && ours[0] && stock && ours[0].samples.length > 0 && stock.samples.length > 0)
        console.log(consoleTable([editRow(ours[0], stock, n, Number(arg('rounds', '2')))]));
    }
  } finally {
    await browser.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
