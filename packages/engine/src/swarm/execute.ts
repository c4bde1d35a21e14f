import type Docker from 'dockerode';
import { EngineFailure, toEngineError } from '../docker/errors';
import { pullImage } from '../docker/images';
import type { EngineError, PlanAction, ProgressEvent, ResourceAction } from '../types';
import { converge, sleep } from './converge';
import type { SwarmDesired } from './desired';
import type { SwarmDiff } from './diff';
import { idsByName } from './observe';
import type { DesiredSwarmService } from './spec';

/**
 * Runs a plan on the swarm, as `docker stack deploy` would: images (pulled when missing) →
 * networks, secrets, configs → services created / updated / scaled in plan order → every one of
 * them watched until it converged (in parallel) → services, then networks, secrets and configs
 * the blueprint dropped are removed. Errors are data; a cancelled apply leaves what was done.
 */
export interface ExecuteContext {
  docker: Docker;
  endpoint: string;
  project: string;
  signal?: AbortSignal | undefined;
  emit: (e: ProgressEvent) => void;
  convergeTimeoutMs: number;
  pollMs: number;
  maxFailures: number;
  settleMs: number;
}

const CANCELLED: EngineError = { code: 'CANCELLED', message: 'The deploy was cancelled; what was done so far stays (and is labelled).' };

export async function executeStack(ctx: ExecuteContext, d: SwarmDesired, diff: SwarmDiff): Promise<EngineError[]> {
  const { docker } = ctx;
  const step = async (action: PlanAction | ResourceAction, work: () => Promise<void>): Promise<EngineError | undefined> => {
    ctx.emit({ kind: 'step', action, phase: 'started', at: Date.now() });
    try {
      await work();
      ctx.emit({ kind: 'step', action, phase: 'done', at: Date.now() });
      return undefined;
    } catch (e) {
      const error =
        e instanceof EngineFailure
          ? e.error
          : toEngineError(
              e,
              ctx.endpoint,
              `${action.kind} ${'resource' in action ? `${action.resource} ${action.name}` : action.elementId}`,
              action.elementId,
            );
      ctx.emit({ kind: 'step', action, phase: 'failed', message: error.message, at: Date.now() });
      return error;
    }
  };
  const creates = diff.resources.filter((r) => r.action.kind === 'create');
  for (const r of creates) {
    if (ctx.signal?.aborted) return [CANCELLED];
    const a = r.action;
    const err = await step(a, async () => {
      if (a.resource === 'image') return pullImage(docker, a.name, ctx.endpoint, ctx.emit);
      if (a.resource === 'network') {
        const n = d.networks.find((x) => x.name === a.name);
        await docker.createNetwork({
          Name: a.name,
          Driver: n?.driver ?? 'overlay',
          Attachable: true,
          Internal: n?.internal === true,
          Labels: n?.labels ?? {},
          CheckDuplicate: true,
        } as Docker.NetworkCreateOptions);
        return;
      }
      const x = d.data.find((y) => y.name === a.name && y.kind === a.resource);
      const spec = { Name: a.name, Labels: x?.labels ?? {}, Data: x?.data?.toString('base64') ?? '' };
      await (a.resource === 'secret' ? docker.createSecret(spec) : docker.createConfig(spec));
    });
    if (err) return [err];
  }
  // Secret and config references need ids: the ones just created, the kept and the external ones.
  const ids = {
    secret: await idsByName(
      docker,
      'secret',
      d.data.filter((x) => x.kind === 'secret').map((x) => x.name),
    ),
    config: await idsByName(
      docker,
      'config',
      d.data.filter((x) => x.kind === 'config').map((x) => x.name),
    ),
  };
  const waits: Promise<EngineError | undefined>[] = [];
  const errors: EngineError[] = [];
  const copts = {
    docker,
    signal: ctx.signal,
    timeoutMs: ctx.convergeTimeoutMs,
    pollMs: ctx.pollMs,
    maxFailures: ctx.maxFailures,
    settleMs: ctx.settleMs,
  };
  for (const s of diff.services) {
    if (ctx.signal?.aborted) return [CANCELLED];
    const want = s.desired;
    if (!want || s.action.kind === 'unchanged' || s.action.kind === 'remove') continue;
    const spec = withIds(want, ids);
    let id = s.observed?.id ?? '';
    let previous: string | undefined;
    const err = await step(s.action, async () => {
      if (s.action.kind === 'create') {
        id = ((await docker.createService(spec)) as { id?: string; ID?: string }).id ?? '';
        if (!id) id = (await docker.getService(want.name).inspect()).ID;
        return;
      }
      const svc = docker.getService(id);
      const now = await svc.inspect();
      previous = now.UpdateStatus?.StartedAt;
      const body = s.action.kind === 'update' ? spec : { ...now.Spec, Mode: spec.Mode };
      // dockerode sends the options as query and body; `_query` keeps the query to the version alone.
      await svc.update({ _query: { version: now.Version?.Index }, ...body } as object);
    });
    if (err) {
      errors.push(err);
      continue;
    }
    const kind = s.action.kind === 'create' ? 'create' : s.action.kind === 'update' ? 'update' : 'scale';
    const action = s.action;
    waits.push(
      converge(copts, want, id, kind, previous).then((e) => {
        if (e) ctx.emit({ kind: 'step', action, phase: 'failed', message: e.message, at: Date.now() });
        return e;
      }),
    );
  }
  for (const e of await Promise.all(waits)) if (e) errors.push(e);
  if (ctx.signal?.aborted) return [...errors, CANCELLED];
  // Removals last: what the blueprint dropped goes once the rest is in place.
  for (const s of diff.services) {
    if (s.action.kind !== 'remove' || !s.observed) continue;
    const id = s.observed.id;
    const err = await step(s.action, async () => {
      await docker.getService(id).remove();
    });
    if (err) errors.push(err);
  }
  for (const r of diff.resources) {
    if (r.action.kind !== 'remove' || !r.id) continue;
    const { id, action } = r;
    const err = await step(action, () => removeWhenFree(docker, action.resource, id, ctx.signal));
    if (err) errors.push(err);
  }
  return errors;
}

function withIds(s: DesiredSwarmService, ids: { secret: Map<string, string>; config: Map<string, string> }): Docker.ServiceSpec {
  const task = s.spec.TaskTemplate as Docker.ContainerTaskSpec;
  const c = task.ContainerSpec ?? {};
  return {
    ...s.spec,
    TaskTemplate: {
      ...task,
      ContainerSpec: {
        ...c,
        ...(c.Secrets ? { Secrets: c.Secrets.map((r) => ({ ...r, SecretID: ids.secret.get(r.SecretName ?? '') ?? '' })) } : {}),
        ...(c.Configs ? { Configs: c.Configs.map((r) => ({ ...r, ConfigID: ids.config.get(r.ConfigName ?? '') ?? '' })) } : {}),
      },
    },
  };
}

/**
 * Networks, secrets and configs are in use while the tasks that had them shut down: the engine
 * answers 409 / "in use" until they are gone, so removal is retried for a while.
 */
export async function removeWhenFree(
  docker: Docker,
  resource: ResourceAction['resource'],
  id: string,
  signal?: AbortSignal,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    try {
      if (resource === 'network') await docker.getNetwork(id).remove();
      else if (resource === 'secret') await docker.getSecret(id).remove();
      else if (resource === 'config') await docker.getConfig(id).remove();
      else if (resource === 'volume') await docker.getVolume(id).remove();
      return;
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      if (status === 404) return;
      if (
        Date.now() > deadline ||
        signal?.aborted ||
        (status !== 409 && !/in use|has active endpoints/i.test(String((e as Error).message)))
      )
        throw e;
      await sleep(500, signal);
    }
  }
}
