import type { ContainerState } from '../deploy/api-types';
import type { ServiceLive, UsagePoint } from '../deploy/live-state';

/**
 * The Monitor panel's memory of a service, longer than the node's half-minute sparkline: CPU and
 * memory points (from the status stream's stats), and its state, health and restarts whenever
 * one of them changed. Pure: the store feeds it what the live slice holds.
 */
export interface HealthPoint {
  at: number;
  state: ContainerState;
  health: 'healthy' | 'unhealthy' | undefined;
  running: number;
  desired: number;
  restarts: number;
}

export interface ServiceHistory {
  usage: UsagePoint[];
  health: HealthPoint[];
}

/** Ten minutes at the engine's 1 Hz sampling. */
export const HISTORY_POINTS = 600;
export const HEALTH_POINTS = 200;

export const EMPTY_HISTORY: ServiceHistory = { usage: [], health: [] };

/** Adds the points newer than the last one kept (the live slice's list overlaps what we have). */
export function withUsage(history: ServiceHistory, points: readonly UsagePoint[]): ServiceHistory {
  const last = history.usage.at(-1);
  const newer = last ? points.filter((p) => p.at > last.at) : points;
  // The live slice replaces its newest point within a second: keep its latest value too.
  const replaced = last ? points.find((p) => p.at === last.at && p !== last) : undefined;
  if (newer.length === 0 && !replaced) return history;
  const base = replaced ? [...history.usage.slice(0, -1), replaced] : history.usage;
  return { ...history, usage: [...base, ...newer].slice(-HISTORY_POINTS) };
}

/** Records the service's live summary when its state, health, replica count or restarts changed. */
export function withHealth(history: ServiceHistory, live: ServiceLive | undefined, at: number): ServiceHistory {
  const point: HealthPoint = live
    ? { at, state: live.state, health: live.health, running: live.running, desired: live.desired, restarts: live.restarts }
    : { at, state: 'removed', health: undefined, running: 0, desired: 0, restarts: 0 };
  const last = history.health.at(-1);
  if (!last && !live) return history;
  if (
    last &&
    last.state === point.state &&
    last.health === point.health &&
    last.running === point.running &&
    last.desired === point.desired &&
    last.restarts === point.restarts
  )
    return history;
  return { ...history, health: [...history.health, point].slice(-HEALTH_POINTS) };
}

/** Spans of equal state for the health strip: [from, to) with the state, the last one open to `now`. */
export function healthSpans(points: readonly HealthPoint[], now: number): { from: number; to: number; point: HealthPoint }[] {
  return points.map((p, i) => ({ from: p.at, to: points[i + 1]?.at ?? now, point: p }));
}
