import type Docker from 'dockerode';
import type { EngineError, PlanAction, ProgressEvent, ResourceAction } from '../types';
import { Semaphore } from './channel';
import { create, isStaleTask, type OpsContext, recreate, remove, runToCompletion, start } from './container-ops';
import type { Desired, DesiredService } from './desired';
import { type ContainerStep, type Diff, isMutating } from './diff';
import { EngineFailure, toEngineError } from './errors';
import { pullImage } from './images';
import { ProjectEvents } from './project-events';
import { type Started, settle } from './settle';
import { waitFor } from './wait';

/**
 * Carries out a diff: images (pull what is missing; a failure stops before anything is created),
 * networks and volumes, removals, then the services as a DAG of their links: independent services
 * in parallel (bounded), a dependant after its links' conditions hold. Only steps that change
 * something call the engine: an unchanged blueprint makes no mutating call. No rollback (as
 * Compose): what was done stays, labelled, and a re-run converges.
 */
export interface ExecOptions {
  docker: Docker;
  endpoint: string;
  /** The project: its containers' engine events wake waits and the settle window. */
  project: string;
  concurrency: number;
  stopTimeoutSeconds: number;
  settleMs: number;
  signal?: AbortSignal | undefined;
  emit: (e: ProgressEvent) => void;
}

export async function execute(o: ExecOptions, desired: Desired, d: Diff): Promise<EngineError[]> {
  const services = new Map(desired.services.map((s) => [s.name, s]));
  const ctx: OpsContext = {
    docker: o.docker,
    endpoint: o.endpoint,
    stopTimeoutSeconds: o.stopTimeoutSeconds,
    startLock: new Lock(),
    publishes: (s) => {
      const svc = services.get(s);
      return svc ? publishedPorts(svc) : [];
    },
    serviceElement: (s) => services.get(s)?.elementId ?? `service:${s}`,
  };
  const step = async <T>(action: PlanAction | ResourceAction, fn: () => Promise<T>): Promise<T> => {
    if (o.signal?.aborted) throw new EngineFailure({ code: 'CANCELLED', message: 'Deploy cancelled.' });
    o.emit({ kind: 'step', action, phase: 'started', at: Date.now() });
    try {
      const r = await fn();
      o.emit({ kind: 'step', action, phase: 'done', at: Date.now() });
      return r;
    } catch (e) {
      const f = e instanceof EngineFailure ? e : new EngineFailure(toEngineError(e, o.endpoint, describe(action)));
      o.emit({ kind: 'step', action, phase: 'failed', message: f.error.message, at: Date.now() });
      throw f;
    }
  };

  // Subscribed before the first start (and while images and networks are prepared): waits and the
  // settle window then sleep until the engine reports a change instead of polling inspect.
  const opening = new ProjectEvents().open(o.docker, o.project);
  try {
    return await converge(o, ctx, step, opening, services, desired, d);
  } finally {
    (await opening).close();
  }
}

async function converge(
  o: ExecOptions,
  ctx: OpsContext,
  step: <T>(action: PlanAction | ResourceAction, fn: () => Promise<T>) => Promise<T>,
  opening: Promise<ProjectEvents>,
  services: Map<string, DesiredService>,
  desired: Desired,
  d: Diff,
): Promise<EngineError[]> {
  try {
    for (const i of d.images)
      if (i.action.kind === 'create') await step(i.action, () => pullImage(o.docker, i.action.name, o.endpoint, o.emit));
    for (const n of d.networks)
      if (n.action.kind === 'create' && n.desired) {
        const net = n.desired;
        await step(n.action, () =>
          o.docker.createNetwork({
            Name: net.name,
            Driver: net.driver ?? 'bridge',
            Internal: net.internal === true,
            Labels: net.labels,
            CheckDuplicate: true,
          }),
        );
      }
    for (const v of d.volumes)
      if (v.action.kind === 'create' && v.desired) {
        const vol = v.desired;
        await step(v.action, () =>
          o.docker.createVolume({ Name: vol.name, Driver: vol.driver ?? 'local', DriverOpts: vol.driverOpts ?? {}, Labels: vol.labels }),
        );
      }
    // Removals first: a service drawn anew may want the host port a removed one held.
    await Promise.all(d.removals.map((r) => step(r.action, () => remove(ctx, r.observed?.id as string, r.observed?.name as string))));
  } catch (e) {
    return [asError(e, o.endpoint)];
  }

  const feed = await opening;
  const errors: EngineError[] = [];
  const started: Started[] = [];
  /** Containers this apply started: a `started` link to them holds without asking the engine. */
  const startedHere = new Set<string>();
  /** Current engine id per slot: observed, then replaced as steps create containers. */
  const ids = new Map<string, string>();
  for (const steps of d.byService.values()) for (const s of steps) if (s.observed && s.desired) ids.set(s.desired.slot, s.observed.id);
  const limit = new Semaphore(o.concurrency);
  const done = new Map<string, Promise<boolean>>();

  const runService = async (s: DesiredService): Promise<boolean> => {
    const steps = d.byService.get(s.name) ?? [];
    const deps = await Promise.all(s.links.map((l) => done.get(l.target) ?? Promise.resolve(true)));
    if (!steps.some((st) => isMutating(st.action.kind))) return deps.every(Boolean);
    for (const [i, l] of s.links.entries()) {
      if (deps[i]) continue;
      if (!l.required) continue;
      errors.push({
        code: 'DEPENDENCY_FAILED',
        message: `Service "${s.name}" was not started: its dependency "${l.target}" failed.`,
        elementId: l.elementId,
      });
      return false;
    }
    try {
      for (const l of s.links) {
        const target = services.get(l.target);
        if (!target) continue;
        o.emit({ kind: 'wait', service: s.name, on: l.target, condition: l.condition, at: Date.now() });
        const t = { ids: [] as string[], names: [] as string[] };
        for (const m of target.mains) {
          const id = ids.get(m.slot);
          if (!id || (l.condition === 'started' && startedHere.has(id))) continue;
          t.ids.push(id);
          t.names.push(m.name);
        }
        try {
          await waitFor(o.docker, o.endpoint, s.name, l, t, o.signal, undefined, feed);
        } catch (e) {
          if (l.required || !(e instanceof EngineFailure) || e.error.code === 'ENGINE_UNREACHABLE') throw e;
        }
      }
      await limit.run(async () => {
        for (const st of steps) await runStep(st);
      });
      return true;
    } catch (e) {
      errors.push(asError(e, o.endpoint));
      return false;
    }
  };

  const runStep = async (st: ContainerStep): Promise<void> => {
    const dc = st.desired;
    if (!dc || !isMutating(st.action.kind)) return;
    const mainId = dc.joins ? ids.get(dc.joins) : undefined;
    await step(st.action, async () => {
      let id: string;
      if (st.action.kind === 'recreate' && st.observed) id = await recreate(ctx, dc, st.observed.id, mainId);
      else if (st.action.kind === 'start' && st.observed) id = st.observed.id;
      else id = await create(ctx, dc, dc.name, mainId);
      ids.set(dc.slot, id);
      if (dc.role === 'init') return runToCompletion(ctx, dc, id, dc.name);
      try {
        await start(ctx, dc, id, dc.name);
      } catch (e) {
        if (!isStaleTask(e)) throw e;
        // The engine cannot start it again (a task left over from a crash): replace the container.
        o.emit({
          kind: 'step',
          action: st.action,
          phase: 'started',
          message: 'stale engine task after a crash: replacing the container',
          at: Date.now(),
        });
        await remove(ctx, id, dc.name);
        id = await create(ctx, dc, dc.name, mainId);
        ids.set(dc.slot, id);
        await start(ctx, dc, id, dc.name);
      }
      startedHere.add(id);
      started.push({ id, name: dc.name, service: dc.service, elementId: dc.elementId, at: Date.now() });
    });
  };

  // Start order puts every service after its links, so each dependency's promise exists in time.
  for (const s of desired.services) done.set(s.name, runService(s));
  await Promise.all(done.values());

  try {
    for (const n of d.networks) if (n.action.kind === 'remove') await step(n.action, () => o.docker.getNetwork(n.action.name).remove());
  } catch (e) {
    errors.push(asError(e, o.endpoint));
  }
  if (errors.length === 0 && started.length > 0) errors.push(...(await settle(o.docker, started, o.settleMs, undefined, feed)));
  // An engine that went away fails every branch alike: say it once.
  return errors.filter((e, i) => errors.findIndex((x) => x.code === e.code && x.message === e.message) === i);
}

function publishedPorts(s: DesiredService): number[] {
  const b = s.mains[0]?.options.HostConfig?.PortBindings as Record<string, { HostPort: string }[]> | undefined;
  return Object.values(b ?? {}).flatMap((l) => l.map((x) => Number(x.HostPort)));
}

const asError = (e: unknown, endpoint: string): EngineError =>
  e instanceof EngineFailure ? e.error : toEngineError(e, endpoint, 'Deploy');

const describe = (a: PlanAction | ResourceAction): string =>
  'resource' in a ? `${a.kind} ${a.resource} ${a.name}` : `${a.kind} ${a.service}${a.container ? `/${a.container}` : ''}`;

class Lock {
  private tail: Promise<unknown> = Promise.resolve();
  run<R>(fn: () => Promise<R>): Promise<R> {
    const r = this.tail.then(fn, fn);
    this.tail = r.catch(() => {});
    return r;
  }
}
