/**
 * Initial JavaScript and Monaco benchmarks (issue 9; anchors E1, E2, C4). Three figures, each
 * against the same app built with Monaco imported eagerly by its entry (bench/eager-monaco, the
 * app's own build untouched):
 *
 * - initial JS: gzip bytes of the scripts the page loads before it runs (apps/web/scripts/check-bundle.mjs).
 * - Monaco cold open: navigation start → the YAML panel's editor showing its first line of text
 *   (a fresh browser context each time: nothing cached).
 * - canvas first paint: navigation start → the first canvas node in the DOM.
 *
 * Runs alternate (ours, eager, eager, ours, …) in headless Chromium with the e2e flags.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:bundle [-- --reps 4 --app-dist DIR --eager-dist DIR]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { buildApp, buildEager, launch, loadReady, serve, tempDir, VIEWPORT, WEB } from './lib/browser';
import { arg, isMain, runMain } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';
import { runAlternating } from './lib/stats';

export const TARGETS = { initialKib: 200, initialRatio: 0.15, monacoMs: 1000, monacoRatio: 0.75, firstNodeRatio: 0.6 };

interface BundleMeasure {
  scripts: Array<{ file: string; gzip: number; monaco: boolean }>;
  totalGzip: number;
}

async function measureDist(dist: string): Promise<BundleMeasure> {
  const mod = (await import(pathToFileURL(join(WEB, 'scripts', 'check-bundle.mjs')).href)) as { measure(d: string): BundleMeasure };
  return mod.measure(dist);
}

/** The initial-JS row: deterministic sizes, one sample per side. */
export async function initialJsRow(appDist: string, eagerDist: string): Promise<Row> {
  const ours = await measureDist(appDist);
  const eager = await measureDist(eagerDist);
  const monacoInitial = ours.scripts.some((s) => s.monaco);
  const kib = (b: number) => b / 1024;
  return row({
    id: 'E1',
    name: 'initial JS of the canvas route (gzip)',
    anchor: 'same app, Monaco imported eagerly',
    unit: 'KiB',
    ours: [kib(ours.totalGzip)],
    theirs: [kib(eager.totalGzip)],
    target: `≤ ${TARGETS.initialKib} KiB, ≤ ${TARGETS.initialRatio}×, no Monaco`,
    pass: (m, r) => m <= TARGETS.initialKib && r.ratio <= TARGETS.initialRatio && !monacoInitial,
    ciBasis: 'deterministic (bytes of one build each)',
    note: `${ours.scripts.length} initial scripts vs ${eager.scripts.length}; Monaco in our initial chunks: ${monacoInitial ? 'YES' : 'no'}`,
  });
}

/** In the page, from the first script on: when the first canvas node and the first Monaco line appear. */
const MARKS = `(() => {
  const marks = (window.__benchMarks = {});
  const check = () => {
    if (marks.node === undefined && document.querySelector('.react-flow__node')) marks.node = performance.now();
    if (marks.monaco === undefined) {
      const line = document.querySelector('.monaco-editor .view-line');
      if (line && (line.textContent || '').trim().length > 0) {
        requestAnimationFrame(() => { marks.monaco = performance.now(); });
        marks.monaco = null;
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

async function coldOpen(browser: Browser, url: string): Promise<{ node: number; monaco: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARKS);
    await loadReady(page, url, () =>
      page.waitForFunction(
        () => {
          const m = (window as unknown as { __benchMarks?: { node?: number; monaco?: number | null } }).__benchMarks;
          return typeof m?.monaco === 'number' && typeof m.node === 'number';
        },
        undefined,
        { timeout: 60_000, polling: 100 },
      ),
    );
    return await page.evaluate(() => (window as unknown as { __benchMarks: { node: number; monaco: number } }).__benchMarks);
  } finally {
    await context.close();
  }
}

/** Monaco cold open and canvas first paint, ours vs the eager build, `reps` alternating runs each. */
export async function coldOpenRows(browser: Browser, appDist: string, eagerDist: string, reps: number): Promise<Row[]> {
  const { server, origin } = await serve({ app: appDist, eager: eagerDist });
  try {
    await coldOpen(browser, `${origin}/app/`); // warm-up: the browser's own first-start costs
    const node = { ours: [] as number[], anchor: [] as number[] };
    const monaco = await runAlternating(
      reps,
      async () => {
        const m = await coldOpen(browser, `${origin}/app/`);
        node.ours.push(m.node);
        return m.monaco;
      },
      async () => {
        const m = await coldOpen(browser, `${origin}/eager/`);
        node.anchor.push(m.node);
        return m.monaco;
      },
    );
    return [
      row({
        id: 'E2',
        name: 'Monaco panel cold open (nav → first line)',
        anchor: 'same app, Monaco imported eagerly',
        unit: 'ms',
        ours: monaco.ours,
        theirs: monaco.anchor,
        target: `≤ ${TARGETS.monacoMs} ms`,
        pass: (m) => m <= TARGETS.monacoMs,
        note: 'the YAML panel is open from the start: the editor chunk loads after the canvas is up',
      }),
      row({
        id: 'C4',
        name: 'canvas first node (nav → node in DOM)',
        anchor: 'same app, Monaco imported eagerly',
        unit: 'ms',
        ours: node.ours,
        theirs: node.anchor,
        target: `ratio ≤ ${TARGETS.firstNodeRatio}`,
        pass: (_m, r) => r.ratio <= TARGETS.firstNodeRatio,
      }),
    ];
  } finally {
    server.close();
  }
}

async function main(): Promise<void> {
  const reps = Number(arg('reps', '4'));
  const out = tempDir('bundle');
  const browser = await launch();
  try {
    const appDist = process.argv.includes('--app-dist') ? arg('app-dist', '') : buildApp(out);
    const eagerDist = process.argv.includes('--eager-dist') ? arg('eager-dist', '') : buildEager(out);
    const rows = [await initialJsRow(appDist, eagerDist), ...(await coldOpenRows(browser, appDist, eagerDist, reps))];
    console.log(consoleTable(rows));
    for (const r of rows) if (r.note) console.log(`${r.id}: ${r.note}`);
  } finally {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) runMain(main);
