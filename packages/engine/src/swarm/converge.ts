import type Docker from 'dockerode';
import { logTail } from '../docker/logs-tail';
import type { EngineError } from '../types';
import type { DesiredSwarmService } from './spec';

/**
 * Waits until a service the apply created, updated or scaled has converged, reading the swarm:
 * the service's UpdateStatus (an update ends `completed`, or `rollback_completed` / `paused` /
 * `rollback_paused` with Swarm's own message, which the error carries), and its tasks: as many
 * running (and healthy, when the container has a healthcheck) as replicas asked for. A new
 * service whose tasks keep failing is a crash loop; a one-shot (restart none) that failed, an exit.
 */
export interface ConvergeOptions {
  docker: Docker;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  pollMs: number;
  /** Failed tasks of a new service before it counts as a crash loop. */
  maxFailures: number;
  /** How long a service without a healthcheck must stay ready before it counts as converged. */
  settleMs: number;
}

export interface Task {
  ID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: { ContainerSpec?: { Image?: string } };
  Status?: {
    State?: string;
    Message?: string;
    Err?: string;
    Timestamp?: string;
    ContainerStatus?: { ContainerID?: string; ExitCode?: number };
  };
}

const FAILED = new Set(['failed', 'rejected']);

export async function converge(
  o: ConvergeOptions,
  s: DesiredSwarmService,
  id: string,
  kind: 'create' | 'update' | 'scale',
  previousUpdate: string | undefined,
): Promise<EngineError | undefined> {
  const started = Date.now();
  const health = Boolean((s.spec.TaskTemplate as Docker.ContainerTaskSpec).ContainerSpec?.HealthCheck);
  const oneShot = s.role === 'init';
  let lastWhy = 'no task has started yet';
  // Swarm's message while rolling back says why ("update rolled back due to failure or early
  // termination of task …"); the final one only says "rollback completed".
  let reason: string | undefined;
  let readySince: number | undefined;
  while (true) {
    if (o.signal?.aborted) return undefined;
    const svc = await o.docker.getService(id).inspect();
    const tasks = (await o.docker.listTasks({ filters: { service: [id] } })) as Task[];
    const u = svc.UpdateStatus as { State?: string; Message?: string; StartedAt?: string } | undefined;
    const fresh = u?.StartedAt !== undefined && u.StartedAt !== previousUpdate;
    if (kind === 'update' && fresh && u?.State && u.State !== 'updating' && u.State !== 'completed') {
      if (u.State === 'rollback_started') {
        reason = u.Message;
        lastWhy = `rolling back: ${u.Message ?? ''}`;
      } else return rolledBack(o.docker, s, u.State, reason ?? u.Message ?? '', tasks);
    } else {
      const failed = tasks.filter((t) => FAILED.has(t.Status?.State ?? '') && newer(t, started));
      const rejected = failed.find((t) => t.Status?.State === 'rejected');
      if (kind === 'create' && (rejected || (oneShot && failed.length > 0) || failed.length >= o.maxFailures))
        return taskFailure(o.docker, s, (rejected ?? failed[0]) as Task, failed.length, oneShot);
      const ready = await readiness(o.docker, s, tasks, health, oneShot);
      lastWhy = ready.why;
      const updateDone = kind !== 'update' || (fresh ? u?.State === 'completed' : Date.now() - started > 3000);
      // A task that exits at once can be seen running: without a passed healthcheck, readiness
      // must hold for the settle window, counted from the last failure.
      const lastFailure = Math.max(0, ...failed.map((t) => Date.parse(t.Status?.Timestamp ?? t.UpdatedAt ?? '') || 0));
      readySince = ready.ok ? Math.max(readySince ?? Date.now(), lastFailure) : undefined;
      const settled = health || oneShot || (readySince !== undefined && Date.now() - readySince >= o.settleMs);
      if (ready.ok && updateDone && settled) return undefined;
    }
    if (Date.now() - started > o.timeoutMs)
      return {
        code: 'ENGINE_ERROR',
        message: `Service ${s.name} did not converge within ${Math.round(o.timeoutMs / 1000)} s: ${lastWhy}.`,
        hint: 'See its tasks (docker service ps) and logs; the swarm keeps working on it.',
        elementId: s.elementId,
      };
    await sleep(o.pollMs, o.signal);
  }
}

async function readiness(
  docker: Docker,
  s: DesiredSwarmService,
  tasks: Task[],
  health: boolean,
  oneShot: boolean,
): Promise<{ ok: boolean; why: string }> {
  const live = tasks.filter(
    (t) => t.DesiredState === 'running' || (oneShot && t.DesiredState === 'shutdown' && t.Status?.State === 'complete'),
  );
  if (oneShot)
    return live.some((t) => t.Status?.State === 'complete')
      ? { ok: true, why: '' }
      : { ok: false, why: 'the one-shot task has not completed' };
  const want = s.replicas ?? Math.max(1, live.length);
  const running = live.filter((t) => t.Status?.State === 'running' && (t.Spec?.ContainerSpec?.Image ?? '').split('@')[0] === s.image);
  if (running.length < want) return { ok: false, why: `${running.length} of ${want} tasks running` };
  if (live.length > want) return { ok: false, why: `${live.length - want} old tasks still running` };
  if (!health) return { ok: true, why: '' };
  let healthy = 0;
  for (const t of running) {
    const cid = t.Status?.ContainerStatus?.ContainerID;
    const info = cid
      ? await docker
          .getContainer(cid)
          .inspect()
          .catch(() => undefined)
      : undefined;
    if (info?.State?.Health?.Status === 'healthy') healthy++;
  }
  return healthy >= want ? { ok: true, why: '' } : { ok: false, why: `${healthy} of ${want} tasks healthy` };
}

const newer = (t: Task, since: number) => Date.parse(t.CreatedAt ?? '') >= since - 2000;

async function taskFailure(docker: Docker, s: DesiredSwarmService, t: Task, failures: number, oneShot: boolean): Promise<EngineError> {
  const cid = t.Status?.ContainerStatus?.ContainerID;
  const exitCode = t.Status?.ContainerStatus?.ExitCode;
  const why = t.Status?.Err || t.Status?.Message || t.Status?.State || 'failed';
  const loop = !oneShot && t.Status?.State !== 'rejected';
  return {
    code: loop ? 'CRASH_LOOP' : 'CONTAINER_EXITED',
    message: loop
      ? `Service ${s.name} keeps failing: ${failures} tasks failed, the last with "${why}".`
      : `Service ${s.name}: its task ${t.Status?.State === 'rejected' ? 'was rejected' : 'failed'}: ${why}.`,
    elementId: s.elementId,
    ...(exitCode !== undefined ? { exitCode } : {}),
    restarts: Math.max(0, failures - 1),
    ...(cid ? { logTail: await logTail(docker, cid) } : {}),
  };
}

/** A failed update: Swarm's UpdateStatus message says why; the last failed task adds its own error and log. */
async function rolledBack(docker: Docker, s: DesiredSwarmService, state: string, message: string, tasks: Task[]): Promise<EngineError> {
  const failed = tasks
    .filter((t) => FAILED.has(t.Status?.State ?? '') && t.Spec?.ContainerSpec?.Image !== undefined)
    .sort((a, b) => Date.parse(b.UpdatedAt ?? '') - Date.parse(a.UpdatedAt ?? ''))[0];
  const taskErr = failed?.Status?.Err ? ` The failed task: ${failed.Status.Err}.` : '';
  const cid = failed?.Status?.ContainerStatus?.ContainerID;
  const rolled = state === 'rollback_completed';
  return {
    code: rolled ? 'ROLLED_BACK' : 'CONTAINER_EXITED',
    message: `${rolled ? 'Rolled back' : `Update stopped (${state})`}: the update of ${s.name} failed — ${message}.${taskErr}`,
    hint: rolled
      ? 'The service runs its previous version again. Fix the image or healthcheck and deploy again.'
      : 'The update is paused (failure_action pause); deploy again after fixing it, or roll back with docker service rollback.',
    elementId: s.elementId,
    ...(failed?.Status?.ContainerStatus?.ExitCode !== undefined ? { exitCode: failed.Status.ContainerStatus.ExitCode } : {}),
    ...(cid ? { logTail: await logTail(docker, cid) } : {}),
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
