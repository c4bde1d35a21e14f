import type Docker from 'dockerode';
import type { ContainerState, ContainerStatus } from '../types';
import type { Task } from './converge';
import { SWARM_LABEL } from './labels';

/**
 * Tasks → the canvas' container statuses (pure). One status per slot (`replica` = the task's
 * slot; global services number their nodes): the newest task that should run, else the newest
 * task there is. During a start-first update that is the new task as soon as it exists.
 */
export interface ServiceView {
  id: string;
  labels: Record<string, string>;
  ports: string[];
}

const STATE: Record<string, ContainerState> = {
  new: 'pending',
  pending: 'pending',
  assigned: 'pending',
  accepted: 'pending',
  ready: 'creating',
  preparing: 'creating',
  starting: 'starting',
  running: 'running',
  complete: 'exited',
  failed: 'exited',
  rejected: 'exited',
  shutdown: 'removed',
  remove: 'removed',
  orphaned: 'removed',
};

export const statusKey = (s: ContainerStatus): string => `${s.project}/${s.service}/${s.container}/${s.replica}`;

/** Failed runs in a slot before the slot counts as crash-looping. */
const LOOP = 3;

export function taskStatuses(service: ServiceView, tasks: readonly Task[], health: ReadonlyMap<string, string>): ContainerStatus[] {
  const l = service.labels;
  const nodes = [...new Set(tasks.map((t) => t.NodeID ?? ''))].sort();
  const slotOf = (t: Task) => (t.Slot && t.Slot > 0 ? t.Slot : nodes.indexOf(t.NodeID ?? '') + 1);
  const bySlot = new Map<number, Task[]>();
  for (const t of tasks) bySlot.set(slotOf(t), [...(bySlot.get(slotOf(t)) ?? []), t]);
  const out: ContainerStatus[] = [];
  for (const [slot, list] of bySlot) {
    const newest = [...list].sort((a, b) => Date.parse(b.CreatedAt ?? '') - Date.parse(a.CreatedAt ?? ''));
    const current = newest.find((t) => t.DesiredState === 'running' || t.DesiredState === 'ready') ?? (newest[0] as Task);
    const failures = list.filter((t) => t !== current && (t.Status?.State === 'failed' || t.Status?.State === 'rejected')).length;
    const cid = current.Status?.ContainerStatus?.ContainerID;
    let state = STATE[current.Status?.State ?? ''] ?? 'pending';
    const h = cid ? health.get(cid) : undefined;
    if (state === 'running' && (h === 'healthy' || h === 'unhealthy')) state = h;
    // Swarm replaces a failed task with a new one: a slot that keeps failing is a crash loop.
    if (failures >= LOOP && current.DesiredState === 'running' && state !== 'healthy' && state !== 'running') state = 'crash-looping';
    const exitCode = current.Status?.ContainerStatus?.ExitCode;
    const message = current.Status?.Err || (state === 'pending' ? current.Status?.Message : undefined);
    out.push({
      project: l[SWARM_LABEL.namespace] ?? '',
      service: l[SWARM_LABEL.blueprintService] ?? '',
      container: l[SWARM_LABEL.container] ?? 'main',
      replica: slot,
      elementId: l[SWARM_LABEL.element] ?? '',
      ...(cid ? { id: cid } : {}),
      state,
      ...(state === 'exited' && exitCode !== undefined ? { exitCode } : {}),
      restarts: failures,
      image: (current.Spec?.ContainerSpec?.Image ?? '').split('@')[0] ?? '',
      ports: service.ports,
      at: Date.parse(current.Status?.Timestamp ?? current.UpdatedAt ?? '') || Date.now(),
      ...(message ? { message } : {}),
    });
  }
  return out.sort((a, b) => statusKey(a).localeCompare(statusKey(b)));
}

export function serviceView(s: Docker.Service): ServiceView {
  const ports = (s.Spec?.EndpointSpec?.Ports ?? []).map((p) => `0.0.0.0:${p.PublishedPort}->${p.TargetPort}/${p.Protocol ?? 'tcp'}`);
  return { id: s.ID, labels: s.Spec?.Labels ?? {}, ports };
}

/** Whether two statuses of one slot say the same (the time alone is no change). */
export function sameStatus(a: ContainerStatus, b: ContainerStatus): boolean {
  return (
    a.state === b.state &&
    a.id === b.id &&
    a.exitCode === b.exitCode &&
    a.restarts === b.restarts &&
    a.image === b.image &&
    a.message === b.message &&
    a.ports.join() === b.ports.join()
  );
}
