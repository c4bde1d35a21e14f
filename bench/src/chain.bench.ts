/**
 * Healthy-chain benchmark (anchor D2): a chain of 5 services, each linking to the one before with
 * `healthy` (chainBlueprint: busybox httpd, the same 1 s health check on both sides), deployed by
 * our driver and by docker-compose v1, alternating. The hand-off latency is read off the engine's
 * event stream: from a service's `health_status: healthy` (timeNano) to its dependant's `start`.
 * Also the total wall time of the deploy.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:chain [-- --levels 5 --rounds 3]
 */
import { Blueprint } from '@blaupause/model';
import { type EngineContext, engineContext, sides } from './deploy.bench';
import { chainBlueprint } from './deploy-blueprint';
import { apply, compose, destroy, type EngineEvent } from './lib/engine-kit';
import { arg, isMain, runMain } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';
import { percentile } from './lib/stats';

export const TARGET = { handoffP95Ms: 50, totalRatio: 0.7 };

/** healthy(c[i-1]) → start(c[i]) for each link of the chain, in ms of engine time. */
export function handoffs(events: readonly EngineEvent[], levels: number): number[] {
  const first = (service: string, action: string) => events.find((e) => e.service === service && e.action === action)?.t;
  const out: number[] = [];
  for (let i = 1; i < levels; i++) {
    const healthy = first(`c${i - 1}`, 'health_status: healthy');
    const start = first(`c${i}`, 'start');
    if (healthy === undefined || start === undefined) throw new Error(`no healthy event of c${i - 1} or no start of c${i}`);
    out.push(start - healthy);
  }
  return out;
}

/**
 * Wall-clock times (ms, same host clock as the engine's) of our driver's container start requests:
 * in a chain they go out strictly one after another, so the i-th is c<i>'s.
 */
function recordStarts(ctx: EngineContext): { take(): number[]; restore(): void } {
  const modem = ctx.driver.docker.modem as unknown as { dial: (o: { method: string; path: string }, cb: unknown) => unknown };
  const dial = modem.dial;
  let times: number[] = [];
  modem.dial = function (this: unknown, o, cb) {
    if (o.method === 'POST' && /\/containers\/[^/]+\/start/.test(o.path)) times.push(performance.timeOrigin + performance.now());
    return dial.call(this, o, cb);
  };
  return {
    take: () => {
      const t = times;
      times = [];
      return t;
    },
    restore: () => {
      modem.dial = dial;
    },
  };
}

export async function benchChain(
  ctx: EngineContext,
  levels: number,
  rounds: number,
  log: (l: string) => void = console.log,
): Promise<Row[]> {
  const bp = Blueprint.parse(chainBlueprint(levels));
  const s = sides(bp, 'chain');
  const hand = { ours: [] as number[], theirs: [] as number[] };
  const total = { ours: [] as number[], theirs: [] as number[] };
  /** healthy → the start request (ours) or the create (compose v1 creates only then): the orchestrator's reaction alone. */
  const reaction = { ours: [] as number[], theirs: [] as number[] };
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  const starts = recordStarts(ctx);
  const healthyAt = (ev: readonly EngineEvent[], i: number) =>
    ev.find((e) => e.service === `c${i}` && e.action === 'health_status: healthy')?.t;
  const runOurs = async (r: number) => {
    starts.take();
    const a = await apply(ctx.driver, bp, s.ours);
    const ev = await ctx.clock.events(s.ours, levels);
    const h = handoffs(ev, levels);
    const req = starts.take();
    const re = req.length === levels ? req.slice(1).map((t, i) => t - (healthyAt(ev, i) ?? Number.NaN)) : [];
    ctx.clock.forget(s.ours);
    hand.ours.push(...h);
    reaction.ours.push(...re);
    total.ours.push(a.ms);
    log(`  chain round ${r + 1} ours    ${a.ms.toFixed(0)} ms, hand-offs ${fmt(h)} ms (healthy → start request ${fmt(re)})`);
    await destroy(ctx.teardown, s.ours);
  };
  const runTheirs = async (r: number) => {
    const ms = await compose(s.theirs, s.file, 'up', '-d');
    const ev = await ctx.clock.events(s.theirs, levels);
    const h = handoffs(ev, levels);
    const created = (i: number) => ev.find((e) => e.service === `c${i}` && e.action === 'create')?.t ?? Number.NaN;
    const re = Array.from({ length: levels - 1 }, (_, i) => created(i + 1) - (healthyAt(ev, i) ?? Number.NaN));
    ctx.clock.forget(s.theirs);
    hand.theirs.push(...h);
    reaction.theirs.push(...re);
    total.theirs.push(ms);
    log(`  chain round ${r + 1} compose ${ms.toFixed(0)} ms, hand-offs ${fmt(h)} ms (healthy → create ${fmt(re)})`);
    await compose(s.theirs, s.file, 'down', '-v', '-t', '0');
  };
  try {
    for (let r = 0; r < rounds; r++) for (const side of r % 2 === 0 ? [runOurs, runTheirs] : [runTheirs, runOurs]) await side(r);
  } finally {
    starts.restore();
    await destroy(ctx.teardown, s.ours).catch(() => undefined);
    await compose(s.theirs, s.file, 'down', '-v', '-t', '0').catch(() => 0);
    s.cleanup();
  }
  const anchor = `docker-compose ${ctx.composeVersion} \`up -d\``;
  const p95 = (xs: readonly number[]) => percentile(xs, 95);
  return [
    row({
      id: 'D2',
      name: `${levels}-level healthy chain: hand-off healthy → dependant start, p95`,
      anchor,
      unit: 'ms',
      ours: hand.ours,
      theirs: hand.theirs,
      stat: p95,
      target: `p95 ≤ ${TARGET.handoffP95Ms} ms`,
      pass: (m) => m <= TARGET.handoffP95Ms,
      ciBasis: `bootstrap over ${hand.ours.length} + ${hand.theirs.length} hand-offs of alternating runs`,
      note: `engine timeNano, so the engine's own start work is inside; medians ${percentile(hand.ours, 50).toFixed(0)} vs ${percentile(hand.theirs, 50).toFixed(0)} ms`,
    }),
    row({
      id: 'D2r',
      name: `${levels}-level healthy chain: reaction healthy → start request (ours) / create (v1), p95`,
      anchor,
      unit: 'ms',
      ours: reaction.ours,
      theirs: reaction.theirs,
      stat: p95,
      target: 'information',
      ciBasis: `bootstrap over ${reaction.ours.length} + ${reaction.theirs.length} hand-offs`,
      note: 'the orchestrator alone: ours from the engine event to our start request (containers are created up front), v1 to its create',
    }),
    row({
      id: 'D2t',
      name: `${levels}-level healthy chain: total deploy, wall`,
      anchor,
      unit: 'ms',
      ours: total.ours,
      theirs: total.theirs,
      target: `≤ ${TARGET.totalRatio}× v1`,
      pass: (_m, r) => r.ratio <= TARGET.totalRatio,
    }),
  ];
}

async function main(): Promise<void> {
  const ctx = await engineContext();
  try {
    console.log(consoleTable(await benchChain(ctx, Number(arg('levels', '5')), Number(arg('rounds', '3')))));
  } finally {
    await ctx.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
