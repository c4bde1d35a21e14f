import type Docker from 'dockerode';
import type { EngineError, PlanAction, ProgressEvent, ResourceAction } from '../types';
import { provideImage } from './build';
import { Semaphore } from './channel';
import { create, isStaleTask, type OpsContext, remove, replace, runToCompletion, start, stoppingWords, stopWaits } from './container-ops';
import type { Desired, DesiredContainer, DesiredService } from './desired';
import { type ContainerStep, type Diff, isMutating } from './diff';
import { EngineFailure, toEngineError } from './errors';
import { createsContainer, precreate } from './precreate';
import { ProjectEvents } from './project-events';
import { startRanks } from './schedule';
import { type Started, settle } from './settle';
import { waitFor } from './wait';

/**
 * Carries out a diff: images (pull what is missing; a failure stops before anything is created),
 * networks and volumes, removals, then the containers: all created up front (precreate.ts,
 * bounded) while they start as a DAG of their links: independent services in parallel (bounded),
 * a dependant starts after its links' conditions hold. Only steps that change
 * something call the engine: an unchanged blueprint makes no mutating call. No rollback (as
 * Compose): what was done stays, labelled, and a re-run converges.
 */
export interface ExecOptions {
  docker: Docker;
  endpoint: string;
  /** The project: its containers' engine events wake waits and the settle window. */
  project: string;
  /** Services starting at once (independent branches of the link graph). */
  concurrency: number;
  /** Containers being created at once (the create phase runs ahead of the starts). */
  createConcurrency: number;
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
  const step = async <T>(action: PlanAction | ResourceAction, fn: () => Promise<T>, message?: string): Promise<T> => {
    if (o.signal?.aborted) throw new EngineFailure({ code: 'CANCELLED', message: 'Deploy cancelled.' });
    o.emit({ kind: 'step', action, phase: 'started', ...(message ? { message } : {}), at: Date.now() });
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
  step: <T>(action: PlanAction | ResourceAction, fn: () => Promise<T>, message?: string) => Promise<T>,
  opening: Promise<ProjectEvents>,
  services: Map<string, DesiredService>,
  desired: Desired,
  d: Diff,
): Promise<EngineError[]> {
  try {
    for (const i of d.images)
      if (i.action.kind === 'create')
        await step(i.action, () => provideImage(o.docker, desired, i.action.name, o.endpoint, o.emit, o.signal));
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
    await Promise.all(
      d.removals.map((r) =>
        step(
          r.action,
          () => remove(ctx, r.observed?.id as string, r.observed?.name as string),
          r.observed && stopWaits(r.observed.state) ? stoppingWords(r.observed.name, ctx.stopTimeoutSeconds) : undefined,
        ),
      ),
    );
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

  /** Container steps whose `started` event went out and whose `done` / `failed` has not. */
  const open = new Set<PlanAction>();
  const begin = (action: PlanAction) => {
    open.add(action);
    o.emit({ kind: 'step', action, phase: 'started', at: Date.now() });
  };
  const end = (action: PlanAction, message?: string) => {
    if (!open.delete(action)) return;
    o.emit(
      message === undefined
        ? { kind: 'step', action, phase: 'done', at: Date.now() }
        : { kind: 'step', action, phase: 'failed', message, at: Date.now() },
    );
  };

  // Critical path first (schedule.ts): among ready services, the head of the longest chain of dependants starts first.
  const ranks = startRanks(desired.services);
  const rank = (s: string) => ranks.get(s) ?? 0;
  const inRankOrder = [...desired.services].sort((a, b) => rank(b.name) - rank(a.name));
  const allSteps = inRankOrder.flatMap((s) => d.byService.get(s.name) ?? []);
  if (allSteps.some((st) => createsContainer(st) && (st.desired?.moreNetworks.length ?? 0) > 0))
    ctx.multiEndpoint = await multiEndpoint(o.docker);
  const created = precreate({ ctx, limit: new Semaphore(o.createConcurrency), signal: o.signal, ids, begin, fail: end }, allSteps);

  const runService = async (s: DesiredService): Promise<boolean> => {
    const steps = d.byService.get(s.name) ?? [];
    const mutating = steps.filter((st) => st.desired && isMutating(st.action.kind));
    /** The step being carried out when the service's start failed. */
    let current: ContainerStep | undefined;
    const notStarted = (why: string) => {
      for (const st of mutating) end(st.action, why);
    };
    // The service's own creates first (they were queued at once): a create that failed fails the service.
    for (const st of mutating) {
      const c = await (st.desired ? created.get(st.desired.slot) : undefined);
      if (c && !c.ok) {
        errors.push(c.failure.error);
        end(st.action, c.failure.error.message);
        notStarted(`not started because "${containerWord(st.action)}" failed`);
        return false;
      }
    }
    const deps = await Promise.all(s.links.map((l) => done.get(l.target) ?? Promise.resolve(true)));
    if (mutating.length === 0) return deps.every(Boolean);
    for (const [i, l] of s.links.entries()) {
      if (deps[i]) continue;
      if (!l.required) continue;
      errors.push({
        code: 'DEPENDENCY_FAILED',
        message: `Service "${s.name}" was not started: its dependency "${l.target}" failed.`,
        elementId: l.elementId,
      });
      notStarted(`not started: dependency "${l.target}" failed`);
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
        for (const st of mutating) {
          current = st;
          await runStep(st);
        }
      }, rank(s.name));
      return true;
    } catch (e) {
      const error = asError(e, o.endpoint);
      errors.push(error);
      // The failed container's step gets the engine's words; the others of the service (its pod
      // helpers share the main's network namespace) were not started because of it.
      if (current) {
        end(current.action, error.message);
        notStarted(`not started because "${containerWord(current.action)}" failed`);
      } else notStarted(error.message);
      return false;
    }
  };

  /** The service's turn for one container: a recreate's old container goes, then it starts (inits run to their end). */
  const runStep = async (st: ContainerStep): Promise<void> => {
    const dc = st.desired as DesiredContainer;
    if (o.signal?.aborted) throw new EngineFailure({ code: 'CANCELLED', message: 'Deploy cancelled.' });
    if (!open.has(st.action)) begin(st.action);
    const c = await created.get(dc.slot);
    let id: string;
    if (c?.ok) id = c.id;
    else if (st.observed)
      id = st.observed.id; // start: stopped, configuration unchanged
    else throw new Error(`no container for ${dc.name}`); // unreachable: a failed create ends the service first
    if (st.action.kind === 'recreate' && st.observed) {
      if (stopWaits(st.observed.state))
        o.emit({
          kind: 'step',
          action: st.action,
          phase: 'started',
          message: stoppingWords(st.observed.name, ctx.stopTimeoutSeconds),
          at: Date.now(),
        });
      await replace(ctx, dc, st.observed.id, id);
    }
    const mainId = dc.joins ? ids.get(dc.joins) : undefined;
    ids.set(dc.slot, id);
    if (dc.role === 'init') {
      await runToCompletion(ctx, dc, id, dc.name);
      end(st.action);
      return;
    }
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
    end(st.action);
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

/** Whether the engine takes several networks in one create (API 1.44+); if it cannot say, the older way. */
async function multiEndpoint(docker: Docker): Promise<boolean> {
  try {
    const [major = 0, minor = 0] = String((await docker.version()).ApiVersion ?? '')
      .split('.')
      .map(Number);
    return major > 1 || (major === 1 && minor >= 44);
  } catch {
    return false;
  }
}

function publishedPorts(s: DesiredService): number[] {
  const b = s.mains[0]?.options.HostConfig?.PortBindings as Record<string, { HostPort: string }[]> | undefined;
  return Object.values(b ?? {}).flatMap((l) => l.map((x) => Number(x.HostPort)));
}

const asError = (e: unknown, endpoint: string): EngineError =>
  e instanceof EngineFailure ? e.error : toEngineError(e, endpoint, 'Deploy');

/** A pod container in words: the service for its main container, else `service/container`; the replica when not the first. */
const containerWord = (a: PlanAction): string =>
  `${a.container && a.container !== a.service ? `${a.service}/${a.container}` : a.service}${a.replica && a.replica > 1 ? ` #${a.replica}` : ''}`;

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
