import type Docker from 'dockerode';
import type { EngineError } from '../types';
import { SWARM_LABEL, stackName } from './labels';

/** What the swarm holds of a stack (and under its names): read by label and by name, never assumed. */
export interface ObservedService {
  id: string;
  name: string;
  version: number;
  owned: boolean;
  hash?: string | undefined;
  replicas?: number | undefined;
  image?: string | undefined;
  spec: Docker.ServiceSpec;
  updateState?: string | undefined;
}

export interface ObservedObject {
  id: string;
  name: string;
  owned: boolean;
  kind: 'network' | 'secret' | 'config';
}

export interface ObservedStack {
  /** Services of the stack, and foreign ones holding a name the stack would use. */
  services: Map<string, ObservedService>;
  objects: ObservedObject[];
}

type Labelled = { Spec?: { Name?: string; Labels?: Record<string, string> } };

export async function observeStack(docker: Docker, project: string, signal?: AbortSignal): Promise<ObservedStack> {
  const ours = (labels: Record<string, string> | undefined) =>
    labels?.[SWARM_LABEL.managed] === 'true' && labels?.[SWARM_LABEL.namespace] === project;
  const prefix = stackName(project, '');
  const [services, networks, secrets, configs] = await Promise.all([
    docker.listServices({ filters: { name: [prefix] }, abortSignal: signal } as Docker.ServiceListOptions),
    docker.listNetworks({ filters: { name: [prefix] }, abortSignal: signal } as object),
    docker.listSecrets({ filters: { name: [prefix] }, abortSignal: signal } as object) as Promise<Labelled[]>,
    docker.listConfigs({ filters: { name: [prefix] }, abortSignal: signal } as object) as Promise<Labelled[]>,
  ]);
  const out: ObservedStack = { services: new Map(), objects: [] };
  for (const s of services) {
    const name = s.Spec?.Name ?? '';
    // The engine's name filter matches prefixes anywhere in the name; keep the stack's own.
    if (!name.startsWith(prefix)) continue;
    const labels = s.Spec?.Labels ?? {};
    out.services.set(name, {
      id: s.ID,
      name,
      version: s.Version?.Index ?? 0,
      owned: ours(labels),
      hash: labels[SWARM_LABEL.specHash],
      replicas: s.Spec?.Mode?.Replicated?.Replicas,
      image: s.Spec?.TaskTemplate && 'ContainerSpec' in s.Spec.TaskTemplate ? s.Spec.TaskTemplate.ContainerSpec?.Image : undefined,
      spec: s.Spec ?? {},
      updateState: s.UpdateStatus?.State,
    });
  }
  for (const n of networks as { Id: string; Name: string; Labels?: Record<string, string> }[])
    if (n.Name.startsWith(prefix)) out.objects.push({ id: n.Id, name: n.Name, owned: ours(n.Labels), kind: 'network' });
  for (const [kind, list] of [
    ['secret', secrets],
    ['config', configs],
  ] as const)
    for (const x of list as (Labelled & { ID: string })[]) {
      const name = x.Spec?.Name ?? '';
      if (name.startsWith(prefix)) out.objects.push({ id: x.ID, name, owned: ours(x.Spec?.Labels), kind });
    }
  return out;
}

/** Ids of external (or not yet listed) secrets/configs/networks by name, for the specs. */
export async function idsByName(docker: Docker, kind: 'secret' | 'config', names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (names.length === 0) return out;
  const list = (await (kind === 'secret'
    ? docker.listSecrets({ filters: { name: [...names] } })
    : docker.listConfigs({ filters: { name: [...names] } }))) as (Labelled & {
    ID: string;
  })[];
  for (const x of list) if (x.Spec?.Name && names.includes(x.Spec.Name)) out.set(x.Spec.Name, x.ID);
  return out;
}

/**
 * A node's volume create answers an existing volume of that name: a foreign one would be mounted,
 * read and written by our tasks. So every volume name of the stack must be free or ours.
 */
export async function foreignVolume(
  docker: Docker,
  project: string,
  volumes: readonly { name: string; elementId: string }[],
): Promise<EngineError | undefined> {
  for (const v of volumes) {
    const labels = await docker
      .getVolume(v.name)
      .inspect()
      .then(
        (i) => i.Labels ?? {},
        (e: { statusCode?: number }) => {
          if (e.statusCode === 404) return undefined;
          throw e;
        },
      );
    if (!labels || (labels[SWARM_LABEL.managed] === 'true' && labels[SWARM_LABEL.namespace] === project)) continue;
    return {
      code: 'NOT_OWNED',
      message: `A volume named "${v.name}" exists and was not created by this stack; it is not mounted. Nothing was changed.`,
      hint: 'Remove or rename that volume, mark the blueprint volume external to use it on purpose, or deploy under another project name.',
      elementId: v.elementId,
    };
  }
  return undefined;
}
