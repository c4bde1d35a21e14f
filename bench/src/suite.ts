/**
 * The benchmark suite (issue 9): every benchmark against its anchor measured in the same run,
 * alternating, on this machine; writes bench/RESULTS.md (anchor, our median, the anchor's median,
 * the ratio with a 95 % bootstrap interval, target, pass/fail, machine and date) and prints the
 * table. Production builds only (the app, the eager-Monaco app and the stock React Flow page are
 * built into a temp folder first); headless Debian Chromium with the e2e flags; deploy timings
 * from the engine's event stream beside the wall times. Needs a Docker engine (started if none
 * answers), docker-compose v1 on PATH and apps/server/dist (the server's production bundle).
 *
 *   npm run bench                 (node scripts/pnpm.mjs --filter @blaupause/bench bench)
 *     -- --only K,E,C,S,D   groups to run (compile, bundle/Monaco, canvas, status, deploy);  --out FILE
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coldOpenRows, initialJsRow } from './bundle.bench';
import { benchCanvas } from './canvas.bench';
import { benchChain } from './chain.bench';
import { compileRowsIsolated } from './compile-rows';
import { benchDeploy, type EngineContext, engineContext } from './deploy.bench';
import { benchEdit } from './edit-probe';
import { buildApp, buildEager, buildFloor, buildStock, launch, ROOT, tempDir } from './lib/browser';
import { dockerVersion, loadText, type Machine, machine } from './lib/machine';
import { arg, runMain } from './lib/main';
import { consoleTable, markdownTable, type Row } from './lib/result';
import { benchRepaint } from './repaint.bench';
import { benchStorm } from './storm.bench';

/** What to look at when a target is missed (RESULTS.md lists it under the table). */
const HINTS: Record<string, string> = {
  K1: 'Profile: `node --cpu-prof node_modules/.bin/tsx bench/src/compile.bench.ts --sizes 1000`; the row note gives the same compile with the texts as pieces (no final join): the difference is the two joined texts landing in fresh memory, ~15–60 µs per 4 KB page on this VM against ~1 µs on ordinary Linux (packages/compiler/PIPELINE.md, eighth pass).',
  K4: 'Profile the importer the same way (`--cpu-prof`, importCompose on the 1,000-service file); the YAML parse alone is the anchor.',
  K3: 'The anchor is the editor alone (stock Monaco page, bench/stock-monaco): compare first and later edits with it in the row note. Per edit: `bench:edit -- --detail` (what filled the main thread, by trace event) or `--profile` on an unminified build (inclusive time by function); the rest is the keydown task (store dispatch, React commit of the inspector, canvas projection) and the worker reply (store, React, the editor splice).',
  K2: 'The incremental compiler re-emits the edited service and its link neighbours; check `inc.stats()` reuse and the swarm emitter.',
  E1: 'Sizes per chunk: `node apps/web/scripts/check-bundle.mjs`; the ratio target (0.15×) is against the eager build, the absolute budget is the gate in npm test.',
  E2: 'The editor chunk (monaco-editor full entry + monaco-yaml) loads after the canvas; the lean `editor.api` entry would cut ~40 % (performance-anchors §0).',
  C1: 'Known miss. Profile: `bench:canvas -- --profile --sizes 1000` (unminified app, CPU profile of the gestures, top self time). Software raster here (--disable-gpu): the app draws more per node than the stock page (pods, badges, dashed mount edges).',
  C2: 'As C1: `bench:canvas -- --profile --sizes 2000` (or 5000).',
  C4: 'First paint of the canvas: the entry chunk (React, React Flow, store, compiler for the worker) before the first node; `bench:bundle` prints both builds.',
  C3: 'Drag: `bench:canvas -- --profile --sizes 1000 --pan 1`; look for O(N) work per drag frame (store updates re-creating nodes, edge re-routing).',
  D1: 'Engine-bound: the same creates and starts sent bare to the Engine API (all at once, no links, no waits) already take ≈ 0.57× of compose v1 (packages/engine/CONTEXT.md, Performance). Timeline per level, API calls and the bare floor: `node_modules/.bin/tsx bench/src/deploy-timeline.ts --sides ours,compose,bare`.',
  D4: 'Engine-bound: 100 bare creates + starts take ≈ 0.99× of compose v1. `node_modules/.bin/tsx bench/src/deploy-timeline.ts --sides ours,compose,bare --services 100 --levels 1 --no-health`.',
  D2: "The hand-off includes the engine's own start of the dependant (hundreds of ms on this host); our reaction alone is row D2r.",
  D2t: 'The chain is bounded by five health intervals (1 s) and five engine starts; see D2r for the orchestrator’s share.',
  S2: 'Per-event samples are printed by `bench:repaint`; check the server hub and the status store.',
  S3: 'A lost event: compare the watch (packages/engine/src/docker/status) with the raw subscriber.',
};

interface Section {
  group: string;
  name: string;
  run: () => Promise<Row[]>;
}

function results(m: Machine, rows: readonly Row[], log: readonly string[], took: number, loadEnd: string, errors: string[]): string {
  const failed = rows.filter((r) => r.pass === false);
  const notes = rows.filter((r) => r.note).map((r) => `- **${r.id}** ${r.name}: ${r.note}`);
  const ci = [...new Set(rows.map((r) => `- **${r.id}**: ${r.ciBasis} (${r.samples.ours} + ${r.samples.anchor} samples)`))];
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/src/suite.ts) on ${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit}; the whole suite took ${(took / 60000).toFixed(1)} min.`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memGiB} GiB; load average (1/5/15 min) ${m.load} at the start, ${loadEnd} at the end — the machine is shared, so absolute times are noisy; the ratios compare with the anchor measured in the same run, alternating (A B, B A, …). Node ${m.node}; ${m.chromium} (headless, \`--disable-gpu\`: software raster); Docker ${m.docker}; docker-compose ${m.compose}.`,
    '',
    'Ratio = ours / anchor of the medians (or of the statistic named in the row), with a 95 % percentile bootstrap interval. A row passes when our figure meets its target (and, where the target is a ratio, the ratio does).',
    '',
    markdownTable(rows),
    '',
    ...(errors.length > 0 ? ['## Benchmarks that did not run', '', ...errors.map((e) => `- ${e}`), ''] : []),
    '## Missed targets and where to look',
    '',
    ...(failed.length === 0
      ? ['None.']
      : failed.map((r) => `- **${r.id}** ${r.name}: ${HINTS[r.id] ?? HINTS[r.id.replace(/[a-z]+$/, '')] ?? ''}`)),
    '',
    '## Notes per row',
    '',
    ...notes,
    '',
    '## How each interval was obtained',
    '',
    ...ci,
    '',
    '## Runs in order',
    '',
    '```',
    ...log,
    '```',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const only = arg('only', '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const out = arg('out', join(ROOT, 'bench', 'RESULTS.md'));
  const m = machine();
  const log: string[] = [];
  const say = (line: string) => {
    console.log(line);
    log.push(line.trimStart());
  };
  say(
    `Blaupause benchmark suite — ${m.date}; ${m.cores} cores, load ${m.load}; node ${m.node}; ${m.chromium}; docker ${m.docker}; compose ${m.compose}`,
  );
  const tmp = tempDir('suite');
  const wanted = (group: string, ids: string[]) => only.length === 0 || only.some((o) => o === group || ids.includes(o));

  const builds = { app: '', eager: '', stock: '', floor: '' };
  const needBrowser = wanted('K', ['K3']) || wanted('E', ['E1', 'E2', 'C4']) || wanted('C', ['C1', 'C2', 'C3']) || wanted('S', ['S2']);
  if (needBrowser) {
    const b0 = Date.now();
    builds.app = buildApp(tmp);
    builds.eager = buildEager(tmp);
    builds.stock = buildStock(tmp);
    builds.floor = buildFloor(tmp);
    say(`builds (app, eager-Monaco app, stock React Flow page, frame-floor pages; production): ${((Date.now() - b0) / 1000).toFixed(0)} s`);
  }
  const serverBundle = join(ROOT, 'apps', 'server', 'dist', 'server.mjs');
  if (existsSync(serverBundle)) say(`server bundle apps/server/dist/server.mjs built ${statSync(serverBundle).mtime.toISOString()}`);

  let ctx: EngineContext | undefined;
  const engine = async () => {
    ctx ??= await engineContext();
    return ctx;
  };
  const browser = needBrowser ? await launch() : undefined;
  const sections: Section[] = [
    // In a Node process of their own (compile-rows.ts): in this one both sides of K1 ran slower.
    {
      group: 'K',
      name: 'compile, incremental compile and import of 1,000 services',
      run: () => compileRowsIsolated({ services: 1000, rounds: 15, edits: 30 }),
    },
    {
      group: 'K',
      name: 'edit → preview',
      run: async () => benchEdit(browser!, { appDist: builds.app, n: 1000, edits: 8, rounds: 2, log: say }),
    },
    { group: 'E', name: 'initial JS', run: async () => [await initialJsRow(builds.app, builds.eager)] },
    { group: 'E', name: 'Monaco cold open', run: async () => coldOpenRows(browser!, builds.app, builds.eager, 4) },
    {
      group: 'C',
      name: 'canvas',
      run: async () =>
        (
          await benchCanvas(browser!, {
            appDist: builds.app,
            stockDist: builds.stock,
            // What this machine and browser cannot get under (information rows C1f/C2f): an empty page and one blitting a bitmap per frame.
            floor: ['empty', 'blit'],
            floorDist: builds.floor,
            sizes: [1000, 2000, 5000],
            // Loading 2,000 and 5,000 services takes the app tens of seconds on a busy host: one pair there.
            reps: { 1000: 2, 2000: 1, 5000: 1 },
            panSeconds: 6,
            dragSeconds: 4,
            log: say,
          })
        ).rows,
    },
    { group: 'S', name: 'status repaint', run: async () => benchRepaint({ appDist: builds.app, cycles: 12, log: say }) },
    { group: 'S', name: 'event storm', run: async () => benchStorm(await engine(), 250, say) },
    {
      group: 'D',
      name: 'deploy 20',
      run: async () => benchDeploy(await engine(), { services: 20, levels: 4, health: true, rounds: 3, noops: 2, log: say }),
    },
    {
      group: 'D',
      name: 'deploy 100',
      run: async () => benchDeploy(await engine(), { services: 100, levels: 1, health: false, rounds: 2, noops: 0, log: say }),
    },
    { group: 'D', name: 'healthy chain', run: async () => benchChain(await engine(), 5, 3, say) },
  ];
  const rows: Row[] = [];
  const errors: string[] = [];
  try {
    for (const s of sections) {
      if (!wanted(s.group, [])) continue;
      const s0 = Date.now();
      say(`— ${s.name} (load ${loadText()})`);
      try {
        const got = await s.run();
        rows.push(...got);
        say(consoleTable(got));
      } catch (e) {
        const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
        errors.push(`${s.name}: ${message}`);
        say(`✘ ${s.name} failed: ${message}`);
      }
      say(`  (${((Date.now() - s0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await browser?.close();
    // The engine may have been started by the suite after the machine was described.
    if (ctx) m.docker = dockerVersion();
    await (ctx as EngineContext | undefined)?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const took = Date.now() - t0;
  writeFileSync(out, results(m, rows, log, took, loadText(), errors));
  // The repository's formatter checks Markdown too: the file is written in its layout.
  spawnSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', out], { stdio: 'ignore' });
  console.log(`\n${consoleTable(rows)}\n\nwrote ${out} (${(took / 60000).toFixed(1)} min)`);
  if (errors.length > 0) process.exitCode = 1;
}

runMain(main);
