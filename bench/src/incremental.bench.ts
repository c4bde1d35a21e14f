/**
 * Incremental compile benchmark (issue 3: "editing one node of a 1,000-service blueprint updates
 * the YAML preview within one frame of work, ≤ 16 ms"). A generated 1,000-service blueprint is
 * compiled once; then, alternately, one service is edited the way the canvas edits (a new object
 * for that service, every other one shared) and compiled again by the incremental compiler (ours)
 * and from scratch by compile() (the anchor), per target. Prints medians and the ratio.
 *
 *   pnpm --filter @blaupause/bench bench:incremental
 */
import { compile, createIncrementalCompiler, TARGETS } from '@blaupause/compiler';
import { Blueprint, type Service } from '@blaupause/model';
import { generateBlueprint } from './generate';

const N = 1_000;
const ROUNDS = 40;
const BUDGET_MS = 16;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] as number;

function editOne(bp: Blueprint, round: number): Blueprint {
  const names = Object.keys(bp.services);
  const name = names[(round * 7919) % names.length] as string;
  const s = bp.services[name] as Service;
  return { ...bp, services: { ...bp.services, [name]: { ...s, replicas: (round % 5) + 1 } } };
}

function main() {
  console.log(`Blaupause incremental compile — node ${process.version}, ${N} services, one service edited per round`);
  console.log('target     | ours: incremental (median / p95 ms) | anchor: full compile (median ms) | ratio | ≤ 16 ms');
  let bp = Blueprint.parse(generateBlueprint(N));
  let allMet = true;
  for (const target of TARGETS) {
    const inc = createIncrementalCompiler();
    inc.compile(bp, target);
    for (let i = 0; i < 5; i++) compile(bp, target); // warm-up of the anchor
    const ours: number[] = [];
    const anchor: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      bp = editOne(bp, r);
      // Alternate which side runs first, so neither always meets a heap the other left.
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
      if (r % 2) runs.reverse();
      for (const run of runs) run();
    }
    const m = median(ours);
    const met = m <= BUDGET_MS;
    allMet &&= met;
    console.log(
      `${target.padEnd(10)} | ${m.toFixed(2).padStart(8)} / ${p95(ours).toFixed(2).padStart(6)} | ${median(anchor).toFixed(1).padStart(8)} | ${(m / median(anchor)).toFixed(3)} | ${met ? 'MET' : 'MISSED'}`,
    );
    // An edited service and the services linking to it are emitted again; the rest must be reused.
    const st = inc.stats()[target];
    if (st.reused < ROUNDS * N * 0.9) throw new Error(`${target}: only ${st.reused} services reused, the cache did not hold`);
  }
  console.log(`\nTarget (issue 3): incremental compile of one edit ≤ ${BUDGET_MS} ms per target: ${allMet ? 'MET' : 'MISSED'}`);
}

main();
