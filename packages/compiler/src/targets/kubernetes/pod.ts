import type { PlannedContainer, PlannedService } from '../../plan/plan';
import type { Filled } from '../../yaml';
import { container } from './container';
import { jobRestartPolicy, type KubeContext, type Labels, type Obj } from './context';
import { linkEnv, linkWaits } from './links';
import { NameAllocator } from './names';
import { placement } from './placement';
import type { WorkloadKind } from './rollout';
import { PodVolumes } from './volumes';

export interface PodOptions {
  /** The workload the pod belongs to: a StatefulSet's per-replica volumes become volumeClaimTemplates. */
  kind: WorkloadKind;
  /** Labels of the pod template (selector labels plus networks, track, user labels). */
  labels: Labels | Filled;
  /** Replaces the main container's image (the canary). */
  mainImage?: string | undefined;
}

export interface PodTemplate {
  template: Obj;
  claimTemplates: Obj[];
}

/**
 * Roles that start before the main container as native sidecars (restartable init containers,
 * Kubernetes ≥ 1.29): a sidecar extends the main container and an ambassador carries its
 * outbound connections, so both must run when it starts. An adapter only reads what the main
 * container produces; it stays a regular container and does not delay the main one.
 */
const NATIVE_ROLES = new Set(['sidecar', 'ambassador']);

/**
 * The pod template. Init containers run in this order: link waits (dependencies first, as
 * Compose starts them first), the blueprint's init containers (they complete before any
 * long-running container starts, as on Compose and Swarm), then native sidecars, which keep
 * running, then the main container and the remaining helpers together. In a Job's pod every
 * helper is a native sidecar where the version allows: the Job completes when main exits, and
 * Kubernetes then stops them.
 */
export function podTemplate(k: KubeContext, ps: PlannedService, main: PlannedContainer, o: PodOptions): PodTemplate {
  const svc = ps.service;
  const names = new NameAllocator();
  names.reserve(main.name);
  for (const pc of ps.helpers) names.reserve(pc.name);
  for (const pc of ps.inits) names.reserve(pc.name);
  const vols = new PodVolumes(k, o.kind);
  const job = o.kind === 'Job' ? jobRestartPolicy(ps) : undefined;
  const podRestart = job ? main.container.restart : undefined;
  // Built main first so that pod volumes are listed in the order a reader meets them.
  // Options are read as "set or not": an undefined field is an absent one.
  const mainContainer = container(k, ps, main, vols, {
    name: main.name,
    podRestart,
    image: o.mainImage,
    ports: svc.ports,
    env: linkEnv(k, ps),
  });
  const native: Obj[] = [];
  const regular: Obj[] = [mainContainer];
  for (const pc of ps.helpers) {
    const wantsNative = NATIVE_ROLES.has(pc.container.role) || job !== undefined;
    const isNative = wantsNative && k.nativeSidecars;
    if (NATIVE_ROLES.has(pc.container.role) && !k.nativeSidecars) orderNote(k, ps, pc);
    if (job && !k.nativeSidecars) jobHelperNote(k, ps, pc);
    const c = container(k, ps, pc, vols, { name: pc.name, restartPolicy: isNative ? 'Always' : undefined, podRestart });
    (isNative ? native : regular).push(c);
  }
  const inits = ps.inits.map((pc) => container(k, ps, pc, vols, { name: pc.name, runsToCompletion: true }));
  const initContainers = linkWaits(k, ps, names);
  for (const c of inits) initContainers.push(c);
  for (const c of native) initContainers.push(c);
  const place = placement(k, ps);
  const spec: Obj = {
    initContainers: initContainers.length ? initContainers : undefined,
    containers: regular,
    volumes: vols.volumes.length ? vols.volumes : undefined,
    nodeSelector: place.nodeSelector,
    affinity: place.affinity,
    hostNetwork: svc.hostNetwork || undefined,
    // Host networking would otherwise resolve names with the node's DNS, and links would break.
    dnsPolicy: svc.hostNetwork ? 'ClusterFirstWithHostNet' : undefined,
    hostPID: svc.hostPid || undefined,
    hostIPC: svc.hostIpc || undefined,
    restartPolicy: job,
    // Compose injects no {SERVICE}_PORT variables and mounts no API token: neither do we.
    enableServiceLinks: false,
    automountServiceAccountToken: false,
  };
  return { template: { metadata: { labels: o.labels }, spec }, claimTemplates: vols.claimTemplates };
}

function jobHelperNote(k: KubeContext, ps: PlannedService, pc: PlannedContainer): void {
  k.note(
    'approximated',
    ['services', ps.name, 'containers', pc.name],
    pc.elementId,
    `Kubernetes ${k.ctx.options.kubernetesVersion} has no native sidecars: ${pc.name} keeps running after ${ps.main?.name ?? 'the main container'} exits, so the Job does not complete until it stops.`,
    'Native sidecars need Kubernetes 1.29 or later.',
  );
}

function orderNote(k: KubeContext, ps: PlannedService, pc: PlannedContainer): void {
  k.note(
    'approximated',
    ['services', ps.name, 'containers', pc.name, 'role'],
    pc.elementId,
    `Kubernetes ${k.ctx.options.kubernetesVersion} has no native sidecars: ${pc.container.role} ${pc.name} starts alongside ${ps.main?.name ?? 'the main container'}, not before it.`,
    'Native sidecars need Kubernetes 1.29 or later.',
  );
}
