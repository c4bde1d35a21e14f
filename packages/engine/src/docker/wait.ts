import type Docker from 'dockerode';
import type { EngineError } from '../types';
import type { DesiredLink } from './desired';
import { EngineFailure, isUnreachable, unreachable } from './errors';
import { logTail } from './logs-tail';
import { type ChangeFeed, POLLING, SAFETY_POLL_MS } from './project-events';

/**
 * A dependant waits until its link's condition holds on every replica of the target's main
 * container: `started` (has been started), `healthy` (health status healthy), `completed`
 * (exited 0). Checked by inspect, again whenever the engine reports an event of a pending
 * container (`feed`: start, die, health status…), else every `pollMs` (Compose polls, 500 ms
 * there); a dead end (unhealthy, exited, no healthcheck) fails at once, and the timeout names the
 * dependency.
 */
export interface WaitTarget {
  /** Engine ids of the target service's main containers. */
  ids: string[];
  names: string[];
}

const NEVER_STARTED = '0001-01-01T00:00:00Z';

export async function waitFor(
  docker: Docker,
  endpoint: string,
  dependant: string,
  link: DesiredLink,
  target: WaitTarget,
  signal?: AbortSignal,
  pollMs = 250,
  feed: ChangeFeed = POLLING,
): Promise<void> {
  const deadline = Date.now() + link.timeoutMs;
  const pending = new Map(target.ids.map((id, i) => [id, target.names[i] ?? id]));
  while (pending.size > 0) {
    if (signal?.aborted)
      throw new EngineFailure({ code: 'CANCELLED', message: `Deploy cancelled while ${dependant} waited for ${link.target}.` });
    // Versions before the inspects: an event landing between an inspect and the wait still wakes it.
    const since = new Map([...pending.keys()].map((id) => [id, feed.version(id)]));
    for (const [id, name] of [...pending]) {
      let info: Docker.ContainerInspectInfo;
      try {
        info = await docker.getContainer(id).inspect();
      } catch (e) {
        if (isUnreachable(e)) throw new EngineFailure(unreachable(e, endpoint));
        throw await failure(docker, link, dependant, id, `container ${name} is gone`);
      }
      const verdict = check(link.condition, info);
      if (verdict === 'ok') pending.delete(id);
      else if (verdict !== 'wait') throw await failure(docker, link, dependant, id, `container ${name} ${verdict}`, info.State.ExitCode);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline)
      throw new EngineFailure({
        code: 'DEPENDENCY_TIMEOUT',
        message: `Service "${dependant}" waited ${Math.round(link.timeoutMs / 1000)} s for "${link.target}" to be ${link.condition}: ${[...pending.values()].join(', ')} never was.`,
        hint:
          link.condition === 'healthy'
            ? `Check ${link.target}'s healthcheck and logs, or raise the link's timeout.`
            : `Check ${link.target}'s logs.`,
        elementId: link.elementId,
      });
    for (const id of [...since.keys()]) if (!pending.has(id)) since.delete(id);
    // Live stream: sleep until an event of a pending container or the deadline (bounded by a safety poll).
    await feed.changed(since, feed.live ? Math.min(SAFETY_POLL_MS, deadline - Date.now() + 1) : pollMs, signal);
  }
}

/** 'ok', 'wait', or why the condition can never hold. */
export function check(condition: DesiredLink['condition'], info: Docker.ContainerInspectInfo): 'ok' | 'wait' | string {
  const s = info.State;
  if (condition === 'completed') {
    if (s.Status === 'exited') return s.ExitCode === 0 ? 'ok' : `exited (${s.ExitCode})`;
    return s.Status === 'dead' ? 'is dead' : 'wait';
  }
  if (condition === 'started') {
    if (s.Running || s.Status === 'exited' || s.Restarting) return s.StartedAt && s.StartedAt !== NEVER_STARTED ? 'ok' : 'wait';
    return s.Status === 'dead' ? 'is dead' : 'wait';
  }
  if (!info.Config.Healthcheck?.Test || info.Config.Healthcheck.Test[0] === 'NONE') return 'has no healthcheck';
  if (s.Status === 'exited' || s.Status === 'dead') return `exited (${s.ExitCode})`;
  const health = s.Health?.Status;
  if (health === 'healthy') return 'ok';
  if (health === 'unhealthy') return 'is unhealthy';
  return 'wait';
}

async function failure(
  docker: Docker,
  link: DesiredLink,
  dependant: string,
  id: string,
  what: string,
  exitCode?: number,
): Promise<EngineFailure> {
  const error: EngineError = {
    code: 'DEPENDENCY_FAILED',
    message: `Service "${dependant}" cannot start: dependency "${link.target}" failed, ${what}.`,
    elementId: link.elementId,
    logTail: await logTail(docker, id),
    ...(exitCode !== undefined && what.startsWith('exited') ? { exitCode } : {}),
  };
  return new EngineFailure(error);
}
