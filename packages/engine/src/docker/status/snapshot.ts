import type Dockerode from 'dockerode';
import { labelFilter } from './identity';
import { type InspectInfo, inspect, trackedOf } from './inspect';
import type { Tracked } from './state';

/** Inspects at a time: enough to hide latency, few enough not to queue up behind a busy engine. */
const CONCURRENCY = 8;

/**
 * The full re-list a watch starts (and restarts) with: every container carrying our labels,
 * inspected for health, restart count and published ports. A container removed between list and
 * inspect is simply not in it; the buffered `destroy` event says the rest.
 */
export async function takeSnapshot(
  docker: Dockerode,
  project: string | undefined,
  now = 0,
  signal?: AbortSignal,
): Promise<Map<string, Tracked>> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: labelFilter(project) },
    abortSignal: signal,
  } as Dockerode.ContainerListOptions);
  const infos: (InspectInfo | undefined)[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      infos[i] = await inspect(docker, list[i]!.Id, signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, list.length) }, worker));
  const out = new Map<string, Tracked>();
  for (const info of infos) if (info) out.set(info.Id, trackedOf(info, now));
  return out;
}

/** Stable order for people and tests: service, container, replica. */
export function byElement(a: { elementId: string; replica: number }, b: { elementId: string; replica: number }): number {
  return a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : a.replica - b.replica;
}
