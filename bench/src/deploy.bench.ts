/**
 * Deploy benchmark (issue 4, performance; DESIGN §5; anchors D1, D3, D4): busybox services
 * (fixed seed, deploy-blueprint.ts) deployed by our Docker driver and by Debian's docker-compose
 * 1.29.2 (v1, the anchor) from the equivalent compose file, on the same engine in the same run,
 * alternating (A B, B A, …):
 *
 * - cold deploy: ours = DockerDriver.apply() from the call until its `done` event (settle window
 *   included); compose = `docker-compose -p P -f F up -d` from spawn until it exits. Both torn
 *   down completely between rounds (not timed). Beside the wall time, the engine's own span from
 *   the event stream (timeNano of the project's first container create → last start).
 * - no-op redeploy of the unchanged blueprint: apply() again / `up -d` again.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:deploy
 *     [-- --services 20 --levels 4 --rounds 5 --noops 3 --no-health --concurrency N]
 *
 * Needs a Docker engine (started if none answers) and `docker-compose` on PATH.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@blaupause/compiler';
import { DockerDriver } from '@blaupause/engine';
import { Blueprint } from '@blaupause/model';
import { ensureDocker, ensureTestImages } from '../../scripts/docker-env.mjs';
import { deployBlueprint } from './deploy-blueprint';
import { composeForV1 } from './deploy-compose';
import {
  type Applied,
  apply,
  COMPOSE_V1,
  compose,
  composeVersion,
  destroy,
  EngineClock,
  removeComposeProject,
  settleMs,
  sweep,
  track,
} from './lib/engine-kit';
import { arg, isMain, runMain, sleep } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';

export const TARGET = { coldRatio: 0.5, scaleRatio: 0.6, noopMs: 200, noopRatio: 0.25 };
/** Container names and projects of every engine benchmark start with this (other helpers' containers are never touched). */
export const PREFIX = 'bpbench';

/** What the engine benchmarks share: our driver, a fast teardown driver, the engine clock. */
export interface EngineContext {
  driver: DockerDriver;
  teardown: DockerDriver;
  clock: EngineClock;
  composeVersion: string;
  /** Closes the event stream and sweeps what this run left (see sweep). */
  close(): Promise<void>;
}

export async function engineContext(concurrency?: number): Promise<EngineContext> {
  const version = await composeVersion();
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  const driver = new DockerDriver({ socketPath: env.socket }, concurrency ? { concurrency } : {});
  const teardown = new DockerDriver({ socketPath: env.socket }, { stopTimeoutSeconds: 0 });
  const clock = new EngineClock();
  await clock.open(driver.docker);
  return {
    driver,
    teardown,
    clock,
    composeVersion: version,
    close: async () => {
      clock.close();
      const left = await sweep(driver.docker);
      if (left > 0) console.warn(`  (${left} container(s) of this run were still there after teardown, removed)`);
    },
  };
}

/** A blueprint written as a compose file v1 accepts, in a temp folder; and two unique project names. */
export function sides(bp: Blueprint, label: string): { file: string; ours: string; theirs: string; changes: string[]; cleanup(): void } {
  const { text, changes } = composeForV1(compile(bp, 'compose').files[0]?.content ?? '');
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}-${label}-`));
  const file = join(dir, 'compose.yaml');
  writeFileSync(file, text);
  const id = randomBytes(3).toString('hex');
  return {
    file,
    ours: track(`${PREFIX}-${label}-${id}-ours`),
    // compose v1 strips dashes from project names.
    theirs: track(`${PREFIX}${label}${id}v1`),
    changes,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Where the time of one of our applies went, from its progress events (ms since the call). */
function profile(a: Applied): string {
  const steps = a.events.filter((e) => e.kind === 'step' && !('resource' in e.action));
  const at = steps.map((e) => (e as { at: number }).at);
  const done = a.events.at(-1)?.kind === 'done' ? (a.events.at(-1) as { at: number }).at : a.t0;
  return `first container step at ${Math.min(...at, done) - a.t0} · settle ${settleMs(a)} · done at ${done - a.t0}`;
}

export interface DeployOptions {
  services: number;
  levels: number;
  health: boolean;
  rounds: number;
  /** No-op redeploys per round (0: none, no D3 row). */
  noops: number;
  log?: (line: string) => void;
}

/** Cold deploys (and no-op redeploys) of ours vs compose v1, alternating; rows D1/D4 (+ engine span) and D3. */
export async function benchDeploy(ctx: EngineContext, o: DeployOptions): Promise<Row[]> {
  const log = o.log ?? console.log;
  const bp = Blueprint.parse(deployBlueprint(o.services, o.levels, 20261128, o.health));
  const s = sides(bp, `d${o.services}`);
  const cold = { ours: [] as number[], theirs: [] as number[], oursEngine: [] as number[], theirsEngine: [] as number[] };
  const noop = { ours: [] as number[], theirs: [] as number[] };
  const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms.toFixed(0));
  const runOurs = async (r: number) => {
    const a = await apply(ctx.driver, bp, s.ours);
    const span = await ctx.clock.span(s.ours, o.services);
    cold.ours.push(a.ms);
    if (span !== undefined) cold.oursEngine.push(span);
    const n: number[] = [];
    for (let i = 0; i < o.noops; i++) {
      const again = await apply(ctx.driver, bp, s.ours);
      if (again.events.some((e) => e.kind === 'step')) throw new Error('the no-op redeploy changed something');
      n.push(again.ms);
    }
    noop.ours.push(...n);
    log(
      `  deploy ${o.services} round ${r + 1} ours    cold ${fmt(a.ms)} ms (engine ${fmt(span)}; ${profile(a)}) no-op ${n.map(fmt).join(' ')}`,
    );
    await destroy(ctx.teardown, s.ours);
  };
  const anchorFailures: string[] = [];
  /** docker-compose v1's own tear-down (not timed); when it fails too (it did after a stalled 100-service run), the Engine API removes the project. */
  const composeDown = async () => {
    try {
      await compose(s.theirs, s.file, 'down', '-v', '-t', '0');
    } catch (e) {
      log(`  (docker-compose down failed: ${e instanceof Error ? e.message.split('\n')[0] : e}; removed through the Engine API)`);
      await removeComposeProject(ctx.teardown.docker, s.theirs);
    }
  };
  const runTheirs = async (r: number) => {
    let ms: number;
    try {
      ms = await compose(s.theirs, s.file, 'up', '-d');
    } catch (e) {
      // The anchor failing is a finding, not the end of the benchmark: recorded, torn down, next round.
      const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
      anchorFailures.push(`round ${r + 1}: ${message}`);
      log(`  deploy ${o.services} round ${r + 1} compose FAILED: ${message}`);
      ctx.clock.forget(s.theirs);
      await composeDown();
      return;
    }
    const span = await ctx.clock.span(s.theirs, o.services);
    cold.theirs.push(ms);
    if (span !== undefined) cold.theirsEngine.push(span);
    const n: number[] = [];
    for (let i = 0; i < o.noops; i++) n.push(await compose(s.theirs, s.file, 'up', '-d'));
    noop.theirs.push(...n);
    log(`  deploy ${o.services} round ${r + 1} compose cold ${fmt(ms)} ms (engine ${fmt(span)}) no-op ${n.map(fmt).join(' ')}`);
    await composeDown();
  };
  try {
    for (let r = 0; r < o.rounds; r++)
      for (const side of r % 2 === 0 ? [runOurs, runTheirs] : [runTheirs, runOurs]) {
        // The engine finishes the previous side's removals in the background (veths, mounts): let it, so neither side starts on its leftovers.
        await sleep(2000);
        await side(r);
      }
  } finally {
    await destroy(ctx.teardown, s.ours).catch(() => undefined);
    await composeDown().catch(() => undefined);
    s.cleanup();
  }
  const scale = o.services >= 100;
  const shape = o.health ? `${o.levels} levels, healthy links` : o.levels > 1 ? `${o.levels} levels` : 'independent';
  const ratioTarget = scale ? TARGET.scaleRatio : TARGET.coldRatio;
  const anchor = `docker-compose ${ctx.composeVersion} \`up -d\``;
  const rows = [
    row({
      id: scale ? 'D4' : 'D1',
      name: `cold deploy, ${o.services} services (${shape}), wall`,
      anchor,
      unit: 'ms',
      ours: cold.ours,
      theirs: cold.theirs,
      target: `≤ ${ratioTarget}× v1`,
      ...(cold.theirs.length > 0 ? { pass: (_m: number, r: { ratio: number }) => r.ratio <= ratioTarget } : {}),
      ...(anchorFailures.length > 0 ? { note: `docker-compose v1 failed ${anchorFailures.length}×: ${anchorFailures.join('; ')}` } : {}),
    }),
    row({
      id: scale ? 'D4e' : 'D1e',
      name: `cold deploy, ${o.services} services, engine span (first create → last start)`,
      anchor: 'same, engine timeNano',
      unit: 'ms',
      ours: cold.oursEngine,
      theirs: cold.theirsEngine,
      target: 'information',
    }),
  ];
  if (o.noops > 0)
    rows.push(
      row({
        id: 'D3',
        name: `no-op redeploy, ${o.services} services`,
        anchor,
        unit: 'ms',
        ours: noop.ours,
        theirs: noop.theirs,
        target: `≤ ${TARGET.noopMs} ms, ≤ ${TARGET.noopRatio}× v1`,
        pass: (m, r) => m <= TARGET.noopMs && r.ratio <= TARGET.noopRatio,
      }),
    );
  return rows;
}

async function main(): Promise<void> {
  const concurrency = process.argv.includes('--concurrency') ? Number(arg('concurrency', '4')) : undefined;
  const ctx = await engineContext(concurrency);
  try {
    const services = Number(arg('services', '20'));
    console.log(
      `Blaupause deploy benchmark — node ${process.version}, ${new Date().toISOString()}; anchor ${COMPOSE_V1} ${ctx.composeVersion}`,
    );
    const rows = await benchDeploy(ctx, {
      services,
      levels: Number(arg('levels', '4')),
      health: !process.argv.includes('--no-health'),
      rounds: Number(arg('rounds', '5')),
      noops: Number(arg('noops', '3')),
    });
    console.log(consoleTable(rows));
  } finally {
    await ctx.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
