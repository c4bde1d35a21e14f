import type Docker from 'dockerode';
import type { EngineError, ProgressEvent, ResourceAction } from '../types';
import { type OpsContext, remove, stoppingWords, stopWaits } from './container-ops';
import { EngineFailure, toEngineError } from './errors';
import { LABEL, TORN_DOWN_SUFFIX, volumeName } from './labels';
import { observe } from './observed';

/**
 * Tears a project down: its containers (helpers first, as they live in their main's network
 * namespace) and networks, all found by label and only if they carry our ownership label.
 * Named volumes stay unless the caller names them; external ones are never ours to delete.
 */
export interface DestroyContext {
  docker: Docker;
  endpoint: string;
  stopTimeoutSeconds: number;
  signal?: AbortSignal | undefined;
  emit: (e: ProgressEvent) => void;
}

export async function destroyProject(ctx: DestroyContext, project: string, volumes: readonly string[] | 'all'): Promise<EngineError[]> {
  const ops: OpsContext = {
    docker: ctx.docker,
    endpoint: ctx.endpoint,
    stopTimeoutSeconds: ctx.stopTimeoutSeconds,
    startLock: { run: (fn) => fn() },
    publishes: () => [],
    serviceElement: (s) => `service:${s}`,
  };
  const step = async (action: StepAction, fn: () => Promise<unknown>, message?: string) => {
    ctx.emit({ kind: 'step', action, phase: 'started', ...(message ? { message } : {}), at: Date.now() });
    try {
      await fn();
      ctx.emit({ kind: 'step', action, phase: 'done', at: Date.now() });
    } catch (e) {
      const error = e instanceof EngineFailure ? e.error : toEngineError(e, ctx.endpoint, 'Tear down');
      ctx.emit({ kind: 'step', action, phase: 'failed', message: error.message, at: Date.now() });
      throw new EngineFailure(error);
    }
  };
  try {
    let o = await observe(ctx.docker, project);
    const helper = (l: Record<string, string>) => !['main', 'init'].includes(l[LABEL.role] ?? 'main');
    // Removed in passes: a container of the project created meanwhile (a heal or a run that was
    // just ending) is found by the next look and removed too, so the networks come free.
    for (let pass = 0; pass < 3 && o.containers.length > 0; pass++) {
      for (const group of [o.containers.filter((c) => helper(c.labels)), o.containers.filter((c) => !helper(c.labels))])
        await Promise.all(
          group.map((c) =>
            step(
              {
                kind: 'remove',
                service: c.labels[LABEL.blueprintService] ?? c.composeService,
                container: c.labels[LABEL.container] ?? '',
                replica: c.replica,
                elementId: c.labels[LABEL.element] ?? '',
              },
              () => removeTornDown(ctx.docker, ops, c.id, c.name),
              stopWaits(c.state) ? stoppingWords(c.name, ctx.stopTimeoutSeconds) : undefined,
            ),
          ),
        );
      o = await observe(ctx.docker, project);
    }
    for (const n of o.networks) await step(resource('network', n.name), () => removeNetwork(ctx.docker, n.id));
    const wanted = new Set(volumes === 'all' ? o.volumes.map((v) => v.name) : volumes.map((v) => volumeName(project, v)));
    for (const v of o.volumes) if (wanted.has(v.name)) await step(resource('volume', v.name), () => ctx.docker.getVolume(v.name).remove());
    return [];
  } catch (e) {
    return [e instanceof EngineFailure ? e.error : toEngineError(e, ctx.endpoint, 'Tear down')];
  }
}

/**
 * Marks a container as torn down on purpose before removing it: its name gets a suffix
 * (TORN_DOWN_SUFFIX) that every auto-healing supervisor, also one in another process, reads in the
 * removal event, and leaves it.
 */
async function removeTornDown(docker: Docker, ops: Parameters<typeof remove>[0], id: string, name: string): Promise<void> {
  await docker
    .getContainer(id)
    .rename({ name: `${name}${TORN_DOWN_SUFFIX}` })
    .catch(() => undefined);
  await remove(ops, id, `${name}${TORN_DOWN_SUFFIX}`);
}

/** The engine may still list an endpoint for a moment after its container is gone: asked again a few times. */
async function removeNetwork(docker: Docker, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await docker.getNetwork(id).remove();
    } catch (e) {
      if (attempt >= 5 || !/active endpoints/.test(String((e as Error).message))) throw e;
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}

type StepAction = Extract<ProgressEvent, { kind: 'step' }>['action'];

const resource = (kind: 'network' | 'volume', name: string): ResourceAction => ({ kind: 'remove', resource: kind, name });
