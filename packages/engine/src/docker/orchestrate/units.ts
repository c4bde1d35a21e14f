import type Docker from 'dockerode';
import type { ContainerInspectInfo } from 'dockerode';
import { containerName, LABEL } from '../labels';

/**
 * What runs of one service, per replica number, read from the engine by our labels (the engine is
 * the state store). A unit is one replica of the pod: its main container and its helpers. During
 * a rolling update or a pending canary a unit also holds the old version, stopped and set aside
 * under `<name>_prev` (retained) until the operation commits or is rolled back.
 */
export interface Member {
  id: string;
  name: string;
  replica: number;
  role: string;
  composeService: string;
  hash: string;
  running: boolean;
  info: ContainerInspectInfo;
}

export interface Unit {
  replica: number;
  main?: Member;
  helpers: Member[];
  /** The previous version, stopped and renamed aside (rolling update in flight, or a canary). */
  retained: Member[];
  /** Anything else in the slot (an interrupted operation's temporary names). */
  extra: Member[];
}

/** `<name>_prev`: "_" never appears in our names otherwise, so this cannot clash with another service's container. */
export const retainedName = (canonical: string): string => `${canonical}_prev`;

export async function readService(docker: Docker, project: string, service: string): Promise<Unit[]> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${LABEL.project}=${project}`, `${LABEL.managed}=true`, `${LABEL.blueprintService}=${service}`] },
  });
  const infos = await Promise.all(
    list.map((c) =>
      docker
        .getContainer(c.Id)
        .inspect()
        .catch(() => undefined),
    ),
  );
  const units = new Map<number, Unit>();
  for (const info of infos) {
    if (!info) continue;
    const labels = info.Config.Labels ?? {};
    const role = labels[LABEL.role] ?? 'main';
    if (role === 'init') continue;
    const replica = Number(labels[LABEL.number] ?? '0');
    const composeService = labels[LABEL.service] ?? service;
    const m: Member = {
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      replica,
      role,
      composeService,
      hash: labels[LABEL.configHash] ?? '',
      running: info.State.Running === true || info.State.Restarting === true,
      info,
    };
    const u = units.get(replica) ?? { replica, helpers: [], retained: [], extra: [] };
    units.set(replica, u);
    const canonical = containerName(project, composeService, replica);
    if (m.name === canonical) {
      if (role === 'main') u.main = m;
      else u.helpers.push(m);
    } else if (m.name === retainedName(canonical)) u.retained.push(m);
    else u.extra.push(m);
  }
  return [...units.values()].sort((a, b) => a.replica - b.replica);
}

/** Replicas with a canary (or an interrupted rolling update): the new version runs, the old one is set aside. */
export const pendingUnits = (units: readonly Unit[]): Unit[] => units.filter((u) => u.retained.length > 0 && u.main);
