import { type ChildProcess, spawn } from 'node:child_process';
import type { DockerDriver, ProgressEvent } from '@blaupause/engine';
import type { Blueprint } from '@blaupause/model';
import { sleep } from './main';

/** Shared by the engine benchmarks: the engine's clock, docker-compose v1 runs, our driver's applies. */

type Docker = DockerDriver['docker'];

export interface EngineEvent {
  action: string;
  service: string;
  name: string;
  /** The engine's timeNano, in ms. */
  t: number;
}

/** Engine events of the benchmark's projects (create / start / health_status), by compose project label. */
export class EngineClock {
  private readonly byProject = new Map<string, EngineEvent[]>();
  private stream: NodeJS.ReadableStream | undefined;

  async open(docker: Docker): Promise<void> {
    const stream = (await docker.getEvents({
      filters: { type: ['container'], event: ['create', 'start', 'health_status'] },
    })) as NodeJS.ReadableStream;
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
        const a = e.Actor?.Attributes ?? {};
        const p = a['com.docker.compose.project'];
        if (!p) continue;
        const list = this.byProject.get(p) ?? [];
        // timeNano arrives as a JSON number (µs precision at today's epoch): plenty for milliseconds.
        list.push({ action: e.Action, service: a['com.docker.compose.service'] ?? '', name: a.name ?? '', t: e.timeNano / 1e6 });
        this.byProject.set(p, list);
      }
    });
    this.stream = stream;
  }

  /** Waits (up to 1 s) until the project has `starts` start events: the last one can trail the API answer. */
  async events(project: string, starts: number): Promise<EngineEvent[]> {
    const count = () => (this.byProject.get(project) ?? []).filter((e) => e.action === 'start').length;
    for (let i = 0; i < 50 && count() < starts; i++) await sleep(20);
    return [...(this.byProject.get(project) ?? [])];
  }

  /** Engine time from the project's first container create to its last start, then forgets the project. */
  async span(project: string, starts: number): Promise<number | undefined> {
    const ev = await this.events(project, starts);
    this.forget(project);
    const creates = ev.filter((e) => e.action === 'create').map((e) => e.t);
    const startTimes = ev.filter((e) => e.action === 'start').map((e) => e.t);
    if (creates.length === 0 || startTimes.length === 0) return undefined;
    return Math.max(...startTimes) - Math.min(...creates);
  }

  forget(project: string): void {
    this.byProject.delete(project);
  }

  close(): void {
    (this.stream as unknown as { destroy?: () => void } | undefined)?.destroy?.();
  }
}

/** Runs a command (no shell); after `timeoutMs` it is killed (SIGTERM) and `timedOut` says so. */
export function run(
  cmd: string,
  args: string[],
  timeoutMs = 0,
): Promise<{ ms: number; code: number | null; out: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            p.kill('SIGTERM');
          }, timeoutMs)
        : undefined;
    let out = '';
    p.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', reject);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - t0, code, out, timedOut });
    });
  });
}

export const COMPOSE_V1 = process.env.COMPOSE_V1 ?? 'docker-compose';

/** docker-compose v1's version, or an error saying how to install it. */
export async function composeVersion(): Promise<string> {
  const v = await run(COMPOSE_V1, ['version', '--short']).catch(() => undefined);
  if (v?.code !== 0)
    throw new Error('docker-compose (v1, the anchor) is not on PATH: apt-get install -y docker-compose (Debian bookworm: 1.29.2)');
  return v.out.trim();
}

/**
 * docker-compose v1 can stall for good with many services (threads waiting, no engine call; seen
 * at 100 services on a quiet machine too, where a normal run takes ~21 s and a loaded one ~41 s):
 * killed after 120 s, the failed round recorded in the row note.
 */
export const COMPOSE_TIMEOUT_MS = Number(process.env.BENCH_COMPOSE_TIMEOUT_MS ?? 120_000);

/** `docker-compose -p P -f F …`; the wall time in ms; throws with its output on failure or after COMPOSE_TIMEOUT_MS. */
export async function compose(project: string, file: string, ...args: string[]): Promise<number> {
  const r = await run(COMPOSE_V1, ['-p', project, '-f', file, ...args], COMPOSE_TIMEOUT_MS);
  if (r.timedOut) throw new Error(`docker-compose ${args.join(' ')} hung: killed after ${COMPOSE_TIMEOUT_MS / 1000} s`);
  if (r.code !== 0) throw new Error(`docker-compose ${args.join(' ')} failed (${r.code}):\n${r.out}`);
  return r.ms;
}

export interface Applied {
  ms: number;
  events: ProgressEvent[];
  t0: number;
}

/** One apply of our driver, from the call until its `done` event; throws unless it succeeded. */
export async function apply(driver: DockerDriver, bp: Blueprint, project: string): Promise<Applied> {
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

export async function destroy(driver: DockerDriver, project: string): Promise<void> {
  for await (const _ of driver.destroy(project)) {
    // drain
  }
}

/** The settle window's share of an apply: from the last container step done to the `done` event. */
export function settleMs(a: Applied): number {
  const steps = a.events.filter((e) => e.kind === 'step' && !('resource' in e.action) && e.phase === 'done');
  const done = a.events.at(-1);
  return steps.length && done?.kind === 'done' ? done.at - Math.max(...steps.map((e) => (e as { at: number }).at)) : 0;
}

/** Every engine project this process used (ours and compose's), for the last sweep. */
const used = new Set<string>();

export function track(project: string): string {
  used.add(project);
  return project;
}

/**
 * Removes whatever is still labelled with a project this process used: containers (forced), then
 * networks. Teardown already did this once; a server of someone else that adopted the projects
 * (its auto-healing supervisor) can recreate a container after our teardown.
 */
/** Everything of one Compose project (containers, networks, volumes) removed through the Engine API. */
export async function removeComposeProject(docker: Docker, project: string): Promise<void> {
  const filters = { label: [`com.docker.compose.project=${project}`] };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
  for (const n of await docker.listNetworks({ filters }))
    await docker
      .getNetwork(n.Id)
      .remove()
      .catch(() => undefined);
  const { Volumes } = await docker.listVolumes({ filters });
  for (const v of Volumes ?? [])
    await docker
      .getVolume(v.Name)
      .remove()
      .catch(() => undefined);
}

export async function sweep(docker: Docker): Promise<number> {
  let removed = 0;
  for (const project of used) {
    const filters = { label: [`com.docker.compose.project=${project}`] };
    const containers = await docker.listContainers({ all: true, filters }).catch(() => []);
    for (const c of containers) {
      await docker
        .getContainer(c.Id)
        .remove({ force: true })
        .then(() => removed++)
        .catch(() => undefined);
    }
    const networks = await docker.listNetworks({ filters }).catch(() => []);
    for (const n of networks)
      await docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined);
  }
  return removed;
}
