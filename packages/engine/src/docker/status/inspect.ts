import type Dockerode from 'dockerode';
import type { ContainerState } from '../../types';
import { identityOf } from './identity';
import { CRASH_LOOP, type Facts, runningState, type Tracked } from './state';
import { nsToMs, parseEngineTime } from './time';

/** The parts of `GET /containers/{id}/json` we read (dockerode's type is looser than the API). */
export interface InspectInfo {
  Id: string;
  Created?: string;
  RestartCount?: number;
  Config?: { Image?: string; Labels?: Record<string, string>; Healthcheck?: { Test?: string[] } };
  HostConfig?: { RestartPolicy?: { Name?: string; MaximumRetryCount?: number }; AutoRemove?: boolean };
  State?: {
    Status?: string;
    Running?: boolean;
    Restarting?: boolean;
    ExitCode?: number;
    OOMKilled?: boolean;
    StartedAt?: string;
    FinishedAt?: string;
    Health?: { Status?: string; Log?: { End?: string }[] };
  };
  NetworkSettings?: { Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null };
}

/** Inspect, or undefined when the container is already gone (a 404 is an answer, not a failure). */
export async function inspect(docker: Dockerode, id: string, signal?: AbortSignal): Promise<InspectInfo | undefined> {
  try {
    return (await docker.getContainer(id).inspect({ abortSignal: signal } as object)) as InspectInfo;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw e;
  }
}

export function factsOf(info: InspectInfo): Facts {
  const health = info.State?.Health?.Status;
  return {
    restartCount: info.RestartCount ?? 0,
    restarting: info.State?.Restarting === true,
    running: info.State?.Running === true,
    hasHealthcheck: hasHealthcheck(info),
    health: health === 'starting' || health === 'healthy' || health === 'unhealthy' ? health : undefined,
    ports: portsOf(info),
    image: info.Config?.Image,
    policy: {
      name: info.HostConfig?.RestartPolicy?.Name || 'no',
      max: info.HostConfig?.RestartPolicy?.MaximumRetryCount ?? 0,
      autoRemove: info.HostConfig?.AutoRemove === true,
    },
  };
}

/** "127.0.0.1:8080->80/tcp", as `docker ps` prints published ports; unpublished ports are left out. */
export function portsOf(info: InspectInfo): string[] {
  const out: string[] = [];
  for (const [port, bindings] of Object.entries(info.NetworkSettings?.Ports ?? {})) {
    for (const b of bindings ?? []) if (b.HostPort) out.push(`${b.HostIp || '0.0.0.0'}:${b.HostPort}->${port}`);
  }
  return out.sort();
}

/**
 * A snapshot entry: the container as the engine shows it now, plus how far that view reaches.
 * `now`: the engine's clock (ns) at the snapshot, to tell a fresh restart of a looping container.
 */
export function trackedOf(info: InspectInfo, now = 0): Tracked {
  const facts = factsOf(info);
  const st = info.State ?? {};
  const started = parseEngineTime(st.StartedAt);
  const finished = parseEngineTime(st.FinishedAt);
  const lastHealth = parseEngineTime(info.State?.Health?.Log?.at(-1)?.End);
  const watermark = Math.max(parseEngineTime(info.Created), started, finished, lastHealth);
  const { state, looping } = stateOf(info, facts, started, finished, now);
  const exited = state === 'exited' || state === 'restarting' || (state === 'crash-looping' && !st.Running);
  return {
    status: {
      ...identityOf(info.Config?.Labels),
      id: info.Id,
      state,
      exitCode: exited ? st.ExitCode : undefined,
      restarts: facts.restartCount,
      image: facts.image ?? '',
      ports: facts.ports,
      at: nsToMs(watermark),
      message: exited ? `${st.OOMKilled ? 'out of memory; ' : ''}exited with code ${st.ExitCode ?? '?'}` : undefined,
    },
    hasHealthcheck: facts.hasHealthcheck,
    policy: facts.policy,
    killed: false,
    seq: 0,
    // Seed the crash window so the next die keeps (or starts) the loop verdict without waiting.
    dies: looping ? Array(CRASH_LOOP.dies).fill(finished) : st.Restarting ? [finished] : [],
    oom: false,
    watermark,
    startedAt: started,
  };
}

function stateOf(
  info: InspectInfo,
  facts: Facts,
  started: number,
  finished: number,
  now: number,
): { state: ContainerState; looping: boolean } {
  // Without its event history, a container that keeps restarting after short runs is looping:
  // caught in back-off, or just restarted once more and not yet up as long as a back-off reset.
  const shortRuns = facts.restartCount >= CRASH_LOOP.dies && finished > 0 && started - finished < CRASH_LOOP.windowNs;
  switch (info.State?.Status) {
    case 'created':
      // Created, never started: deploys create every container first and start them in link
      // order, so one whose dependency failed stays here — waiting, not being created.
      return { state: 'pending', looping: false };
    case 'running':
    case 'paused': {
      const looping = shortRuns && now > 0 && now - started < CRASH_LOOP.settleNs;
      return { state: looping ? 'crash-looping' : runningState(facts.hasHealthcheck, facts.health), looping };
    }
    case 'restarting': {
      const looping = facts.restartCount >= CRASH_LOOP.dies && finished - started < CRASH_LOOP.settleNs;
      return { state: looping ? 'crash-looping' : 'restarting', looping };
    }
    case 'removing':
      return { state: 'removed', looping: false };
    default:
      return { state: 'exited', looping: false };
  }
}

function hasHealthcheck(info: InspectInfo): boolean {
  if (info.State?.Health) return true;
  const test = info.Config?.Healthcheck?.Test;
  return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE';
}
