import type { Blueprint, Container, Link, Service } from '@blaupause/model';
import { elementId } from '@blaupause/model';

/**
 * The target-neutral plan: the blueprint with every reference resolved and the pods taken
 * apart by role, in start order. Emitters read this shape only; they never re-derive it.
 */
export interface PlannedContainer {
  name: string;
  container: Container;
  elementId: string;
}

export interface ResolvedLink {
  link: Link;
  /** Index in the service's links list (its path is services.<name>.links.<index>). */
  index: number;
  target: string;
  /** The port used: the link's own, else the target's first port; undefined if neither exists. */
  port?: number;
  elementId: string;
}

export interface PlannedService {
  name: string;
  service: Service;
  elementId: string;
  /** Undefined only for an invalid pod (validation reports NO_MAIN_CONTAINER). */
  main?: PlannedContainer;
  /** sidecar, ambassador and adapter containers, in document order. */
  helpers: PlannedContainer[];
  inits: PlannedContainer[];
  /** Links whose target exists (dangling ones are reported by validation and left out). */
  links: ResolvedLink[];
  /** Networks joined; ['default'] when the service names none. */
  networks: string[];
}

export interface Plan {
  blueprint: Blueprint;
  project: string;
  /** Services in start order: a service comes after every service it links to (cycles: document order). */
  services: PlannedService[];
  /** Whether any service uses the implicit default network. */
  usesDefaultNetwork: boolean;
}

export const DEFAULT_NETWORK = 'default';

/**
 * Plans a blueprint. `reuse`, given by the incremental compiler, may return a service planned
 * earlier when its inputs (its definition and its links' targets) are the same objects.
 */
export function plan(blueprint: Blueprint, reuse?: PlanReuse): Plan {
  const names = Object.keys(blueprint.services);
  const make = reuse
    ? (n: string) => reuse(blueprint, n, planService)
    : (n: string) => planService(blueprint, n, blueprint.services[n] as Service);
  const planned = new Map(names.map((n) => [n, make(n)]));
  const ordered = startOrder(names, (n) => planned.get(n)?.links.map((l) => l.target) ?? []).map((n) => planned.get(n) as PlannedService);
  return {
    blueprint,
    project: blueprint.metadata.name,
    services: ordered,
    usesDefaultNetwork: ordered.some((s) => s.networks.includes(DEFAULT_NETWORK)),
  };
}

export type PlanReuse = (
  bp: Blueprint,
  name: string,
  planService: (bp: Blueprint, name: string, service: Service) => PlannedService,
) => PlannedService;

function planService(bp: Blueprint, name: string, service: Service): PlannedService {
  const containers = Object.entries(service.containers).map(([c, container]) => ({
    name: c,
    container,
    elementId: elementId.container(name, c),
  }));
  const links: ResolvedLink[] = [];
  (service.links ?? []).forEach((link, index) => {
    const target = bp.services[link.to];
    if (!target || link.to === name) return;
    const port = link.port ?? target.ports?.[0]?.port;
    links.push({ link, index, target: link.to, ...(port !== undefined ? { port } : {}), elementId: elementId.link(name, link.to) });
  });
  const main = containers.find((c) => c.container.role === 'main');
  return {
    name,
    service,
    elementId: elementId.service(name),
    ...(main ? { main } : {}),
    helpers: containers.filter((c) => c.container.role !== 'main' && c.container.role !== 'init'),
    inits: containers.filter((c) => c.container.role === 'init'),
    links,
    networks: service.networks?.length ? [...service.networks] : [DEFAULT_NETWORK],
  };
}

/**
 * Depth-first topological order that keeps document order among independent services.
 * Iterative, so a chain of thousands of links cannot overflow the stack; cycles (reported by
 * validation) are cut where they close.
 */
export function startOrder(names: readonly string[], deps: (n: string) => readonly string[]): string[] {
  const out: string[] = [];
  const known = new Set(names);
  const seen = new Set<string>();
  for (const root of names) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: { name: string; deps: readonly string[]; next: number }[] = [{ name: root, deps: deps(root), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const d = top.deps[top.next++];
      if (d === undefined) {
        stack.pop();
        out.push(top.name);
      } else if (known.has(d) && !seen.has(d)) {
        seen.add(d);
        stack.push({ name: d, deps: deps(d), next: 0 });
      }
    }
  }
  return out;
}
