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
import { Blueprint, createValidator, type Service, type Target, validate } from '@blaupause/model';
import { generateBlueprint } from './generate';
import { arg, isMain, runMain } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';
import { median } from './lib/stats';

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
    // Warm-up of ours too: its edit path (a reused service, a re-emitted one) is first run here, not
    // by the initial compile; cold, its first edits cost 3-4x a later one and a short run (the smoke's)
    // read that as a collapse.
    for (let i = 0; i < 5; i++) {
      bp = editOne(bp, rounds + i);
      inc.compile(bp, target);
    }
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

/**
 * One service edited the way the inspector edits it, by kind: its main container's image (what
 * the edit probe types), its replicas, its ports (a published port added) and its links (a link
 * target changed, so the dependency graph is searched again).
 */
const EDITS = ['image', 'replicas', 'ports', 'link'] as const;

function editKind(bp: Blueprint, round: number, kind: (typeof EDITS)[number]): Blueprint {
  const names = Object.keys(bp.services);
  const name = names[(round * 7919) % names.length] as string;
  const s = bp.services[name] as Service;
  let next: Service;
  if (kind === 'image') {
    const app = s.containers.app as NonNullable<Service['containers'][string]>;
    next = { ...s, containers: { ...s.containers, app: { ...app, image: `registry.example.test/team/app:2.${round}` } } };
  } else if (kind === 'replicas') next = { ...s, replicas: (round % 5) + 1 };
  else if (kind === 'ports')
    next = { ...s, ports: [...(s.ports ?? []), { port: 9000 + (round % 50), protocol: 'tcp', publish: 30000 + round }] };
  // A link to an earlier service (as the generator links): the graph changes but stays acyclic.
  else next = { ...s, links: [{ to: names[Math.floor(names.indexOf(name) / 3)] as string, condition: 'started' }] };
  // Built name by name, as the analysis worker's assembler (worker/patch.ts) builds it: V8 keeps
  // such a record of 1,000 services in dictionary mode, unlike a spread copy.
  const services: Record<string, Service> = {};
  for (const n of names) services[n] = n === name ? next : (bp.services[n] as Service);
  return { ...bp, services };
}

/** CPU time of `f` in ms (process.cpuUsage: this single-threaded work plus whatever the GC adds). */
function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/**
 * Semantic validation after one edit (the analysis worker's follow-up request): the stateful
 * createValidator() against validate() of the whole document, alternating, on the same documents.
 * Each answer is checked equal to validate()'s.
 */
export function benchValidate(n: number, edits: number): Row[] {
  let bp = Blueprint.parse(generateBlueprint(n));
  const inc = createValidator();
  inc(bp);
  for (let i = 0; i < 5; i++) validate(bp); // warm-up of the anchor
  const ours: number[] = [];
  const anchor: number[] = [];
  const perKind = new Map<string, number[]>();
  // The documents are made before timing: making them (1,000-key records) feeds the GC.
  const docs: Blueprint[] = [];
  for (let r = 0; r < edits; r++) {
    bp = editKind(bp, r, EDITS[r % EDITS.length] as (typeof EDITS)[number]);
    docs.push(bp);
  }
  for (let r = 0; r < edits; r++) {
    const kind = EDITS[r % EDITS.length] as (typeof EDITS)[number];
    bp = docs[r] as Blueprint;
    let a: unknown;
    let b: unknown;
    const runs = [
      () => {
        const ms = cpuMs(() => {
          a = inc(bp);
        });
        ours.push(ms);
        perKind.set(kind, [...(perKind.get(kind) ?? []), ms]);
      },
      () => anchor.push(cpuMs(() => (b = validate(bp)))),
    ];
    if (r % 2) runs.reverse();
    for (const run of runs) run();
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`edit ${r} (${kind}): the validator's answer differs from validate()`);
  }
  const kinds = [...perKind].map(([k, xs]) => `${k} ${median(xs).toFixed(3)}`).join(', ');
  return [
    row({
      id: 'K3v',
      name: `validation after one edit, ${n.toLocaleString('en')} services (CPU)`,
      anchor: 'validate() of the whole document',
      unit: 'ms',
      ours,
      theirs: anchor,
      target: 'information',
      note: `median per edit kind (ms): ${kinds}`,
    }),
  ];
}

async function main(): Promise<void> {
  console.log(`Blaupause incremental compile — node ${process.version}, one service edited per round`);
  console.log(consoleTable(benchIncremental(1000, Number(arg('rounds', '40')))));
  console.log(consoleTable(benchValidate(1000, Number(arg('edits', '80')))));
}

if (isMain(import.meta.url)) runMain(main);
