import type Docker from 'dockerode';
import type { EngineError } from '../types';
import type { DesiredContainer } from './desired';
import { EngineFailure, engineMessage, isUnreachable, portInUse, statusOf, toEngineError, unreachable } from './errors';
import { logTail } from './logs-tail';

/**
 * The engine calls of one container step. Creating and starting are separate so that a new
 * container exists before the old one is removed (recreate), and starts of containers that publish
 * ports go through one lock: the engine allocates published ports non-atomically (Compose's startMx
 * serialises every start; the others need not wait).
 */
export interface OpsContext {
  docker: Docker;
  endpoint: string;
  stopTimeoutSeconds: number;
  /** Serialises the starts of containers that publish ports. */
  startLock: { run<R>(fn: () => Promise<R>): Promise<R> };
  /** Published host ports of each blueprint service, to name them in PORT_IN_USE. */
  publishes: (service: string) => number[];
  serviceElement: (service: string) => string;
  /**
   * The engine takes every network of a container in the create call (API 1.44+); older ones take
   * one endpoint there and the rest by connect calls. Unset = the older way.
   */
  multiEndpoint?: boolean;
}

const fail = (ctx: OpsContext, e: unknown, what: string, elementId?: string): EngineFailure =>
  e instanceof EngineFailure ? e : new EngineFailure(toEngineError(e, ctx.endpoint, what, elementId));

/**
 * Creates the container (helpers join `mainId`'s network namespace) with all its networks: in the
 * create call itself when the engine allows (one round trip), else the first there and the others
 * connected after it.
 */
export async function create(ctx: OpsContext, d: DesiredContainer, name: string, mainId?: string): Promise<string> {
  const options = { ...d.options, name };
  if (d.joins && mainId) options.HostConfig = { ...options.HostConfig, NetworkMode: `container:${mainId}` };
  const inCreate = ctx.multiEndpoint === true && d.moreNetworks.length > 0;
  if (inCreate) {
    const endpoints = { ...options.NetworkingConfig?.EndpointsConfig };
    for (const n of d.moreNetworks) endpoints[n.name] = { Aliases: n.aliases };
    options.NetworkingConfig = { EndpointsConfig: endpoints };
  }
  let id: string;
  try {
    id = (await ctx.docker.createContainer(options)).id;
  } catch (e) {
    if (statusOf(e) === 409)
      throw new EngineFailure({
        code: 'NOT_OWNED',
        message: `A container named "${name}" exists and is not part of this deployment: ${engineMessage(e)}`,
        hint: 'Remove or rename it, or deploy under another project name.',
        elementId: d.elementId,
      });
    throw fail(ctx, e, `Creating ${name}`, d.elementId);
  }
  if (inCreate) return id;
  try {
    for (const n of d.moreNetworks) await ctx.docker.getNetwork(n.name).connect({ Container: id, EndpointConfig: { Aliases: n.aliases } });
  } catch (e) {
    throw fail(ctx, e, `Connecting ${name} to its networks`, d.elementId);
  }
  return id;
}

/**
 * After an engine crash, containerd may still hold a task of a container the restarted engine
 * believes stopped: starting it fails ("task …: already exists", "id already in use"). A short
 * retry rides out a cleanup in progress; if the task stays, the caller replaces the container.
 */
const STALE_TASK = /already exists|id already in use/;
const STALE_RETRIES = 3;

export const isStaleTask = (e: unknown): boolean =>
  e instanceof EngineFailure && e.error.code === 'ENGINE_ERROR' && STALE_TASK.test(e.error.message);

export async function start(ctx: OpsContext, d: DesiredContainer, id: string, name: string): Promise<void> {
  const publishes = Object.keys(d.options.HostConfig?.PortBindings ?? {}).length > 0;
  const run = () => ctx.docker.getContainer(id).start();
  for (let attempt = 1; ; attempt++) {
    try {
      await (publishes ? ctx.startLock.run(run) : run());
      return;
    } catch (e) {
      if (attempt < STALE_RETRIES && statusOf(e) !== 304 && STALE_TASK.test(engineMessage(e))) {
        await new Promise((r) => setTimeout(r, 200 * attempt));
        continue;
      }
      return startFailed(ctx, d, name, e);
    }
  }
}

/** A start that failed for good, as data: PORT_IN_USE naming service and port, else the engine's words. */
function startFailed(ctx: OpsContext, d: DesiredContainer, name: string, e: unknown): void {
  if (statusOf(e) === 304) return; // already running
  if (isUnreachable(e)) throw new EngineFailure(unreachable(e, ctx.endpoint));
  const message = engineMessage(e);
  const port = portInUse(message);
  if (port !== undefined) {
    const known = ctx.publishes(d.service).map(String);
    const which = known.includes(port) ? port : known.join(', ') || port;
    throw new EngineFailure({
      code: 'PORT_IN_USE',
      message: `Service "${d.service}" cannot publish host port ${which}: it is already in use (${message}).`,
      hint: `Stop what listens on port ${which}, or publish ${d.service} on another host port.`,
      elementId: ctx.serviceElement(d.service),
    });
  }
  throw new EngineFailure({
    code: 'ENGINE_ERROR',
    message: `Starting ${name} (service "${d.service}"): ${message}`,
    elementId: d.elementId,
  });
}

/** Runs an init container to its end; anything but exit 0 stops the pod from starting. */
export async function runToCompletion(ctx: OpsContext, d: DesiredContainer, id: string, name: string): Promise<void> {
  await start(ctx, d, id, name);
  let code: number;
  try {
    code = ((await ctx.docker.getContainer(id).wait()) as { StatusCode: number }).StatusCode;
  } catch (e) {
    throw fail(ctx, e, `Waiting for init container ${name}`, d.elementId);
  }
  if (code !== 0) {
    const error: EngineError = {
      code: 'CONTAINER_EXITED',
      message: `Init container "${d.container}" of service "${d.service}" exited with code ${code}; the service is not started.`,
      elementId: d.elementId,
      exitCode: code,
      logTail: await logTail(ctx.docker, id),
    };
    throw new EngineFailure(error);
  }
}

/**
 * What a stop is about to do, for progress: the engine sends SIGTERM and waits up to the timeout
 * before it kills, so a process that ignores SIGTERM holds the run that long — said before, not
 * left as an unexplained pause.
 */
export const stoppingWords = (name: string, timeoutSeconds: number): string =>
  `stopping ${name} (waits up to ${timeoutSeconds} s for it to exit)`;

/** Whether a container in this state has a process to stop (the stop then waits for it). */
export const stopWaits = (state: string | undefined): boolean => state === 'running' || state === 'restarting' || state === 'paused';

/** Stops (grace period, then SIGKILL by the engine) and removes; a container already gone is fine. */
export async function remove(ctx: OpsContext, id: string, name: string): Promise<void> {
  const c = ctx.docker.getContainer(id);
  try {
    await c.stop({ t: ctx.stopTimeoutSeconds });
  } catch (e) {
    const s = statusOf(e);
    if (s !== 304 && s !== 404) throw fail(ctx, e, `Stopping ${name}`);
  }
  try {
    await c.remove({ force: true });
  } catch (e) {
    if (statusOf(e) !== 404) throw fail(ctx, e, `Removing ${name}`);
  }
}

/**
 * Compose's recreate, in two halves: the new container is created under a temporary name
 * (`temporaryName`, ahead of the service's turn), then `replace` removes the old one and gives the
 * new one the canonical name. If the backend dies in between, the next plan sees two containers
 * in one slot and removes the one without the canonical name. This is the temporary name.
 */
export const temporaryName = (d: DesiredContainer, oldId: string): string => `${oldId.slice(0, 12)}_${d.name}`;

/** The second half of a recreate: remove the old container, give the new one the canonical name. */
export async function replace(ctx: OpsContext, d: DesiredContainer, oldId: string, id: string): Promise<void> {
  const tmp = temporaryName(d, oldId);
  await remove(ctx, oldId, d.name);
  try {
    await ctx.docker.getContainer(id).rename({ name: d.name });
  } catch (e) {
    throw fail(ctx, e, `Renaming ${tmp} to ${d.name}`, d.elementId);
  }
}
