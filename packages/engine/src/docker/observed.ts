import type Docker from 'dockerode';
import { LABEL, ownedBy, slotKey } from './labels';

/**
 * What the engine holds for a project, read by label (the engine is the state store). Only
 * resources carrying our ownership label are ever changed; others with the project label are
 * reported as `foreign` so a name clash is explained instead of silently taken over.
 */
export interface ObservedContainer {
  id: string;
  name: string;
  slot: string;
  composeService: string;
  replica: number;
  hash: string;
  /** created, running, exited, restarting, paused, dead … */
  state: string;
  /** NetworkMode as created: "container:<id>" for pod helpers. */
  networkMode: string;
  /** Set once the container has exited. */
  exitCode?: number;
  labels: Record<string, string>;
}

export interface Observed {
  containers: ObservedContainer[];
  /** Project-labelled containers without our ownership label, by name. */
  foreign: string[];
  networks: { name: string; id: string; key: string }[];
  volumes: { name: string; key: string }[];
}

export async function observe(docker: Docker, project: string): Promise<Observed> {
  const [list, nets, vols] = await Promise.all([
    docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${project}`] } }),
    docker.listNetworks({ filters: { label: ownedBy(project) } }),
    docker.listVolumes({ filters: { label: ownedBy(project) } }),
  ]);
  const containers: ObservedContainer[] = [];
  const foreign: string[] = [];
  for (const c of list) {
    const labels = c.Labels ?? {};
    const name = (c.Names?.[0] ?? '').replace(/^\//, '');
    if (labels[LABEL.managed] !== 'true') {
      foreign.push(name);
      continue;
    }
    const composeSvc = labels[LABEL.service] ?? '';
    const replica = Number(labels[LABEL.number] ?? '0');
    containers.push({
      id: c.Id,
      name,
      slot: slotKey(composeSvc, replica),
      composeService: composeSvc,
      replica,
      hash: labels[LABEL.configHash] ?? '',
      state: c.State,
      networkMode: c.HostConfig?.NetworkMode ?? '',
      ...(exitCodeOf(c.Status) !== undefined ? { exitCode: exitCodeOf(c.Status) } : {}),
      labels,
    });
  }
  return {
    containers,
    foreign,
    networks: nets.map((n) => ({ name: n.Name, id: n.Id, key: n.Labels?.[LABEL.network] ?? '' })),
    volumes: (vols.Volumes ?? []).map((v) => ({ name: v.Name, key: v.Labels?.[LABEL.volume] ?? '' })),
  };
}

/** Exit code from a container list Status such as "Exited (0) 3 minutes ago". */
export function exitCodeOf(status: string | undefined): number | undefined {
  const m = /^Exited \((-?\d+)\)/.exec(status ?? '');
  return m ? Number(m[1]) : undefined;
}
