/**
 * Incremental compile benchmark (issue 3, anchor K2: "editing one node of a 1,000-service
 * blueprint updates the YAML preview within one frame of work, ≤ 16 ms"). A generated
 * 1,000-service blueprint is compiled once; then, alternately, one service is edited the way the
 * canvas edits (a new object for that service, every other one shared) and compiled again by the
 * incremental compiler (ours) and from scratch by compile() (the anchor), per target.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:incremental [-- --rounds 40]
 */
import { compile, createIncrementalCompiler, TARGETS } from '@blaupause/compiler';
import { Blueprint, type Service, type Target } from '@blaupause/model';
import { generateBlueprint } from './generate';
import { arg, isMain, runMain } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';

export const BUDGET_MS = 16;

function editOne(bp: Blueprint, round: number): Blueprint {
  const names = Object.keys(bp.services);
  const name = names[(round * 7919) % names.length] as string;
  const s = bp.services[name] as Service;
  return { ...bp, services: { ...bp.services, [name]: { ...s, replicas: (round % 5) + 1 } } };
}

/** One row per target: incremental compile after one edit vs a full compile of the same blueprint. */
export function benchIncremental(n: number, rounds: number, targets: readonly Target[] = TARGETS): Row[] {
  let bp = Blueprint.parse(generateBlueprint(n));
  const rows: Row[] = [];
  for (const target of targets) {
    const inc = createIncrementalCompiler();
    inc.compile(bp, target);
    for (let i = 0; i < 5; i++) compile(bp, target); // warm-up of the anchor
    const ours: number[] = [];
    const anchor: number[] = [];
    for (let r = 0; r < rounds; r++) {
      bp = editOne(bp, r);
      const runs = [
        () => {
          const t = performance.now();
          inc.compile(bp, target);
          ours.push(performance.now() - t);
        },
        () => {
          const t = performance.now();
          compile(bp, target);
          anchor.push(performance.now() - t);
        },
      ];
      // Alternate which side runs first, so neither always meets a heap the other left.
      if (r % 2) runs.reverse();
      for (const run of runs) run();
    }
    // An edited service and the services linking to it are emitted again; the rest must be reused.
    const st = inc.stats()[target];
    if (st.reused < rounds * n * 0.9) throw new Error(`${target}: only ${st.reused} services reused, the cache did not hold`);
    rows.push(
      row({
        id: 'K2',
        name: `incremental compile after one edit, ${n.toLocaleString('en')} services, ${target}`,
        anchor: 'full compile, same emitter',
        unit: 'ms',
        ours,
        theirs: anchor,
        target: `≤ ${BUDGET_MS} ms`,
        pass: (m) => m <= BUDGET_MS,
      }),
    );
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`Blaupause incremental compile — node ${process.version}, one service edited per round`);
  console.log(consoleTable(benchIncremental(1000, Number(arg('rounds', '40')))));
}

if (isMain(import.meta.url)) runMain(main);
