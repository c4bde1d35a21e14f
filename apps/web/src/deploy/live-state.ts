import type { ContainerState, ContainerStats, ContainerStatus, StatusEvent } from './api-types';

/**
 * What the canvas knows about the running deployment, fed only by the status stream (never
 * polled). Pure functions over plain data, so the reducer and the per-service summary are tested
 * without a browser.
 */
export interface LiveState {
  /** `off`: no status stream (no backend, or not asked); `reconnecting`: it was live and dropped. */
  stream: 'off' | 'connecting' | 'live' | 'reconnecting';
  /** The engine as the server last reported it; undefined before the first event. */
  engine: boolean | undefined;
  engineMessage?: string;
  project: string | undefined;
  /**
   * By `service/container/replica#id`: the orchestrator runs two containers in one slot for a while
   * (a new replica beside the old, an old one set aside during a canary), and the removal of one
   * must not drop the other. Removed containers are dropped.
   */
  containers: Record<string, ContainerStatus>;
  /**
   * Restarts seen on the stream per container (same keys): an exited container that runs again
   * under its own id. The engine's RestartCount counts only its restart policy's restarts; the
   * auto-healing supervisor starts a dead container itself, which the engine does not count.
   */
  restartsSeen?: Record<string, number>;
  /** Latest sample per container (elementId#replica), and per service a short history of their sums. */
  samples?: Record<string, ContainerStats>;
  usage?: Record<string, UsagePoint[]>;
}

export interface UsagePoint {
  at: number;
  cpuPercent: number;
  memoryBytes: number;
}

/** About half a minute at the engine's 1 Hz sampling. */
export const USAGE_POINTS = 30;

export const EMPTY_LIVE: LiveState = { stream: 'off', engine: undefined, project: undefined, containers: {} };

const slot = (c: ContainerStatus) => `${c.service}/${c.container}/${c.replica}`;
const key = (c: ContainerStatus) => (c.id ? `${slot(c)}#${c.id}` : slot(c));

export function reduceStatus(state: LiveState, event: StatusEvent): LiveState {
  switch (event.kind) {
    case 'snapshot': {
      // A snapshot is the whole truth (sent on every (re)connect): nothing from before survives it.
      const containers: Record<string, ContainerStatus> = {};
      for (const c of event.containers) if (c.state !== 'removed') containers[key(c)] = c;
      const restartsSeen = Object.fromEntries(Object.entries(state.restartsSeen ?? {}).filter(([k]) => k in containers));
      return { ...state, engine: true, containers, restartsSeen };
    }
    case 'change': {
      const k = key(event.status);
      const before = state.containers[k];
      // Events can overtake each other on the wire; the engine's time decides.
      if (before && before.at > event.status.at) return state;
      const containers = { ...state.containers };
      // A status without an id (before the engine made the container) gives way to the container.
      if (event.status.id) delete containers[slot(event.status)];
      if (event.status.state !== 'removed') {
        containers[k] = event.status;
        // The same container up again after it exited: a restart (by the engine or the supervisor).
        const again = before?.state === 'exited' && UP.has(event.status.state);
        return again
          ? { ...state, containers, restartsSeen: { ...state.restartsSeen, [k]: (state.restartsSeen?.[k] ?? 0) + 1 } }
          : { ...state, containers };
      }
      delete containers[k];
      // A removed container's last sample must not count in its service's sums any more.
      const samples = { ...state.samples };
      delete samples[`${event.status.elementId}#${event.status.replica}`];
      return { ...state, containers, samples };
    }
    case 'engine':
      return { ...state, engine: event.connected, ...(event.message ? { engineMessage: event.message } : { engineMessage: undefined }) };
    case 'stats':
      return withSample(state, event.stats);
    default:
      return state;
  }
}

/**
 * A service's CPU and memory are the sums over its containers. Samples of one second (one per
 * container) fold into one point: a point newer than 800 ms is replaced, not appended.
 */
function withSample(state: LiveState, stats: ContainerStats): LiveState {
  const service = /^container:([^/]+)\//.exec(stats.elementId)?.[1];
  if (!service) return state;
  const samples = { ...state.samples, [`${stats.elementId}#${stats.replica}`]: stats };
  let cpuPercent = 0;
  let memoryBytes = 0;
  for (const s of Object.values(samples))
    if (s.elementId.startsWith(`container:${service}/`)) {
      cpuPercent += s.cpuPercent;
      memoryBytes += s.memoryBytes;
    }
  const history = state.usage?.[service] ?? [];
  const last = history.at(-1);
  const point = { at: stats.at, cpuPercent, memoryBytes };
  const next = last && stats.at - last.at < 800 ? [...history.slice(0, -1), point] : [...history, point].slice(-USAGE_POINTS);
  return { ...state, samples, usage: { ...state.usage, [service]: next } };
}

/** Worst first: a service shows the state of its most troubled container. */
const RANK: ContainerState[] = [
  'crash-looping',
  'exited',
  'unhealthy',
  'restarting',
  'pending',
  'creating',
  'starting',
  'running',
  'healthy',
  'removed',
];

export interface ServiceLive {
  state: ContainerState;
  /** Text shown beside the colour (state, with the exit code when there is one). */
  label: string;
  health: 'healthy' | 'unhealthy' | undefined;
  running: number;
  desired: number;
  /** Restarts of its containers: the engine's count or, when more, those seen on the stream (auto-healing). */
  restarts: number;
  /** The exit code before the latest restart, when a container restarted. */
  lastExit?: number;
  message?: string;
}

const RUNNING: ReadonlySet<ContainerState> = new Set(['running', 'healthy', 'unhealthy']);
const UP: ReadonlySet<ContainerState> = new Set(['starting', 'running', 'healthy', 'unhealthy']);

/** One service's live summary, or undefined when the engine has no container of it. */
export function serviceLive(state: LiveState, service: string, desired: number): ServiceLive | undefined {
  // One container per slot: of two (a new replica beside its old one), the one doing better.
  const slots = new Map<string, ContainerStatus>();
  for (const c of Object.values(state.containers)) {
    if (c.service !== service) continue;
    const other = slots.get(slot(c));
    if (!other || RANK.indexOf(c.state) > RANK.indexOf(other.state)) slots.set(slot(c), c);
  }
  const mine = [...slots.values()];
  if (mine.length === 0) return undefined;
  const restartsOf = (c: ContainerStatus) => Math.max(c.restarts, state.restartsSeen?.[key(c)] ?? 0);
  const restarted = mine.filter((c) => restartsOf(c) > 0 && c.exitCode !== undefined).sort((a, b) => b.at - a.at)[0];
  const worst = mine.reduce((a, b) => (RANK.indexOf(b.state) < RANK.indexOf(a.state) ? b : a));
  const replicas = new Map<number, boolean>();
  for (const c of mine) replicas.set(c.replica, (replicas.get(c.replica) ?? true) && RUNNING.has(c.state));
  const health = mine.some((c) => c.state === 'unhealthy') ? 'unhealthy' : mine.some((c) => c.state === 'healthy') ? 'healthy' : undefined;
  return {
    state: worst.state,
    label:
      worst.exitCode !== undefined && (worst.state === 'exited' || worst.state === 'crash-looping')
        ? `${worst.state} (${worst.exitCode})`
        : worst.state,
    health,
    running: [...replicas.values()].filter(Boolean).length,
    desired,
    restarts: mine.reduce((n, c) => n + restartsOf(c), 0),
    ...(restarted?.exitCode !== undefined ? { lastExit: restarted.exitCode } : {}),
    ...(worst.message ? { message: worst.message } : {}),
  };
}

/**
 * A crash loop in words on the node: how often it restarted (by the engine's restart policy or the
 * auto-healing supervisor) and the exit code before the last restart — "↻ 3× · exit 1".
 */
export function restartWords(restarts: number, lastExit: number | undefined): { short: string; long: string } | undefined {
  if (restarts <= 0) return undefined;
  const times = `${restarts} time${restarts === 1 ? '' : 's'}`;
  return lastExit === undefined
    ? { short: `↻ ${restarts}×`, long: `restarted ${times}` }
    : { short: `↻ ${restarts}× · exit ${lastExit}`, long: `restarted ${times}, last exit code ${lastExit}` };
}

/** Published host ports of a service ("127.0.0.1:8080->80/tcp"), for links in the deploy panel. */
export function publishedPorts(state: LiveState): { service: string; port: string }[] {
  const seen = new Set<string>();
  const out: { service: string; port: string }[] = [];
  for (const c of Object.values(state.containers))
    for (const p of c.ports)
      if (!seen.has(p)) {
        seen.add(p);
        out.push({ service: c.service, port: p });
      }
  return out.sort((a, b) => a.service.localeCompare(b.service) || a.port.localeCompare(b.port));
}

/** A toast for a change that is a failure the user should see even with the node off screen. */
export function failureOf(before: ContainerStatus | undefined, after: ContainerStatus): string | undefined {
  const bad = after.state === 'crash-looping' || (after.state === 'exited' && after.exitCode !== 0) || after.state === 'unhealthy';
  if (!bad || before?.state === after.state) return undefined;
  const what = `${after.service}/${after.container}${after.replica > 1 ? ` #${after.replica}` : ''}`;
  const code = after.exitCode !== undefined ? ` (exit ${after.exitCode})` : '';
  return `${what} is ${after.state}${code}${after.restarts ? `, ${after.restarts} restarts` : ''}`;
}

export function containerKey(c: ContainerStatus): string {
  return key(c);
}
