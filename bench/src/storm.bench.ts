/**
 * Event-storm benchmark (anchor S3): 250 short-lived busybox containers of one project are
 * created, started (each exits at once) and removed, 10 at a time — 1,000 engine events (create,
 * start, die, destroy). Our status watch (DockerDriver.watch, as the server's hub runs it) must
 * deliver every one of them as a status change: zero lost. Ground truth: a raw subscriber of the
 * engine's event stream that does nothing else. Anchor: the same raw subscriber with a deliberately
 * slow 20 ms handler (the negative control: the engine drops events for a subscriber that blocks
 * it). Also the delivery latency (engine timeNano → received), ours vs the raw fast subscriber.
 *
 *   node scripts/pnpm.mjs --filter @blaupause/bench bench:storm [-- --containers 250]
 */
import { randomBytes } from 'node:crypto';
import { type DockerDriver, LABEL, type StatusEvent } from '@blaupause/engine';
import { type EngineContext, engineContext, PREFIX } from './deploy.bench';
import { BENCH_IMAGE } from './deploy-blueprint';
import { track } from './lib/engine-kit';
import { arg, isMain, runMain, sleep } from './lib/main';
import { consoleTable, type Row, row } from './lib/result';
import { percentile } from './lib/stats';

type Docker = DockerDriver['docker'];
const ACTIONS = ['create', 'start', 'die', 'destroy'] as const;
const STATE_OF: Record<(typeof ACTIONS)[number], (s: string) => boolean> = {
  create: (s) => s === 'pending' || s === 'creating',
  start: (s) => s === 'running' || s === 'starting',
  die: (s) => s === 'exited',
  destroy: (s) => s === 'removed',
};

/** A raw subscriber of the project's engine events: every record with its arrival time; `delayMs` per record. */
async function rawSubscriber(docker: Docker, project: string, delayMs: number) {
  const got: Array<{ id: string; action: string; t: number; received: number }> = [];
  const stream = (await docker.getEvents({
    filters: { type: ['container'], event: [...ACTIONS], label: [`${LABEL.project}=${project}`] },
  })) as NodeJS.ReadableStream & { destroy(): void; pause(): void; resume(): void };
  let buf = '';
  stream.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    let nl = buf.indexOf('\n');
    let records = 0;
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      nl = buf.indexOf('\n');
      if (!line.trim()) continue;
      const e = JSON.parse(line) as { id: string; Action: string; timeNano: number };
      got.push({ id: e.id, action: e.Action, t: e.timeNano / 1e6, received: performance.timeOrigin + performance.now() });
      records++;
    }
    if (delayMs > 0 && records > 0) {
      // Blocks like a handler doing 20 ms of work per event: nothing is read meanwhile.
      stream.pause();
      setTimeout(() => stream.resume(), delayMs * records);
    }
  });
  return { got, close: () => stream.destroy() };
}

async function inBatches<T>(items: readonly T[], size: number, fn: (t: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

export async function benchStorm(ctx: EngineContext, containers: number, log: (l: string) => void = console.log): Promise<Row[]> {
  const docker = ctx.driver.docker;
  const project = track(`${PREFIX}-storm-${randomBytes(3).toString('hex')}`);
  const abort = new AbortController();
  const changes: Array<{ id: string; state: string; at: number; received: number }> = [];
  let snapshot = false;
  const watching = (async () => {
    for await (const e of ctx.driver.watch(project, abort.signal) as AsyncIterable<StatusEvent>) {
      if (e.kind === 'snapshot') snapshot = true;
      if (e.kind === 'change' && e.status.id)
        changes.push({ id: e.status.id, state: e.status.state, at: e.status.at, received: performance.timeOrigin + performance.now() });
    }
  })().catch(() => undefined);
  const fast = await rawSubscriber(docker, project, 0);
  const slow = await rawSubscriber(docker, project, 20);
  for (let i = 0; i < 200 && !snapshot; i++) await sleep(50);
  const ids: string[] = [];
  const t0 = performance.now();
  try {
    await inBatches(
      Array.from({ length: containers }, (_, i) => i),
      20,
      async (i) => {
        const service = `s${i % 25}`;
        const replica = Math.floor(i / 25) + 1;
        const c = await docker.createContainer({
          name: `${project}-${service}-${replica}`,
          Image: BENCH_IMAGE,
          Cmd: ['true'],
          Labels: {
            [LABEL.project]: project,
            [LABEL.service]: service,
            [LABEL.number]: String(replica),
            [LABEL.managed]: 'true',
            [LABEL.element]: `container:${service}/main`,
            [LABEL.blueprintService]: service,
            [LABEL.container]: 'main',
          },
          HostConfig: { NetworkMode: 'none' },
        });
        ids.push(c.id);
        await c.start();
      },
    );
    await inBatches(ids, 20, async (id) => {
      await docker.getContainer(id).wait();
      await docker.getContainer(id).remove();
    });
    const stormMs = performance.now() - t0;
    const expected = ids.length * ACTIONS.length;
    // Delivery may trail the last API answer; the slow subscriber needs its 20 ms per event.
    for (let i = 0; i < 600 && (fast.got.length < expected || changes.length < expected); i++) await sleep(50);
    await sleep(Math.max(2000, 25 * expected - (performance.now() - t0)));
    const truth = fast.got;
    const lostBy = (seen: (id: string, action: (typeof ACTIONS)[number]) => boolean) =>
      ids.reduce((n, id) => n + ACTIONS.filter((a) => !seen(id, a)).length, 0);
    const oursLost = lostBy((id, a) => changes.some((c) => c.id === id && STATE_OF[a](c.state)));
    const slowLost = lostBy((id, a) => slow.got.some((e) => e.id === id && e.action === a));
    const truthLost = lostBy((id, a) => truth.some((e) => e.id === id && e.action === a));
    const oursLatency = changes.map((c) => c.received - c.at);
    const rawLatency = truth.map((e) => e.received - e.t);
    log(
      `  storm: ${ids.length} containers, ${truth.length} engine events (raw subscriber; ${truthLost} missing) in ${(stormMs / 1000).toFixed(1)} s (${((1000 * truth.length) / stormMs).toFixed(0)} ev/s); ours ${changes.length} changes, ${oursLost} lost; slow consumer ${slow.got.length} events, ${slowLost} lost`,
    );
    return [
      row({
        id: 'S3',
        name: `event storm: ${expected} container events, events lost`,
        anchor: 'raw event subscriber with a 20 ms handler',
        unit: 'ev',
        ours: [oursLost],
        theirs: [slowLost],
        target: '0 lost',
        pass: (m) => m === 0 && truthLost === 0,
        ciBasis: 'counts of one storm',
        note: `${ids.length} containers created → started → exited → removed in ${(stormMs / 1000).toFixed(1)} s (${((1000 * truth.length) / stormMs).toFixed(0)} events/s on this engine); ground truth (raw fast subscriber) saw ${truth.length}`,
      }),
      row({
        id: 'S3l',
        name: 'event storm: engine event → status change delivered, p95',
        anchor: 'raw event subscriber (no work)',
        unit: 'ms',
        ours: oursLatency,
        theirs: rawLatency,
        stat: (xs) => percentile(xs, 95),
        target: 'information',
        ciBasis: `bootstrap over ${oursLatency.length} + ${rawLatency.length} events`,
      }),
    ];
  } finally {
    abort.abort();
    fast.close();
    slow.close();
    const left = await docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${project}`] } });
    await Promise.all(
      left.map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    await watching;
  }
}

async function main(): Promise<void> {
  const ctx = await engineContext();
  try {
    console.log(consoleTable(await benchStorm(ctx, Number(arg('containers', '250')))));
  } finally {
    await ctx.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
