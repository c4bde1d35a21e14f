/**
 * bench:smoke (issue 9): a fast subset of the suite for `npm test`, to catch a collapse, never to
 * grade. Each check compares with its anchor measured in the same run (alternating), with a wide
 * margin over the suite's target, and never with an absolute time — so a loaded machine slows both
 * sides alike. Prints a summary; exits 1 when a ratio collapses past its margin.
 *
 * Needs the built web app (apps/web/dist: node scripts/pnpm.mjs --filter @blaupause/web build), a
 * Docker engine (started if none answers) and docker-compose v1 on PATH. `--no-engine` skips the
 * deploy checks (they are reported as skipped).
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:smoke
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { initialJsRow } from './bundle.bench';
import { benchCanvas } from './canvas.bench';
import { compileRowsIsolated } from './compile-rows';
import { benchDeploy, engineContext } from './deploy.bench';
import { buildEager, buildStock, launch, tempDir, WEB } from './lib/browser';
import { runMain } from './lib/main';
import { fmtNum, type Row, ratioText, row } from './lib/result';
import { mean } from './lib/stats';

interface Check {
  row: Row;
  /** The ratio (ours / anchor) must stay at or under this: the suite's target with a wide margin. */
  max: number;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const appDist = join(WEB, 'dist');
  if (!existsSync(join(appDist, 'index.html')))
    throw new Error('apps/web/dist is missing: node scripts/pnpm.mjs --filter @blaupause/web build');
  const checks: Check[] = [];
  const skipped: string[] = [];
  const step = (name: string) => console.log(`· ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  step('compile and import, 200 services');
  // In a process of their own, as the suite runs them (compile-rows.ts): K1, then K2 per target, then K4.
  const [k1, ...rest] = await compileRowsIsolated({ services: 200, rounds: 5, edits: 10, targets: ['compose'] });
  const k4 = rest.pop();
  if (!k1 || !k4 || rest.length !== 1) throw new Error(`compile rows: expected K1, one K2 and K4, got ${[k1, ...rest, k4].length} rows`);
  checks.push({ row: k1, max: 0.3 });
  checks.push({ row: k4, max: 1 });
  checks.push(...rest.map((r) => ({ row: r, max: 0.7 })));

  const tmp = tempDir('smoke');
  const browser = await launch();
  try {
    step('builds: eager-Monaco app and stock React Flow page');
    const eager = buildEager(tmp);
    const stock = buildStock(tmp);
    checks.push({ row: await initialJsRow(appDist, eager), max: 0.3 });
    step('canvas, 1,000 services vs stock React Flow (pan + zoom)');
    const { runs } = await benchCanvas(browser, {
      appDist,
      stockDist: stock,
      sizes: [1000],
      reps: 1,
      panSeconds: 2.5,
      dragSeconds: 0,
      log: () => undefined,
    });
    const pan = (side: 'ours' | 'stock') => runs.filter((r) => r.side === side).flatMap((r) => r.pan);
    // Mean frame interval (the inverse of the frame rate): stable enough on a busy machine.
    checks.push({
      row: row({
        id: 'C1m',
        name: 'canvas pan 1,000 services, mean frame interval',
        anchor: 'stock React Flow page',
        unit: 'ms',
        ours: pan('ours'),
        theirs: pan('stock'),
        stat: mean,
        target: 'collapse check',
        ciBasis: 'frames',
      }),
      max: 3,
    });
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  if (process.argv.includes('--no-engine')) skipped.push('deploy vs docker-compose v1 (--no-engine)');
  else {
    step('deploy 3 services vs docker-compose v1 (cold, no-op)');
    const ctx = await engineContext();
    try {
      const [cold, , noop] = await benchDeploy(ctx, { services: 3, levels: 1, health: false, rounds: 2, noops: 1, log: () => undefined });
      if (cold) checks.push({ row: cold, max: 2 });
      if (noop) checks.push({ row: noop, max: 0.5 });
    } finally {
      await ctx.close();
    }
  }

  console.log(`\nbench:smoke — ratios ours / anchor measured in this run (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  let failed = 0;
  for (const c of checks) {
    const ok = Number.isFinite(c.row.ratio.ratio) && c.row.ratio.ratio <= c.max;
    if (!ok) failed++;
    console.log(
      `${ok ? '✔' : '✘'} ${c.row.id.padEnd(4)} ${c.row.name.padEnd(58)} ${fmtNum(c.row.ours).padStart(7)} vs ${fmtNum(c.row.anchorValue).padStart(7)} ${c.row.unit.padEnd(3)} ratio ${ratioText(c.row.ratio).padEnd(22)} ≤ ${c.max}`,
    );
  }
  for (const s of skipped) console.log(`- skipped: ${s}`);
  if (failed > 0) {
    console.error(`\n✘ ${failed} benchmark ratio(s) collapsed past their margin (run the full suite: npm run bench)`);
    process.exitCode = 1;
  } else console.log('\n✔ no collapse');
}

runMain(main);
