import type Docker from 'dockerode';
import { EngineFailure, toEngineError } from '../docker/errors';
import type { DeploymentSummary, EngineError, ProgressEvent, ResourceAction } from '../types';
import { sleep } from './converge';
import { removeWhenFree } from './execute';
import { ownedAll, ownedStack, SWARM_LABEL, stackName, stackTasks } from './labels';

/**
 * `docker stack rm`, for what is ours only: services, then (once their task containers are gone)
 * networks, secrets and configs of the stack — every one found by the stack label AND our
 * ownership label. Named volumes stay unless the caller names them.
 */
export interface DestroyContext {
  docker: Docker;
  endpoint: string;
  signal?: AbortSignal | undefined;
  emit: (e: ProgressEvent) => void;
}

type StepAction = Extract<ProgressEvent, { kind: 'step' }>['action'];

export async function destroyStack(ctx: DestroyContext, project: string, volumes: readonly string[] | 'all'): Promise<EngineError[]> {
  const { docker } = ctx;
  const filters = { label: ownedStack(project) };
  const step = async (action: StepAction, fn: () => Promise<unknown>) => {
    ctx.emit({ kind: 'step', action, phase: 'started', at: Date.now() });
    try {
      await fn();
      ctx.emit({ kind: 'step', action, phase: 'done', at: Date.now() });
    } catch (e) {
      const error = e instanceof EngineFailure ? e.error : toEngineError(e, ctx.endpoint, 'Tear down', action.elementId);
      ctx.emit({ kind: 'step', action, phase: 'failed', message: error.message, at: Date.now() });
      throw new EngineFailure(error);
    }
  };
  try {
    const services = await docker.listServices({ filters });
    await Promise.all(
      services.map((s) => {
        const l = s.Spec?.Labels ?? {};
        const action = {
          kind: 'remove' as const,
          service: l[SWARM_LABEL.blueprintService] ?? s.Spec?.Name ?? s.ID,
          container: l[SWARM_LABEL.container] ?? '',
          elementId: l[SWARM_LABEL.element] ?? '',
        };
        return step(action, () => docker.getService(s.ID).remove());
      }),
    );
    // Task containers go asynchronously; networks, secrets and configs are in use until they have.
    const deadline = Date.now() + 60_000;
    while (
      (await docker.listContainers({ all: true, filters: { label: stackTasks(project) } })).length > 0 &&
      Date.now() < deadline &&
      !ctx.signal?.aborted
    )
      await sleep(300, ctx.signal);
    const nets = (await docker.listNetworks({ filters })) as { Id: string; Name: string }[];
    for (const n of nets) await step(resource('network', n.Name), () => removeWhenFree(docker, 'network', n.Id, ctx.signal));
    for (const kind of ['secret', 'config'] as const) {
      const list = (await (kind === 'secret' ? docker.listSecrets({ filters }) : docker.listConfigs({ filters }))) as {
        ID: string;
        Spec?: { Name?: string };
      }[];
      for (const x of list) await step(resource(kind, x.Spec?.Name ?? x.ID), () => removeWhenFree(docker, kind, x.ID, ctx.signal));
    }
    const vols = (await docker.listVolumes({ filters })).Volumes ?? [];
    const wanted = new Set(volumes === 'all' ? vols.map((v) => v.Name) : volumes.map((v) => stackName(project, v)));
    for (const v of vols)
      if (wanted.has(v.Name)) await step(resource('volume', v.Name), () => removeWhenFree(docker, 'volume', v.Name, ctx.signal));
    return ctx.signal?.aborted ? [{ code: 'CANCELLED', message: 'The tear-down was cancelled; what is left stays labelled.' }] : [];
  } catch (e) {
    return [e instanceof EngineFailure ? e.error : toEngineError(e, ctx.endpoint, 'Tear down')];
  }
}

const resource = (kind: ResourceAction['resource'], name: string): ResourceAction => ({ kind: 'remove', resource: kind, name });

/** Every stack of ours on the swarm: services by stack, tasks asked for and running. */
export async function listStacks(docker: Docker): Promise<DeploymentSummary[]> {
  const services = await docker.listServices({ filters: { label: ownedAll() }, status: true } as Docker.ServiceListOptions);
  const byProject = new Map<string, DeploymentSummary>();
  for (const s of services) {
    const l = s.Spec?.Labels ?? {};
    const project = l[SWARM_LABEL.namespace];
    if (!project) continue;
    const d = byProject.get(project) ?? { project, services: [], containers: 0, running: 0 };
    const service = l[SWARM_LABEL.blueprintService];
    if (service && !d.services.includes(service)) d.services.push(service);
    d.containers += s.ServiceStatus?.DesiredTasks ?? 0;
    d.running += s.ServiceStatus?.RunningTasks ?? 0;
    d.updatedAt = Math.max(d.updatedAt ?? 0, Date.parse(s.UpdatedAt ?? '') || 0);
    byProject.set(project, d);
  }
  return [...byProject.values()].sort((a, b) => a.project.localeCompare(b.project));
}
