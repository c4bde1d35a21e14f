/**
 * Compile benchmark (issue 2): compiles generated blueprints of 100 / 1,000 / 10,000 services
 * to Compose and Kubernetes and reports the time against the anchor measured in the same run:
 * serialising the very same output objects with the `yaml` package's stringify. Also times the
 * Compose importer on a 1,000-service file. Figures, not a pass/fail test.
 *
 *   pnpm bench            (from the repo root: npm run bench)
 */
import { compile, compileAll, importCompose } from '@blaupause/compiler';
import { Blueprint } from '@blaupause/model';
import { Bench } from 'tinybench';
import { parseAllDocuments, stringify } from 'yaml';
import { generateBlueprint } from './generate';

const SIZES = [100, 1_000, 10_000];
const TARGETS = { compileBudgetMs: 50, ratioBudget: 0.1, importBudgetMs: 200 };

async function median(name: string, fn: () => unknown, timeMs: number, iterations = 5): Promise<number> {
  const bench = new Bench({ name, time: timeMs, iterations, warmup: true, warmupIterations: 2, warmupTime: 0 });
  bench.add(name, fn);
  await bench.run();
  const task = bench.tasks[0];
  const r = task?.result as { latency?: { p50?: number } } | undefined;
  if (!r?.latency?.p50) throw new Error(`benchmark ${name} produced no result`);
  return r.latency.p50;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8);

async function main() {
  console.log(`Blaupause compile benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log('services | ours: compose + k8s (ms) | yaml.stringify same output (ms) | ratio | ours per 1,000 services (ms)');
  let at1000 = { ours: 0, ratio: 0 };
  for (const n of SIZES) {
    const bp = Blueprint.parse(generateBlueprint(n));
    // Cold: every call plans and emits from scratch (compileAll plans once for both targets; nothing is cached).
    const both = () => compileAll(bp, ['compose', 'kubernetes']);
    // 10,000 services: few runs (yaml.stringify alone takes seconds there).
    const [budget, runs] = n >= 10_000 ? [0, 3] : [1000, 10];
    // Ours first: the anchor's parsed objects (hundreds of MB at 10,000 services) are not yet
    // alive, so every major GC during our runs does not have to walk them too.
    const ours = await median(`compile ${n}`, both, budget, runs);
    const composeText = compile(bp, 'compose').files[0]?.content ?? '';
    const k8sText = compile(bp, 'kubernetes').files[0]?.content ?? '';
    const composeObj = parseAllDocuments(composeText).map((d) => d.toJS());
    const k8sObjs = parseAllDocuments(k8sText).map((d) => d.toJS());
    const anchor = () => {
      stringify(composeObj[0]);
      for (const o of k8sObjs) stringify(o);
    };
    const theirs = await median(`stringify ${n}`, anchor, budget, runs);
    const ratio = ours / theirs;
    if (n === 1_000) at1000 = { ours, ratio };
    console.log(`${String(n).padStart(8)} | ${fmt(ours)} | ${fmt(theirs)} | ${ratio.toFixed(3)} | ${fmt((ours / n) * 1000)}`);
  }

  const composeFile = compile(Blueprint.parse(generateBlueprint(1_000)), 'compose').files[0]?.content ?? '';
  const imported = importCompose(composeFile, { file: 'bench.compose.yaml' });
  if (!imported.ok) throw new Error(`import of the generated file failed: ${imported.diagnostics[0]?.message}`);
  const imp = await median('import 1000', () => importCompose(composeFile), 1000);
  console.log(`import of a 1,000-service Compose file (${(composeFile.length / 1024).toFixed(0)} KiB): ${imp.toFixed(1)} ms`);

  console.log('\nTargets (issue 2):');
  console.log(
    `  compile 1,000 services, compose + k8s ≤ ${TARGETS.compileBudgetMs} ms: ${at1000.ours.toFixed(1)} ms ${at1000.ours <= TARGETS.compileBudgetMs ? 'MET' : 'MISSED'}`,
  );
  console.log(
    `  ≤ ${TARGETS.ratioBudget}× yaml.stringify: ${at1000.ratio.toFixed(3)}× ${at1000.ratio <= TARGETS.ratioBudget ? 'MET' : 'MISSED'}`,
  );
  console.log(
    `  import 1,000-service Compose ≤ ${TARGETS.importBudgetMs} ms: ${imp.toFixed(1)} ms ${imp <= TARGETS.importBudgetMs ? 'MET' : 'MISSED'}`,
  );
}

await main();
