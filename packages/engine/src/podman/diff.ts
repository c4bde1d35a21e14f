import type { DeployPlan, EngineError, PlanAction, ResourceAction } from '../types';
import { PLABEL } from './labels';
import type { KubeManifest, PlannedPod } from './manifest';
import type { ObservedPod } from './observe';

/** What exists besides our pods, read by the driver before diffing. */
export interface ObservedResources {
  /** undefined: missing; else its labels. */
  network: Record<string, string> | undefined;
  volumes: Map<string, Record<string, string> | undefined>;
  images: Map<string, boolean>;
  /** Desired pod names taken by a pod that is not this project's. */
  foreignPods: Set<string>;
}

export type PodStep = { pod: PlannedPod; kind: 'create' | 'recreate' | 'start' | 'unchanged'; old?: ObservedPod };

export interface PodmanDiff {
  plan: DeployPlan;
  steps: PodStep[];
  removals: ObservedPod[];
  createNetwork: boolean;
  createVolumes: string[];
}

/** Desired pods against observed ones (pure): per pod create / recreate / start / unchanged; others removed. */
export function diffPods(
  project: string,
  m: KubeManifest,
  observed: readonly ObservedPod[],
  r: ObservedResources,
): { ok: true; value: PodmanDiff } | { ok: false; error: EngineError } {
  const byName = new Map(observed.map((o) => [o.name, o]));
  const owned = (labels: Record<string, string> | undefined) => labels?.[PLABEL.managed] === 'true' && labels[PLABEL.project] === project;
  if (r.network && !owned(r.network)) return { ok: false, error: notOwned(`network "${m.network}"`, undefined) };
  for (const v of m.volumes) {
    const labels = r.volumes.get(v.name);
    if (labels && !owned(labels)) return { ok: false, error: notOwned(`volume "${v.name}"`, `volume:${v.claim}`) };
  }
  const actions: PlanAction[] = [];
  const steps: PodStep[] = [];
  for (const pod of m.pods) {
    if (r.foreignPods.has(pod.pod)) return { ok: false, error: notOwned(`pod "${pod.pod}"`, `service:${pod.service}`) };
    const old = byName.get(pod.pod);
    let kind: PodStep['kind'];
    let reason: string | undefined;
    if (!old) kind = 'create';
    else if (old.labels[PLABEL.hash] !== pod.hash) {
      kind = 'recreate';
      reason = 'pod spec changed';
    } else if (old.status === 'Running' || old.status === 'Degraded') kind = 'unchanged';
    else {
      kind = 'start';
      reason = `pod is ${old.status.toLowerCase()}`;
    }
    steps.push({ pod, kind, old });
    for (const c of pod.containers)
      actions.push({ kind, service: pod.service, container: c.name, replica: 1, elementId: c.elementId, ...(reason ? { reason } : {}) });
    if (old && kind === 'recreate')
      for (const c of old.containers)
        if (!pod.containers.some((d) => d.name === c.name)) actions.push(removeAction(old, c.name, 'container no longer in the pod'));
  }
  const desired = new Set(m.pods.map((p) => p.pod));
  const removals = observed.filter((o) => !desired.has(o.name));
  for (const o of removals) for (const c of o.containers) actions.push(removeAction(o, c.name, 'service no longer in the blueprint'));

  const resources: ResourceAction[] = [
    { kind: r.network ? 'keep' : 'create', resource: 'network', name: m.network },
    ...m.volumes.map(
      (v): ResourceAction => ({
        kind: r.volumes.get(v.name) ? 'keep' : 'create',
        resource: 'volume',
        name: v.name,
        elementId: `volume:${v.claim}`,
      }),
    ),
    ...[...r.images].map(
      ([name, present]): ResourceAction =>
        present
          ? { kind: 'keep', resource: 'image', name }
          : { kind: 'create', resource: 'image', name, reason: 'Podman pulls it when the pod is played' },
    ),
  ];
  const noop = actions.every((a) => a.kind === 'unchanged') && resources.every((x) => x.kind === 'keep');
  return {
    ok: true,
    value: {
      plan: { project, actions, resources, noop, notes: m.notes },
      steps,
      removals,
      createNetwork: !r.network,
      createVolumes: m.volumes.filter((v) => !r.volumes.get(v.name)).map((v) => v.name),
    },
  };
}

function removeAction(o: ObservedPod, container: string, reason: string): PlanAction {
  const service = o.labels[PLABEL.service] ?? o.name;
  return { kind: 'remove', service, container, replica: 1, elementId: `container:${service}/${container}`, reason };
}

function notOwned(what: string, elementId: string | undefined): EngineError {
  return {
    code: 'NOT_OWNED',
    message: `Podman already has a ${what} that this deployment did not create; nothing was changed.`,
    hint: 'Choose another project name, or remove that resource yourself if it is no longer needed.',
    ...(elementId ? { elementId } : {}),
  };
}
