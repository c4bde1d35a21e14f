import type { DesiredService } from './desired';

/**
 * Which ready service starts first when more are ready than may start at once (critical path
 * first, "highest level first" list scheduling): a service's rank is the longest chain of
 * dependants hanging on it, in estimated milliseconds — each dependant's own start, plus, for a
 * `healthy` link, the time until the target's first health probe (its healthcheck interval; the
 * engine probes first one interval after the start). The head of a chain of healthy links thus
 * goes before independent services queued earlier, which only delay what waits on them.
 * Only the order among ready services changes: every link's condition still holds before its
 * dependant starts.
 */

/** A container start's cost for the estimate (a few hundred ms on a small host; only the ratio to intervals matters). */
export const START_ESTIMATE_MS = 300;
/** The engine's healthcheck interval when none is set. */
const DEFAULT_INTERVAL_MS = 30_000;

/** Rank per service name; `services` in start order (a service after every service it links to). */
export function startRanks(services: readonly DesiredService[]): Map<string, number> {
  const byName = new Map(services.map((s) => [s.name, s]));
  const dependants = new Map<string, { service: string; condition: string }[]>();
  for (const s of services)
    for (const l of s.links) dependants.set(l.target, [...(dependants.get(l.target) ?? []), { service: s.name, condition: l.condition }]);
  const rank = new Map<string, number>();
  // Reverse start order: every dependant is ranked before the services it waits for.
  for (const s of [...services].reverse()) {
    let r = 0;
    for (const d of dependants.get(s.name) ?? []) {
      const wait = d.condition === 'healthy' ? firstProbeMs(byName.get(s.name)) : 0;
      r = Math.max(r, wait + START_ESTIMATE_MS + (rank.get(d.service) ?? 0));
    }
    rank.set(s.name, r);
  }
  return rank;
}

function firstProbeMs(s: DesiredService | undefined): number {
  const ns = s?.mains[0]?.options.Healthcheck?.Interval;
  return ns && ns > 0 ? ns / 1e6 : DEFAULT_INTERVAL_MS;
}
