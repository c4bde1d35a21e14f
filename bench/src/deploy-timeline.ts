/**
 * Where the time of a cold deploy goes (a diagnostic beside bench:deploy, not a suite row): one
 * blueprint (deploy-blueprint.ts) deployed by our driver, by docker-compose v1, and "bare" (the
 * same containers' create options sent straight to the Engine API: all creates in parallel, then
 * all starts in parallel, no links, no waits — the engine's own floor), alternating. Per run:
 * wall, engine span (first create → last start), the engine CPU time (dockerd + containerd, from
 * /proc), the host's CPU busy share, our Engine API calls by kind, and the engine's timeline by
 * link level (last start, healthy of the level's gate).
 *
 *   node_modules/.bin/tsx bench/src/deploy-timeline.ts [--services 20 --levels 4 --rounds 3
 *     --sides ours,compose,bare --no-health --concurrency N --create-concurrency N --settle-ms N
 *     (bare: all starts at once; bareN: N starts in flight)]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { DockerDriver, desiredState } from '@blaupause/engine';
import { Blueprint } from '@blaupause/model';
import { ensureDocker, ensureTestImages } from '../../scripts/docker-env.mjs';
import { sides } from './deploy.bench';
import { deployBlueprint } from './deploy-blueprint';
import { apply, compose, destroy, type EngineEvent } from './lib/engine-kit';
import { arg, isMain, runMain, sleep } from './lib/main';

const TICK_MS = 1000 / 100; // USER_HZ

/** utime + stime (ms) of every process whose command name is in `names`. */
function cpuOf(names: readonly string[]): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!names.includes(comm)) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
    } catch {
      // gone meanwhile
    }
  }
  return ticks * TICK_MS;
}

/** Host CPU: busy and total jiffies (all cores). */
function hostCpu(): { busy: number; total: number } {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: total - idle, total };
}

const ENGINE = ['dockerd', 'containerd'];

interface Measure {
  engineCpu: number;
  hostBusy: number;
  stop(): { engineCpuMs: number; hostBusyPct: number };
}
function measure(): Measure {
  const e0 = cpuOf(ENGINE);
  const h0 = hostCpu();
  return {
    engineCpu: e0,
    hostBusy: h0.busy,
    stop: () => {
      const h1 = hostCpu();
      return { engineCpuMs: cpuOf(ENGINE) - e0, hostBusyPct: (100 * (h1.busy - h0.busy)) / Math.max(1, h1.total - h0.total) };
    },
  };
}

/** Every engine event of the project (exec_* included), engine time in ms. */
class Timeline {
  private readonly byProject = new Map<string, Ev[]>();
  private stream: NodeJS.ReadableStream | undefined;
  async open(docker: DockerDriver['docker']): Promise<void> {
    const stream = (await docker.getEvents({ filters: { type: ['container'] } })) as NodeJS.ReadableStream;
    let buf = '';
    stream.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const e = JSON.parse(line) as { Action: string; timeNano: number; Actor?: { ID?: string; Attributes?: Record<string, string> } };
        const a = e.Actor?.Attributes ?? {};
        const p = a['com.docker.compose.project'];
        if (!p) continue;
        const list = this.byProject.get(p) ?? [];
        list.push({
          action: e.Action,
          service: a['com.docker.compose.service'] ?? '',
          name: a.name ?? '',
          t: e.timeNano / 1e6,
          id: e.Actor?.ID ?? '',
        });
        this.byProject.set(p, list);
      }
    });
    this.stream = stream;
  }
  /** The project's events since `t0` (ms epoch; a project name used again keeps late events of the last run). */
  async take(project: string, starts: number, t0: number): Promise<Ev[]> {
    const mine = () => (this.byProject.get(project) ?? []).filter((e) => e.t >= t0 - 50);
    for (let i = 0; i < 100 && mine().filter((e) => e.action === 'start').length < starts; i++) await sleep(20);
    const ev = mine();
    this.byProject.delete(project);
    return ev;
  }
  close(): void {
    (this.stream as unknown as { destroy?: () => void } | undefined)?.destroy?.();
  }
}

type Ev = EngineEvent & { id: string };

/** When our start request of each container (by id) went out, host clock ms. */
const startRequests = new Map<string, number>();

/** Counts our Engine API calls by method + path shape. */
function countCalls(docker: DockerDriver['docker']): { take(): Record<string, number> } {
  const modem = docker.modem as unknown as { dial: (o: { method: string; path: string }, cb: unknown) => unknown };
  const dial = modem.dial;
  let counts: Record<string, number> = {};
  modem.dial = function (this: unknown, o, cb) {
    const key = `${o.method} ${o.path
      .replace(/\?.*$/, '')
      .replace(/\/containers\/[^/]+/, '/containers/{id}')
      .replace(/\/networks\/[^/]+/, '/networks/{id}')}`;
    counts[key] = (counts[key] ?? 0) + 1;
    const start = /\/containers\/([^/]+)\/start/.exec(o.path);
    if (o.method === 'POST' && start?.[1]) startRequests.set(start[1], Date.now());
    return dial.call(this, o, cb);
  };
  return {
    take: () => {
      const c = counts;
      counts = {};
      return c;
    },
  };
}

/**
 * For each service with a healthy link: our start request − the target's healthy event (the
 * orchestrator's delay on the chain: queueing for a start slot), and for the chain's head: its
 * start request − the first start request.
 */
function gates(bp: Blueprint, ev: readonly Ev[]): string {
  const idOf = (svc: string) => ev.find((e) => e.service === svc && e.action === 'create')?.id ?? '';
  const req = (svc: string) => startRequests.get(idOf(svc));
  const healthy = (svc: string) => ev.find((e) => e.service === svc && e.action.startsWith('health_status: healthy'))?.t;
  const out: string[] = [];
  const all = Object.keys(bp.services);
  const first = Math.min(...all.map((x) => req(x) ?? Number.POSITIVE_INFINITY));
  for (const [name, svc] of Object.entries(bp.services))
    for (const l of svc.links ?? [])
      if (l.condition === 'healthy') {
        const head = bp.services[l.to]?.links?.some((x) => x.condition === 'healthy')
          ? ''
          : ` (${l.to} requested at +${((req(l.to) ?? 0) - first).toFixed(0)})`;
        out.push(`${l.to}→${name} ${((req(name) ?? 0) - (healthy(l.to) ?? 0)).toFixed(0)}${head}`);
      }
  return out.join(', ');
}

function summary(ev: readonly EngineEvent[], t0: number, levelOf: (svc: string) => number, levels: number): string {
  const rel = (t: number | undefined) => (t === undefined ? '—' : (t - t0).toFixed(0));
  const of = (a: string) => ev.filter((e) => e.action === a);
  const creates = of('create').map((e) => e.t);
  const starts = of('start');
  const parts = [`creates ${rel(Math.min(...creates))}–${rel(Math.max(...creates))}`];
  for (let l = 0; l < levels; l++) {
    const s = starts.filter((e) => levelOf(e.service) === l).map((e) => e.t);
    const h = of('health_status: healthy')
      .filter((e) => levelOf(e.service) === l)
      .map((e) => e.t);
    parts.push(
      `L${l} start ${rel(Math.min(...s))}–${rel(Math.max(...s))} healthy ${h.length ? `${rel(Math.min(...h))}–${rel(Math.max(...h))}` : '—'}`,
    );
  }
  parts.push(`execs ${ev.filter((e) => e.action.startsWith('exec_start')).length}`);
  return parts.join(' · ');
}

async function main(): Promise<void> {
  const n = Number(arg('services', '20'));
  const levels = Number(arg('levels', '4'));
  const rounds = Number(arg('rounds', '3'));
  const health = !process.argv.includes('--no-health');
  const want = arg('sides', 'ours,compose,bare').split(',');
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  const opt = (k: string) => (process.argv.includes(`--${k}`) ? Number(arg(k, '0')) : undefined);
  const driver = new DockerDriver(
    { socketPath: env.socket },
    {
      ...(opt('concurrency') ? { concurrency: opt('concurrency') } : {}),
      ...(opt('create-concurrency') ? { createConcurrency: opt('create-concurrency') } : {}),
      ...(opt('settle-ms') !== undefined ? { settleMs: opt('settle-ms') } : {}),
    },
  );
  const teardown = new DockerDriver({ socketPath: env.socket }, { stopTimeoutSeconds: 0 });
  const docker = driver.docker;
  const bp = Blueprint.parse(deployBlueprint(n, levels, 20261128, health));
  const perLevel = Math.ceil(n / levels);
  const levelOf = (svc: string) => Math.floor(Number(svc.replace(/^s0*/, '') || '0') / perLevel);
  const s = sides(bp, `t${n}`);
  const tl = new Timeline();
  await tl.open(docker);
  const calls = countCalls(docker);
  const fmt = (x: number) => x.toFixed(0);
  const line = (side: string, wall: number, ev: EngineEvent[], t0: number, m: { engineCpuMs: number; hostBusyPct: number }) => {
    const creates = ev.filter((e) => e.action === 'create').map((e) => e.t);
    const startT = ev.filter((e) => e.action === 'start').map((e) => e.t);
    const span = Math.max(...startT) - Math.min(...creates);
    console.log(
      `${side.padEnd(7)} wall ${fmt(wall)} span ${fmt(span)} engineCPU ${fmt(m.engineCpuMs)} host ${m.hostBusyPct.toFixed(0)}% | ${summary(ev, t0, levelOf, levels)}`,
    );
  };
  /** `ours` runs with the options given, `oursN` with start concurrency N. */
  const runOurs = async (side: string, d: DockerDriver) => {
    calls.take();
    const m = measure();
    const t0 = Date.now();
    const a = await apply(d, bp, s.ours);
    const r = m.stop();
    const ev = await tl.take(s.ours, n, t0);
    line(side, a.ms, ev, t0, r);
    console.log(`        critical path: ${gates(bp, ev)}`);
    const last = a.events.at(-1) as { at: number };
    console.log(`        done at ${last.at - t0}; calls ${JSON.stringify(calls.take())}`);
    await destroy(teardown, s.ours);
  };
  const runCompose = async () => {
    const m = measure();
    const t0 = Date.now();
    const ms = await compose(s.theirs, s.file, 'up', '-d');
    const r = m.stop();
    line('compose', ms, await tl.take(s.theirs, n, t0), t0, r);
    await compose(s.theirs, s.file, 'down', '-v', '-t', '0');
  };
  /** `bare` starts every container at once, `bareN` keeps N starts in flight. */
  const runBare = async (bareLimit: number) => {
    // The same create options as ours (labels, network, healthcheck), without links: the engine's floor.
    const d = desiredState({ project: `${s.ours}b`, blueprint: bp });
    if (!d.ok) throw new Error(d.error.message);
    const net = d.value.networks[0]?.name as string;
    const m = measure();
    const t0 = Date.now();
    const p0 = performance.now();
    await docker.createNetwork({ Name: net, Labels: d.value.networks[0]?.labels ?? {} });
    const mains = d.value.services.flatMap((x) => x.mains);
    const made = await Promise.all(mains.map((c) => docker.createContainer({ ...c.options, name: c.name })));
    if (bareLimit > 0) {
      // `bareLimit` starts in flight at once (a worker pool over the list).
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < made.length; i = next++) await made[i]?.start();
      };
      await Promise.all(Array.from({ length: bareLimit }, worker));
    } else await Promise.all(made.map((c) => c.start()));
    const wall = performance.now() - p0;
    const r = m.stop();
    line(`bare/${bareLimit || '∞'}`, wall, await tl.take(`${s.ours}b`, n, t0), t0, r);
    await Promise.all(made.map((c) => c.remove({ force: true })));
    await docker.getNetwork(net).remove();
  };
  const all: Record<string, () => Promise<void>> = { ours: () => runOurs('ours', driver), compose: runCompose };
  for (const w of want)
    if (/^ours\d+$/.test(w)) {
      const d = new DockerDriver({ socketPath: env.socket }, { concurrency: Number(w.slice(4)) });
      all[w] = () => runOurs(w, d);
    }
  for (const w of want) if (/^bare\d*$/.test(w)) all[w] = () => runBare(Number(w.slice(4) || '0'));
  const order = want.filter((w) => w in all);
  console.log(`deploy timeline — ${n} services, ${levels} levels, health ${health}; load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  try {
    for (let r = 0; r < rounds; r++) {
      const turn = r % 2 === 0 ? order : [...order].reverse();
      for (const side of turn) await (all[side] as () => Promise<void>)();
    }
  } finally {
    tl.close();
    await destroy(teardown, s.ours).catch(() => undefined);
    await compose(s.theirs, s.file, 'down', '-v', '-t', '0').catch(() => 0);
    s.cleanup();
    console.log(`load after ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  }
}

if (isMain(import.meta.url)) runMain(main);
