import type Docker from 'dockerode';
import { engineMessage } from '../docker/errors';
import { ndjsonSplitter } from '../docker/status/ndjson';
import { AsyncQueue } from '../docker/status/queue';
import type { ContainerStatus, StatusEvent } from '../types';
import { sleep, type Task } from './converge';
import { ownedAll, ownedStack } from './labels';
import { sameStatus, serviceView, statusKey, taskStatuses } from './status';

/**
 * The status stream of stacks: a snapshot of every task slot, then changes. Swarm has no task
 * events on this API, so the engine's event stream (service, node and container events) wakes a
 * re-list of the tasks, and a periodic re-list (`pollMs`) catches what no event announces (a task
 * going from assigned to preparing). Health comes from the task's container: inspected once, then
 * again on its `health_status` events. The engine going away is an `engine` event; the stream
 * reconnects and starts over with a snapshot.
 */
export async function* watchStack(
  docker: Docker,
  project: string | undefined,
  signal: AbortSignal,
  pollMs: number,
): AsyncGenerator<StatusEvent> {
  const out = new AsyncQueue<StatusEvent>();
  signal.addEventListener('abort', () => out.end(), { once: true });
  void run(docker, project, signal, pollMs, out);
  for await (const e of out) yield e;
}

async function run(
  docker: Docker,
  project: string | undefined,
  signal: AbortSignal,
  pollMs: number,
  out: AsyncQueue<StatusEvent>,
): Promise<void> {
  const health = new Map<string, string>();
  let connected: boolean | undefined;
  while (!signal.aborted) {
    let wake: (() => void) | undefined;
    let dirty = true;
    let ended = false;
    let events: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
    try {
      events = (await docker.getEvents({
        filters: { type: ['service', 'node', 'container'] },
        abortSignal: signal,
      } as Docker.GetEventsOptions)) as typeof events;
      const split = ndjsonSplitter();
      events?.on('data', (chunk: Buffer) => {
        for (const ev of split.push(chunk) as { Type?: string; Action?: string; Actor?: { ID?: string } }[]) {
          if (ev.Type === 'container' && ev.Actor?.ID && ev.Action?.startsWith('health_status')) health.delete(ev.Actor.ID);
          dirty = true;
          wake?.();
        }
      });
      for (const name of ['end', 'close', 'error'])
        events?.on(name, () => {
          ended = true;
          wake?.();
        });
      let last = new Map<string, ContainerStatus>();
      let first = true;
      while (!signal.aborted && !ended) {
        if (dirty || first) {
          dirty = false;
          const now = await statuses(docker, project, health, signal);
          if (connected !== true) out.push({ kind: 'engine', connected: true, at: Date.now() });
          connected = true;
          const next = new Map(now.map((s) => [statusKey(s), s]));
          if (first) out.push({ kind: 'snapshot', ...(project ? { project } : {}), containers: now, at: Date.now() });
          else {
            for (const [k, s] of next) {
              const before = last.get(k);
              if (!before || !sameStatus(before, s)) out.push({ kind: 'change', status: s });
            }
            for (const [k, s] of last) if (!next.has(k)) out.push({ kind: 'change', status: { ...s, state: 'removed', at: Date.now() } });
          }
          first = false;
          last = next;
        }
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            dirty = true;
            resolve();
          }, pollMs);
          wake = () => {
            clearTimeout(t);
            // A burst of events (a stack deploy) is read in one go.
            setTimeout(resolve, 100);
          };
        });
        wake = undefined;
      }
      if (signal.aborted) break;
      throw new Error('the engine ended the event stream');
    } catch (e) {
      events?.destroy?.();
      if (signal.aborted) break;
      if (connected !== false) out.push({ kind: 'engine', connected: false, message: engineMessage(e), at: Date.now() });
      connected = false;
      await sleep(1000, signal);
    }
  }
  out.end();
}

async function statuses(
  docker: Docker,
  project: string | undefined,
  health: Map<string, string>,
  signal: AbortSignal,
): Promise<ContainerStatus[]> {
  const label = project === undefined ? ownedAll() : ownedStack(project);
  const services = await docker.listServices({ filters: { label }, abortSignal: signal } as Docker.ServiceListOptions);
  if (services.length === 0) return [];
  const tasks = (await docker.listTasks({ filters: { service: services.map((s) => s.ID) }, abortSignal: signal } as object)) as (Task & {
    ServiceID?: string;
  })[];
  for (const t of tasks) {
    const cid = t.Status?.ContainerStatus?.ContainerID;
    if (!cid || t.Status?.State !== 'running' || health.has(cid)) continue;
    const info = await docker
      .getContainer(cid)
      .inspect()
      .catch(() => undefined);
    health.set(cid, info?.State?.Health?.Status ?? 'none');
  }
  const live = new Set(tasks.map((t) => t.Status?.ContainerStatus?.ContainerID));
  for (const cid of health.keys()) if (!live.has(cid)) health.delete(cid);
  return services.flatMap((s) =>
    taskStatuses(
      serviceView(s),
      tasks.filter((t) => t.ServiceID === s.ID),
      health,
    ),
  );
}
