/**
 * Deploy benchmark (issue 4, performance; DESIGN §5): 20 busybox services in chains of links on
 * 4 levels (fixed seed, see deploy-blueprint.ts), deployed by our Docker driver and by Debian's
 * docker-compose 1.29.2 (v1, the anchor) from the equivalent compose file, on the same engine in
 * the same run, alternating (A B, B A, …):
 *
 * - cold deploy: ours = DockerDriver.apply() from the call until its `done` event (settle window
 *   included); compose = `docker-compose -p P -f F up -d` from spawn until it exits. Both torn
 *   down completely between rounds (not timed).
 * - no-op redeploy of the unchanged blueprint: apply() again / `up -d` again.
 *
 * BENCH_ROUNDS (5), BENCH_NOOPS (3 per round), BENCH_SERVICES (20), BENCH_CONCURRENCY (our
 * driver's default) change the run.
 *
 * Wall times decide pass/fail. "without settle" leaves out our settle window (watching the started
 * containers for early exits, which compose v1 does not do) to show its share. The engine's own timestamps (event stream, timeNano) are printed
 * beside them: first container create → last container start of the project, which leaves out
 * each tool's own start-up and its trailing work.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:deploy      (BENCH_ROUNDS=5 by default)
 *
 * Needs a Docker engine (started if none answers) and `docker-compose` on PATH
 * (apt-get install docker-compose). Figures, not a pass/fail test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@blaupause/compiler';
// @blaupause/engine is not a dependency of bench/ (package.json and the lock file are not ours to
// change here): the driver comes through its source path.
import { DockerDriver, type ProgressEvent } from '@blaupause/engine';
import { Blueprint } from '@blaupause/model';
import { ensureDocker, ensureTestImages } from '../../scripts/docker-env.mjs';
import { deployBlueprint } from './deploy-blueprint';
import { composeForV1 } from './deploy-compose';
import { bootstrapRatio, median } from './deploy-stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const NOOPS = Number(process.env.BENCH_NOOPS ?? 3);
const SERVICES = Number(process.env.BENCH_SERVICES ?? 20);
/** Our driver's bound on services converging at once; unset = the driver's default. */
const CONCURRENCY = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
const TARGET = { coldRatio: 0.5, noopMs: 200, noopRatio: 0.25 };

type Docker = DockerDriver['docker'];

/** Engine events of the benchmark's projects: container create / start times (ns), by project. */
class EngineClock {
  private readonly byProject = new Map<string, { create: number[]; start: number[] }>();
  private stream: NodeJS.ReadableStream | undefined;

  async open(docker: Docker): Promise<void> {
    const stream = (await docker.getEvents({ filters: { type: ['container'], event: ['create', 'start'] } })) as NodeJS.ReadableStream;
    let buf = '';
    stream.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl = buf.indexOf('\n');
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        nl = buf.indexOf('\n');
        if (!line.trim()) continue;
        const e = JSON.parse(line) as { Action: string; timeNano: number; Actor?: { Attributes?: Record<string, string> } };
        const p = e.Actor?.Attributes?.['com.docker.compose.project'];
        if (!p) continue;
        const rec = this.byProject.get(p) ?? { create: [], start: [] };
        // timeNano arrives as a JSON number (µs precision at today's epoch): plenty for milliseconds.
        (e.Action === 'create' ? rec.create : rec.start).push(e.timeNano / 1e6);
        this.byProject.set(p, rec);
      }
    });
    this.stream = stream;
  }

  /** Engine time from the project's first container create to its last start, then forgets the project. */
  async span(project: string, expectStarts: number): Promise<number | undefined> {
    // The event for the last start can trail the API answer by a moment.
    for (let i = 0; i < 50 && (this.byProject.get(project)?.start.length ?? 0) < expectStarts; i++) await sleep(20);
    const rec = this.byProject.get(project);
    this.byProject.delete(project);
    if (!rec || rec.create.length === 0 || rec.start.length === 0) return undefined;
    return Math.max(...rec.start) - Math.min(...rec.create);
  }

  close(): void {
    (this.stream as unknown as { destroy?: () => void } | undefined)?.destroy?.();
  }
}

/** Counts the engine API calls of a dockerode instance by method and path shape (ids elided). */
function countCalls(docker: Docker): { take(): Map<string, number> } {
  let calls = new Map<string, number>();
  const modem = docker.modem as unknown as { dial: (o: { method: string; path: string }, cb: unknown) => unknown };
  const dial = modem.dial.bind(modem);
  modem.dial = (o, cb) => {
    const shape = `${o.method} ${o.path
      .replace(/\?.*$/, '')
      .replace(/\/[0-9a-f]{64}/, '/:id')
      .replace(/\/containers\/[^/]+\//, '/containers/:id/')
      .replace(/\/images\/.+\/json$/, '/images/:ref/json')
      .replace(/\/v1\.\d+/, '')}`;
    calls.set(shape, (calls.get(shape) ?? 0) + 1);
    return dial(o, cb);
  };
  return {
    take: () => {
      const r = calls;
      calls = new Map();
      return r;
    },
  };
}

function run(cmd: string, args: string[]): Promise<{ ms: number; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', reject);
    p.on('exit', (code) => resolve({ ms: performance.now() - t0, code, out }));
  });
}

async function compose(project: string, file: string, ...args: string[]): Promise<number> {
  const r = await run('docker-compose', ['-p', project, '-f', file, ...args]);
  if (r.code !== 0) throw new Error(`docker-compose ${args.join(' ')} failed (${r.code}):\n${r.out}`);
  return r.ms;
}

interface Applied {
  ms: number;
  events: ProgressEvent[];
  t0: number;
}

async function apply(driver: DockerDriver, bp: Blueprint, project: string): Promise<Applied> {
  const events: ProgressEvent[] = [];
  const t0 = Date.now();
  const p0 = performance.now();
  for await (const e of driver.apply(bp, { project })) events.push(e);
  const ms = performance.now() - p0;
  const done = events.at(-1);
  if (done?.kind !== 'done' || !done.ok)
    throw new Error(
      `apply failed: ${JSON.stringify(events.filter((e) => e.kind === 'error').map((e) => e.kind === 'error' && e.error.message))}`,
    );
  return { ms, events, t0 };
}

/** The settle window's share of an apply: from the last container step done to the `done` event. */
function settleMs(a: Applied): number {
  const steps = a.events.filter((e) => e.kind === 'step' && !('resource' in e.action) && e.phase === 'done');
  const done = a.events.at(-1);
  return steps.length && done?.kind === 'done' ? done.at - Math.max(...steps.map((e) => (e as { at: number }).at)) : 0;
}

/** Where the time of one of our applies went, from its progress events (ms since the call). */
function profile(a: Applied): string {
  const rel = (t: number) => t - a.t0;
  const steps = a.events.filter((e): e is Extract<ProgressEvent, { kind: 'step' }> => e.kind === 'step');
  const isResource = (e: (typeof steps)[number]) => 'resource' in e.action;
  const containerSteps = steps.filter((e) => !isResource(e));
  const firstContainer = containerSteps[0]?.at ?? a.t0;
  const lastDone = Math.max(...containerSteps.filter((e) => e.phase === 'done').map((e) => e.at), a.t0);
  const resources = steps.filter(isResource);
  const done = a.events.at(-1)?.kind === 'done' ? (a.events.at(-1) as { at: number }).at : a.t0;
  // Per step: started → done.
  const open = new Map<string, number>();
  const durations: number[] = [];
  for (const e of containerSteps) {
    const key = JSON.stringify(e.action);
    if (e.phase === 'started') open.set(key, e.at);
    else if (open.has(key)) durations.push(e.at - (open.get(key) as number));
  }
  const resourceEnd = Math.max(...resources.map((e) => e.at), a.t0);
  return [
    `networks/volumes done at ${rel(resourceEnd)}`,
    `first container step at ${rel(firstContainer)}`,
    `last container step done at ${rel(lastDone)}`,
    `create+start per service p50 ${median(durations).toFixed(0)} max ${Math.max(...durations, 0).toFixed(0)}`,
    `settle ${done - lastDone}`,
    `done at ${rel(done)}`,
  ].join(' · ');
}

const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms.toFixed(0)).padStart(6);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const version = await run('docker-compose', ['version', '--short']).catch(() => undefined);
  if (version?.code !== 0)
    throw new Error('docker-compose (v1, the anchor) is not on PATH: apt-get install -y docker-compose (Debian bookworm: 1.29.2)');
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  const driver = new DockerDriver({ socketPath: env.socket }, CONCURRENCY ? { concurrency: CONCURRENCY } : {});
  const teardown = new DockerDriver({ socketPath: env.socket }, { stopTimeoutSeconds: 0 });
  const calls = countCalls(driver.docker);
  const clock = new EngineClock();
  await clock.open(driver.docker);

  const bp = Blueprint.parse(deployBlueprint(SERVICES));
  const emitted = compile(bp, 'compose').files[0]?.content ?? '';
  const { text, changes } = composeForV1(emitted);
  const dir = mkdtempSync(join(tmpdir(), 'bp-deploy-bench-'));
  const file = join(dir, 'compose.yaml');
  writeFileSync(file, text);
  const id = randomBytes(3).toString('hex');
  const ours = `bpb-${id}-ours`;
  const theirs = `bpb${id}v1`;
  const healthy = bp.services
    ? Object.values(bp.services).flatMap((s) => (s.links ?? []).filter((l) => l.condition === 'healthy')).length
    : 0;

  console.log(`Blaupause deploy benchmark — node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    `${SERVICES} services on 4 levels (${healthy} healthy links, the rest started), image blaupause-test/busybox:1; ${ROUNDS} rounds, ${NOOPS} no-ops per round, our concurrency ${CONCURRENCY ?? 'default'}; anchor: docker-compose ${version.out.trim()} on ${file}`,
  );
  console.log(`compose file for v1: our Compose emitter's output, ${changes.join('; ') || 'unchanged'}`);

  const cold = {
    ours: [] as number[],
    theirs: [] as number[],
    oursEngine: [] as number[],
    theirsEngine: [] as number[],
    /** Ours until the last container step was done: the cold deploy without the settle window. */
    oursUnsettled: [] as number[],
  };
  const noop = { ours: [] as number[], theirs: [] as number[] };
  let coldCalls = new Map<string, number>();
  let noopCalls = new Map<string, number>();

  const runOurs = async (round: number) => {
    calls.take();
    const a = await apply(driver, bp, ours);
    if (round === 0) coldCalls = calls.take();
    const span = await clock.span(ours, SERVICES);
    cold.ours.push(a.ms);
    cold.oursUnsettled.push(a.ms - settleMs(a));
    if (span !== undefined) cold.oursEngine.push(span);
    console.log(`  round ${round + 1} ours    cold ${fmt(a.ms)} ms (engine ${fmt(span)}) | ${profile(a)}`);
    const n: number[] = [];
    for (let i = 0; i < NOOPS; i++) {
      calls.take();
      const r = await apply(driver, bp, ours);
      if (r.events.some((e) => e.kind === 'step')) throw new Error('the no-op redeploy changed something');
      if (round === 0 && i === 0) noopCalls = calls.take();
      n.push(r.ms);
    }
    noop.ours.push(...n);
    console.log(`  round ${round + 1} ours    no-op ${n.map((x) => fmt(x)).join(' ')} ms`);
    for await (const _ of teardown.destroy(ours)) {
      // drain
    }
  };
  const runTheirs = async (round: number) => {
    const ms = await compose(theirs, file, 'up', '-d');
    const span = await clock.span(theirs, SERVICES);
    cold.theirs.push(ms);
    if (span !== undefined) cold.theirsEngine.push(span);
    console.log(`  round ${round + 1} compose cold ${fmt(ms)} ms (engine ${fmt(span)})`);
    const n: number[] = [];
    for (let i = 0; i < NOOPS; i++) n.push(await compose(theirs, file, 'up', '-d'));
    noop.theirs.push(...n);
    console.log(`  round ${round + 1} compose no-op ${n.map((x) => fmt(x)).join(' ')} ms`);
    await compose(theirs, file, 'down', '-v', '-t', '0');
  };

  try {
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        await runOurs(r);
        await runTheirs(r);
      } else {
        await runTheirs(r);
        await runOurs(r);
      }
    }
  } finally {
    clock.close();
    for await (const _ of teardown.destroy(ours)) {
      // drain
    }
    await compose(theirs, file, 'down', '-v', '-t', '0').catch(() => 0);
    rmSync(dir, { recursive: true, force: true });
  }

  const line = (name: string, a: number[], b: number[], target: string, pass: (m: number, r: number) => boolean) => {
    const r = bootstrapRatio(a, b);
    const ok = pass(median(a), r.ratio);
    console.log(
      `${name.padEnd(22)} | ${fmt(median(a))} | ${fmt(median(b))} | ${r.ratio.toFixed(2)} [${r.low.toFixed(2)}–${r.high.toFixed(2)}] | ${target.padEnd(24)} | ${ok ? 'pass' : 'FAIL'}`,
    );
    return { name, ours: median(a), anchor: median(b), ratio: r.ratio, ci: [r.low, r.high], target, pass: ok };
  };
  console.log('');
  console.log('benchmark              | ours ms | v1 ms | ratio [95% bootstrap] | target                   | result');
  const results = [
    line('cold deploy (wall)', cold.ours, cold.theirs, `≤ ${TARGET.coldRatio}× compose v1`, (_m, r) => r <= TARGET.coldRatio),
    line('cold deploy (engine)', cold.oursEngine, cold.theirsEngine, 'information', () => true),
    line('cold, without settle', cold.oursUnsettled, cold.theirs, 'information', () => true),
    line(
      'no-op redeploy (wall)',
      noop.ours,
      noop.theirs,
      `≤ ${TARGET.noopMs} ms, ≤ ${TARGET.noopRatio}× v1`,
      (m, r) => m <= TARGET.noopMs && r <= TARGET.noopRatio,
    ),
  ];
  const show = (m: Map<string, number>) =>
    [...m.entries()]
      .sort()
      .map(([k, v]) => `${v}× ${k}`)
      .join(', ');
  console.log(`\nour engine calls, first cold deploy: ${show(coldCalls)}`);
  console.log(`our engine calls, a no-op redeploy: ${show(noopCalls)}`);
  console.log(`\nRESULT ${JSON.stringify({ bench: 'deploy', services: SERVICES, rounds: ROUNDS, results })}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
