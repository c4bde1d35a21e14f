import type { DestroyOptions, EngineError, PlanAction, ProgressEvent, ResourceAction } from '../types';
import type { PodmanApi } from './api';
import { toEngineError } from './errors';
import { removePod } from './execute';
import { networkName, ownedFilter, PLABEL } from './labels';
import { observePods } from './observe';

/**
 * Tears a project down: its pods (by our labels: never another pod), its network, and the named
 * volumes asked for (ours by label). emptyDir volumes go with their pod (Podman removes them).
 */
export async function destroyProject(
  ctx: { api: PodmanApi; stopTimeoutSeconds: number; emit: (e: ProgressEvent) => void },
  project: string,
  options: DestroyOptions,
): Promise<EngineError[]> {
  const { api, emit } = ctx;
  const pods = await observePods(api, project);
  for (const o of pods) {
    if (options.signal?.aborted) return [{ code: 'CANCELLED', message: 'The teardown was cancelled; what was removed stays removed.' }];
    const service = o.labels[PLABEL.service] ?? o.name;
    const actions: PlanAction[] = o.containers.map((c) => ({
      kind: 'remove',
      service,
      container: c.name,
      replica: 1,
      elementId: `container:${service}/${c.name}`,
    }));
    for (const action of actions) emit({ kind: 'step', action, phase: 'started', at: Date.now() });
    try {
      await removePod(ctx, o);
      for (const action of actions) emit({ kind: 'step', action, phase: 'done', at: Date.now() });
    } catch (e) {
      const error = toEngineError(e, api.endpoint, `Removing pod ${o.name}`, `service:${service}`);
      for (const action of actions) emit({ kind: 'step', action, phase: 'failed', message: error.message, at: Date.now() });
      return [error];
    }
  }
  const errors: EngineError[] = [];
  const remove = async (action: ResourceAction, path: string) => {
    emit({ kind: 'step', action, phase: 'started', at: Date.now() });
    try {
      await api.call('DELETE', path);
      emit({ kind: 'step', action, phase: 'done', at: Date.now() });
    } catch (e) {
      const error = toEngineError(e, api.endpoint, `Removing ${action.resource} ${action.name}`, action.elementId);
      emit({ kind: 'step', action, phase: 'failed', message: error.message, at: Date.now() });
      errors.push(error);
    }
  };
  const net = await api
    .get<{ labels?: Record<string, string> }>(`/networks/${encodeURIComponent(networkName(project))}/json`)
    .catch(() => undefined);
  if (net?.labels?.[PLABEL.managed] === 'true' && net.labels[PLABEL.project] === project)
    await remove(
      { kind: 'remove', resource: 'network', name: networkName(project) },
      `/networks/${encodeURIComponent(networkName(project))}`,
    );
  const wanted = options.allVolumes ? undefined : new Set(options.volumes ?? []);
  if (wanted?.size === 0) return errors;
  const vols =
    (await api.get<{ Name: string; Labels?: Record<string, string> }[] | null>('/volumes/json', {
      filters: { label: ownedFilter(project) },
    })) ?? [];
  for (const v of vols) {
    const claim = v.Labels?.[PLABEL.volume] ?? v.Name;
    if (wanted && !wanted.has(claim)) continue;
    await remove(
      { kind: 'remove', resource: 'volume', name: v.Name, elementId: `volume:${claim}` },
      `/volumes/${encodeURIComponent(v.Name)}`,
    );
  }
  return errors;
}
