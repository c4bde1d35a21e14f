import type { Volume } from '@blaupause/model';
import type { PlannedContainer, PlannedService } from '../../plan/plan';
import { tag } from '../../yaml';
import { jobRestartPolicy, type KubeContext, type LabelSet, type Labels, meta, networkLabel, type Obj, someContainer } from './context';
import { LINKS_ANNOTATION, untracedLinks } from './links';
import { fitName } from './names';
import { podTemplate } from './pod';
import { rolloutFields, type WorkloadKind } from './rollout';
import { isPerReplica } from './volumes';

export const TRACK = 'track';

/**
 * DaemonSet for global services; Job for run-to-completion services (main restart no /
 * on-failure); StatefulSet when the pod mounts a per-replica volume; else Deployment.
 */
export function workloadKind(k: KubeContext, ps: PlannedService): WorkloadKind {
  if (ps.service.mode === 'global') return 'DaemonSet';
  if (jobRestartPolicy(ps)) return 'Job';
  const perReplica =
    k.anyPerReplica &&
    someContainer(
      ps,
      (pc) =>
        pc.container.mounts?.some((m) => {
          const v = m.type === 'volume' ? k.blueprint.volumes?.[m.source] : undefined;
          return v !== undefined && isPerReplica(v);
        }) ?? false,
    );
  return perReplica ? 'StatefulSet' : 'Deployment';
}

export interface WorkloadOptions {
  kind: WorkloadKind;
  /** See workloadName(). */
  name: string;
  /** An HPA owns the replica count: the workload leaves it unset so re-applying does not reset it. */
  autoscaled: boolean;
  /** The headless Service that governs a StatefulSet. */
  serviceName?: string | undefined;
  labels: LabelSet;
}

/** Whether some volume of the blueprint passes `test` (the walks over every container's mounts are skipped when none does). */
export function anyVolume(k: KubeContext, test: (v: Volume) => boolean): boolean {
  const volumes = k.blueprint.volumes;
  for (const name in volumes) if (test(volumes[name] as Volume)) return true;
  return false;
}

/** The workload(s) of a service: one, or a stable and a canary Deployment. */
export function workloads(k: KubeContext, ps: PlannedService, main: PlannedContainer, o: WorkloadOptions): Obj[] {
  const canary = ps.service.rollout?.strategy === 'canary';
  if (canary && o.kind !== 'Deployment')
    k.note(
      'lost',
      ['services', ps.name, 'rollout', 'strategy'],
      ps.elementId,
      `A ${o.kind} cannot run a canary beside it: ${ps.name} is rolled out as a whole.`,
    );
  if (o.kind === 'Job') return [job(k, ps, main, o)];
  if (!canary || o.kind !== 'Deployment') return [workload(k, ps, main, o, o.name, replicasOf(ps, o))];
  const canaryReplicas = ps.service.rollout?.canary?.replicas ?? 1;
  const stable = Math.max(0, ps.service.replicas - canaryReplicas);
  const image = ps.service.rollout?.canary?.image;
  return [
    workload(k, ps, main, o, o.name, o.autoscaled ? undefined : stable, 'stable'),
    workload(k, ps, main, { ...o, autoscaled: false }, k.names.Deployment.takeSuffixed(ps.name, 'canary'), canaryReplicas, 'canary', image),
  ];
}

/** StatefulSet pods carry the label controller-revision-hash: `<name>-<10-character hash>`, at most 63. */
const STATEFULSET_NAME_MAX = 52;

/** The workload's name: the service's, shortened for a StatefulSet when its pods could not be labelled. */
export function workloadName(k: KubeContext, ps: PlannedService, kind: WorkloadKind): string {
  if (kind !== 'StatefulSet' || ps.name.length <= STATEFULSET_NAME_MAX) return ps.name;
  const name = fitName(ps.name, STATEFULSET_NAME_MAX);
  k.note(
    'approximated',
    ['services', ps.name],
    ps.elementId,
    `StatefulSet names have at most ${STATEFULSET_NAME_MAX} characters (their pods' revision label adds 11): the StatefulSet is called ${name}; its Service keeps the name ${ps.name}.`,
  );
  return name;
}

const replicasOf = (ps: PlannedService, o: WorkloadOptions): number | undefined =>
  o.kind === 'DaemonSet' || o.autoscaled ? undefined : ps.service.replicas;

function workload(
  k: KubeContext,
  ps: PlannedService,
  main: PlannedContainer,
  o: WorkloadOptions,
  name: string,
  replicas: number | undefined,
  track?: 'stable' | 'canary',
  image?: string,
): Obj {
  const ls = o.labels;
  const trackLabel: Labels | undefined = track ? { [TRACK]: track } : undefined;
  const podLabels = k.segmented || track ? { ...ls.labels, ...networkLabels(k, ps), ...trackLabel } : ls.out.labels;
  const pod = podTemplate(k, ps, main, { kind: o.kind, labels: podLabels, mainImage: image });
  const spec: Obj = {
    replicas,
    serviceName: o.kind === 'StatefulSet' ? o.serviceName : undefined,
    // The track is part of each Deployment's selector, so stable and canary never claim each other's pods.
    selector: { matchLabels: track ? { ...ls.selector, ...trackLabel } : ls.out.selector },
    ...rolloutFields(k, ps, o.kind),
    template: pod.template,
    volumeClaimTemplates: pod.claimTemplates.length ? pod.claimTemplates : undefined,
  };
  const metadata = withLinks(meta(k, name, track ? { ...ls.labels, ...trackLabel } : ls.out.labels), ps, track !== 'canary');
  return tag({ apiVersion: 'apps/v1', kind: o.kind, metadata, spec }, ps.elementId);
}

/**
 * A run-to-completion service: batch/v1 Job. Replicas become completions and parallelism (each
 * replica runs once, all at the same time, as Compose starts them); restart "no" allows no retry
 * (backoffLimit 0), "on-failure" keeps the Job's default of 6. The Job writes its own selector.
 */
function job(k: KubeContext, ps: PlannedService, main: PlannedContainer, o: WorkloadOptions): Obj {
  const policy = jobRestartPolicy(ps);
  if (policy === 'OnFailure')
    k.note(
      'approximated',
      ['services', ps.name, 'containers', main.name, 'restart'],
      main.elementId,
      `${ps.name} runs as a Job: Kubernetes retries a failing ${main.name} 6 times (backoffLimit), then marks the Job failed; Docker retries without limit.`,
    );
  rolloutFields(k, ps, 'Job'); // a note when the blueprint asks for a rollout
  const podLabels = k.segmented ? { ...o.labels.labels, ...networkLabels(k, ps) } : o.labels.out.labels;
  const pod = podTemplate(k, ps, main, { kind: 'Job', labels: podLabels });
  const replicas = ps.service.replicas;
  const spec: Obj = {
    completions: replicas === 1 ? undefined : replicas,
    parallelism: replicas === 1 ? undefined : replicas,
    backoffLimit: policy === 'Never' ? 0 : undefined,
    template: pod.template,
  };
  return tag(
    { apiVersion: 'batch/v1', kind: 'Job', metadata: withLinks(meta(k, o.name, o.labels.out.labels), ps, true), spec },
    ps.elementId,
  );
}

/** The primary workload carries the links that left no other trace (links.ts, untracedLinks). */
function withLinks(metadata: Obj, ps: PlannedService, primary: boolean): Obj {
  const links = primary ? untracedLinks(ps) : undefined;
  return links ? { ...metadata, annotations: { [LINKS_ANNOTATION]: links } } : metadata;
}

function networkLabels(k: KubeContext, ps: PlannedService): Labels {
  const out: Labels = {};
  if (k.segmented) for (const n of ps.networks) out[networkLabel(n)] = 'true';
  return out;
}

/** autoscaling/v2 HorizontalPodAutoscaler on CPU utilisation, for a replicated service with scaling. */
export function autoscaler(
  k: KubeContext,
  ps: PlannedService,
  target: { kind: WorkloadKind; name: string },
  labels: LabelSet,
): Obj | undefined {
  const { kind } = target;
  const scaling = ps.service.scaling;
  if (!scaling) return undefined;
  const at = ['services', ps.name, 'scaling'];
  if (kind === 'DaemonSet') {
    k.note('lost', at, ps.elementId, 'A global service runs one pod per node: it is not autoscaled.');
    return undefined;
  }
  if (kind === 'Job') {
    k.note('lost', at, ps.elementId, `${ps.name} runs to completion as a Job: a HorizontalPodAutoscaler cannot scale it.`);
    return undefined;
  }
  if (scaling.min < 1)
    k.note('approximated', [...at, 'min'], ps.elementId, 'A HorizontalPodAutoscaler keeps at least one replica: min 0 becomes 1.');
  if (ps.service.rollout?.strategy === 'canary')
    k.note('approximated', at, ps.elementId, 'The autoscaler scales the stable Deployment; the canary keeps its replica count.');
  cpuRequestNote(k, ps, at);
  const spec = {
    scaleTargetRef: { apiVersion: 'apps/v1', kind, name: target.name },
    minReplicas: Math.max(1, scaling.min),
    maxReplicas: scaling.max,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: scaling.targetCPU } } }],
  };
  const metadata = meta(k, ps.name, labels.out.labels);
  return tag({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec }, ps.elementId);
}

/** CPU utilisation is measured against requests: a container without one leaves the autoscaler blind. */
function cpuRequestNote(k: KubeContext, ps: PlannedService, at: (string | number)[]): void {
  const running = [...(ps.main ? [ps.main] : []), ...ps.helpers];
  const missing = running.filter(
    (pc) => pc.container.resources?.requests?.cpus === undefined && pc.container.resources?.limits?.cpus === undefined,
  );
  if (missing.length)
    k.note(
      'approximated',
      at,
      ps.elementId,
      `CPU utilisation needs a CPU request on every container; ${missing.map((m) => m.name).join(', ')} ${missing.length > 1 ? 'have' : 'has'} none, so the autoscaler cannot act.`,
      'Set resources.requests.cpus (or limits.cpus) on each container.',
    );
}
