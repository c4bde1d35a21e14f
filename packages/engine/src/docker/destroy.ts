import type Docker from 'dockerode';
import type { EngineError, ProgressEvent, ResourceAction } from '../types';
import { type OpsContext, remove } from './container-ops';
import { EngineFailure, toEngineError } from './errors';
import { LABEL, volumeName } from './labels';
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
  const step = async (action: StepAction, fn: () => Promise<unknown>) => {
    ctx.emit({ kind: 'step', action, phase: 'started', at: Date.now() });
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
    const o = await observe(ctx.docker, project);
    const helper = (l: Record<string, string>) => !['main', 'init'].includes(l[LABEL.role] ?? 'main');
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
            () => remove(ops, c.id, c.name),
          ),
        ),
      );
    for (const n of o.networks) await step(resource('network', n.name), () => ctx.docker.getNetwork(n.id).remove());
    const wanted = new Set(volumes === 'all' ? o.volumes.map((v) => v.name) : volumes.map((v) => volumeName(project, v)));
    for (const v of o.volumes) if (wanted.has(v.name)) await step(resource('volume', v.name), () => ctx.docker.getVolume(v.name).remove());
    return [];
  } catch (e) {
    return [e instanceof EngineFailure ? e.error : toEngineError(e, ctx.endpoint, 'Tear down')];
  }
}

type StepAction = Extract<ProgressEvent, { kind: 'step' }>['action'];

const resource = (kind: 'network' | 'volume', name: string): ResourceAction => ({ kind: 'remove', resource: kind, name });
