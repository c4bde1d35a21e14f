import type { ContainerState, ContainerStatus } from '../types';
import { PROJECT_LABEL } from './labels';

/** The parts of a Pod the status mapping reads (core/v1 Pod as JSON). */
export interface PodLike {
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; deletionTimestamp?: string; creationTimestamp?: string };
  spec?: {
    containers?: {
      name: string;
      image?: string;
      readinessProbe?: unknown;
      ports?: { containerPort: number; hostPort?: number; protocol?: string }[];
    }[];
    initContainers?: { name: string; image?: string; restartPolicy?: string; readinessProbe?: unknown }[];
  };
  status?: {
    phase?: string;
    containerStatuses?: ContainerStatusLike[];
    initContainerStatuses?: ContainerStatusLike[];
  };
}

interface ContainerStatusLike {
  name: string;
  image?: string;
  imageID?: string;
  containerID?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: string };
    terminated?: { exitCode?: number; reason?: string; message?: string; finishedAt?: string };
  };
}

/** The blueprint service a pod belongs to: the compiler names it in app.kubernetes.io/name. */
export function serviceOfPod(pod: PodLike): string | undefined {
  return pod.metadata.labels?.['app.kubernetes.io/name'];
}

/**
 * One ContainerStatus per container of a pod (main containers, sidecars and init containers), in
 * the same states the Docker target reports (DESIGN §5), so the canvas shows every target alike.
 * `replica` is the pod's position among its service's pods (1-based), given by the caller.
 */
export function podStatuses(pod: PodLike, replica: number, at: number): ContainerStatus[] {
  const service = serviceOfPod(pod);
  const project = pod.metadata.labels?.[PROJECT_LABEL];
  if (!service || !project) return [];
  const gone = pod.metadata.deletionTimestamp !== undefined;
  const out: ContainerStatus[] = [];
  const add = (name: string, image: string | undefined, probe: boolean, s: ContainerStatusLike | undefined, init: boolean) => {
    const { state, message, exitCode } = containerState(s, probe, init, pod.status?.phase);
    out.push({
      project,
      service,
      container: name,
      replica,
      elementId: `container:${service}/${name}`,
      ...(s?.containerID ? { id: s.containerID.replace(/^[a-z]+:\/\//, '') } : {}),
      state: gone ? 'removed' : state,
      ...(exitCode !== undefined ? { exitCode } : {}),
      restarts: s?.restartCount ?? 0,
      image: s?.image ?? image ?? '',
      ports: [],
      at,
      ...(message ? { message: `${pod.metadata.name}: ${message}` } : {}),
    });
  };
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const inits = new Map((pod.status?.initContainerStatuses ?? []).map((s) => [s.name, s]));
  for (const c of pod.spec?.initContainers ?? [])
    add(c.name, c.image, c.readinessProbe !== undefined, inits.get(c.name), c.restartPolicy !== 'Always');
  for (const c of pod.spec?.containers ?? []) add(c.name, c.image, c.readinessProbe !== undefined, statuses.get(c.name), false);
  return out;
}

function containerState(
  s: ContainerStatusLike | undefined,
  probe: boolean,
  runToCompletion: boolean,
  phase: string | undefined,
): { state: ContainerState; message?: string; exitCode?: number } {
  if (!s?.state) return { state: phase === 'Pending' ? 'pending' : 'creating' };
  const { waiting, running, terminated } = s.state;
  if (waiting) {
    const reason = waiting.reason ?? 'Waiting';
    if (reason === 'CrashLoopBackOff') return { state: 'crash-looping', message: waiting.message ?? reason };
    if (reason === 'ContainerCreating' || reason === 'PodInitializing') return { state: 'creating' };
    return { state: 'pending', message: waiting.message ? `${reason}: ${waiting.message}` : reason };
  }
  if (running) {
    if (!probe) return { state: 'running' };
    return { state: s.ready ? 'healthy' : s.started === false ? 'starting' : 'unhealthy' };
  }
  if (terminated) {
    const exitCode = terminated.exitCode ?? 0;
    const reason = terminated.reason ?? (exitCode === 0 ? 'Completed' : 'Error');
    // An init container that finished with 0 did its job; it is reported as exited 0, not as a failure.
    return { state: 'exited', exitCode, ...(runToCompletion && exitCode === 0 ? {} : { message: terminated.message ?? reason }) };
  }
  return { state: 'pending' };
}

/**
 * Replica numbers for a service's pods: StatefulSet pods by their ordinal (+1), others by creation
 * time then name, so a list answer and a watch event number the same pod the same way.
 */
export function replicaNumbers(pods: readonly PodLike[]): Map<string, number> {
  const bySvc = new Map<string, PodLike[]>();
  for (const p of pods) {
    const svc = serviceOfPod(p) ?? '';
    bySvc.set(svc, [...(bySvc.get(svc) ?? []), p]);
  }
  const out = new Map<string, number>();
  for (const list of bySvc.values()) {
    const sorted = [...list].sort(
      (a, b) =>
        (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
    let next = 1;
    for (const p of sorted) {
      const ordinal = /-(\d+)$/.exec(p.metadata.name);
      const isStateful = p.metadata.labels?.['statefulset.kubernetes.io/pod-name'] === p.metadata.name;
      out.set(p.metadata.name, isStateful && ordinal ? Number(ordinal[1]) + 1 : next++);
    }
  }
  return out;
}
