/**
 * Edit probe (issue 3, "editing one node … updates the YAML preview within one frame of work"):
 * K2 times the worker's incremental compile alone; this times what a user waits for in the
 * production app — a generated blueprint of N services, the Compose tab open, one service's image
 * changed in the inspector (Enter) — until the preview's text holds the new image, with a Chrome
 * trace of that span (main-thread tasks over 16 ms, self time by event, worker busy time).
 * Not part of the suite yet: a diagnosis tool with no anchor.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:edit [-- --sizes 1000 --edits 2 --app-dist DIR --profile]
 *
 * --profile: a CPU profile of the page's main thread over each edit instead of the trace (build the
 * app unminified for names: `vite build --minify false`).
 */

import { withGridLayout } from './canvas-graph';
import { printTrace, startTrace, stopTrace, summarizeTrace } from './canvas-trace';
import { generateBlueprint } from './generate';
import { buildApp, launch, serve, tempDir, VIEWPORT } from './lib/browser';
import { type CpuProfile, printProfile } from './lib/cpu-profile';
import { arg, isMain, runMain, sleep } from './lib/main';

/** The app opens the library's current blueprint (apps/web/src/persistence/keys.ts). */
function storage(n: number): Record<string, string> {
  const library = { current: 'probe', entries: [{ id: 'probe', title: `probe-${n}`, followsName: true, createdAt: 0, updatedAt: 0 }] };
  return {
    'blaupause:library:v1': JSON.stringify(library),
    'blaupause:blueprint:v1:probe': JSON.stringify(withGridLayout(generateBlueprint(n))),
  };
}

async function probe(appDist: string, n: number, edits: number, profile: boolean): Promise<void> {
  const { server, origin } = await serve({ app: appDist });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.addInitScript((e) => {
      for (const [k, v] of Object.entries(e)) window.localStorage.setItem(k, v);
    }, storage(n));
    await page.goto(`${origin}/app/`);
    await page.waitForSelector('.react-flow__node', { timeout: 120_000 });
    await page.getByRole('region', { name: 'YAML preview' }).getByRole('tab', { name: 'Compose' }).click();
    await page.locator('.yaml-editor[data-model="compose"]').waitFor({ timeout: 120_000 });
    await sleep(5000);
    // A service box near the middle of the pane (in the far view only the boxes are hit-testable).
    const centres = await page
      .locator('.react-flow__node-service')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })));
    const c = centres.find((p) => p.x > 200 && p.x < 900 && p.y > 150 && p.y < 700) ?? centres[0];
    if (!c) throw new Error('no service node on screen');
    await page.mouse.click(c.x, c.y);
    const image = page.getByRole('region', { name: 'Inspector' }).getByLabel(/^Image \(/);
    for (let i = 0; i < edits; i++) {
      const value = `probe/image:${i}`;
      await image.fill(value);
      const cdp = await context.newCDPSession(page);
      if (profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
      } else await startTrace(cdp);
      const t0 = Date.now();
      await image.press('Enter');
      await page.waitForFunction((v) => document.querySelector('[data-yaml-text]')?.textContent?.includes(v) ?? false, value, {
        timeout: 60_000,
        polling: 'raf',
      });
      console.log(`edit ${i + 1} @ ${n} services: the Compose preview holds the new image after ${Date.now() - t0} ms (wall)`);
      await sleep(2000);
      const label = `edit ${i + 1} @ ${n}`;
      if (profile) printProfile(label, (await cdp.send('Profiler.stop')).profile as CpuProfile, console.log);
      else printTrace(label, summarizeTrace(await stopTrace(cdp)), console.log);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '1000').split(',').map(Number);
  const edits = Number(arg('edits', '2'));
  const appDist = process.argv.includes('--app-dist') ? arg('app-dist', '') : buildApp(tempDir('edit-probe'));
  for (const n of sizes) await probe(appDist, n, edits, process.argv.includes('--profile'));
}

if (isMain(import.meta.url)) runMain(main);
