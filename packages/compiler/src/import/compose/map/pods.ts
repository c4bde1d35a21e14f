import type { ImportContext } from '../context';
import type { CService } from '../types';

/** One blueprint service: a Compose service and the services that share its network namespace. */
export interface Pod {
  root: CService;
  helpers: CService[];
}

/**
 * Phase 4: `network_mode: service:x` puts a service into x's network namespace, which is what a
 * pod is; chains (a joins b joins c) end in one pod. Unknown targets and cycles are reported and
 * the service keeps a pod of its own.
 */
export function groupPods(ctx: ImportContext, services: ReadonlyMap<string, CService>): Pod[] {
  for (const s of services.values()) {
    if (!s.joins || services.has(s.joins.service)) continue;
    ctx.unsupported(s.joins.at, `the service "${s.joins.service}" does not exist; ${s.name} keeps a network of its own.`);
    delete s.joins;
  }
  for (const s of services.values()) breakCycle(ctx, s, services);
  const pods = new Map<string, Pod>();
  for (const s of services.values()) if (!s.joins) pods.set(s.name, { root: s, helpers: [] });
  for (const s of services.values()) if (s.joins) pods.get(rootOf(s, services))?.helpers.push(s);
  return [...pods.values()];
}

function breakCycle(ctx: ImportContext, s: CService, services: ReadonlyMap<string, CService>): void {
  const chain = [s.name];
  let cur = s;
  while (cur.joins) {
    const next = services.get(cur.joins.service) as CService;
    if (next === s) {
      const at = s.joins?.at ?? s.at;
      ctx.error(
        'DEPENDENCY_CYCLE',
        at,
        `network_mode forms a cycle: ${[...chain, s.name].join(' → ')}; no service owns the network.`,
        'Let one of them keep its own network.',
      );
      delete s.joins;
      return;
    }
    if (chain.includes(next.name)) return; // a cycle further on; reported from one of its own members
    chain.push(next.name);
    cur = next;
  }
}

function rootOf(s: CService, services: ReadonlyMap<string, CService>): string {
  let cur = s;
  while (cur.joins) cur = services.get(cur.joins.service) as CService;
  return cur.name;
}
