import type { Blueprint, Service } from '@blaupause/model';
import type { PlannedService, PlanReuse } from '../plan/plan';
import { sameKey } from './memo';

/**
 * Planned services kept between incremental compiles: a service is planned again only when its
 * definition or one of its links' targets is a different object (a link reads the target's ports).
 */
export class PlanCache {
  private readonly kept = new Map<string, { key: unknown[]; planned: PlannedService }>();

  readonly reuse: PlanReuse = (bp, name, planService) => {
    const service = bp.services[name] as Service;
    const key = inputs(bp, service);
    const hit = this.kept.get(name);
    if (hit && sameKey(hit.key, key)) return hit.planned;
    const planned = planService(bp, name, service);
    this.kept.set(name, { key, planned });
    return planned;
  };

  /** Forgets services that are gone (called after each plan with the current names). */
  prune(bp: Blueprint): void {
    if (this.kept.size <= Object.keys(bp.services).length) return;
    for (const name of this.kept.keys()) if (!(name in bp.services)) this.kept.delete(name);
  }
}

function inputs(bp: Blueprint, service: Service): unknown[] {
  const key: unknown[] = [service];
  for (const l of service.links ?? []) key.push(bp.services[l.to]);
  return key;
}
