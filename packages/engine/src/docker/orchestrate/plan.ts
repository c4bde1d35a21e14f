import type { Blueprint, Rollout } from '@blaupause/model';
import type { DesiredContainer, DesiredService } from '../desired';
import { renumber } from './clone';
import type { Next } from './swap';

/** The rollout settings the orchestrator reads from a service of the blueprint (model: Service.rollout). */
export interface Strategy {
  strategy: 'recreate' | 'rolling' | 'canary';
  order: 'start-first' | 'stop-first';
  /** Replicas swapped at once. */
  parallelism: number;
  monitor?: string | undefined;
  canary?: Rollout['canary'];
}

/**
 * start-first unless the blueprint says stop-first or the service publishes host ports (two
 * containers cannot bind one host port); parallelism is maxSurge for start-first (new replicas
 * beside the old) and maxUnavailable for stop-first (replicas down at once); at least 1.
 */
export function strategyOf(blueprint: Blueprint | undefined, service: string, main: DesiredContainer | undefined): Strategy {
  const r = blueprint?.services[service]?.rollout;
  const order = r?.order === 'stop-first' || (main && publishes(main)) ? 'stop-first' : 'start-first';
  const parallelism = Math.max(1, (order === 'start-first' ? r?.maxSurge : r?.maxUnavailable) ?? 1);
  return { strategy: r?.strategy ?? 'rolling', order, parallelism, monitor: r?.monitor, canary: r?.canary };
}

export function publishes(d: DesiredContainer): boolean {
  const b = (d.options.HostConfig?.PortBindings ?? {}) as Record<string, { HostPort?: string }[]>;
  return Object.values(b).some((l) => l.some((x) => x.HostPort !== undefined && x.HostPort !== ''));
}

/** The desired pod of replica `n` (any replica number: the recipe is the same for all, only names differ). */
export function nextFor(s: DesiredService, project: string, n: number): Next | undefined {
  const main = s.mains.find((m) => m.replica === n) ?? s.mains[0];
  if (!main) return undefined;
  const helpers = s.helpers.filter((h) => h.replica === main.replica);
  return main.replica === n
    ? { main, helpers }
    : { main: renumber(main, project, n), helpers: helpers.map((h) => renumber(h, project, n)) };
}
