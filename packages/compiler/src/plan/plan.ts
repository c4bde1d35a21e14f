import type { Blueprint, Container, Link, Service } from '@blaupause/model';
import { elementId } from '@blaupause/model';
import { Derived } from '../derived';

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
  /**
   * The value of the link's connection variable, `<protocol>://<target>:<port>`, when it asks
   * for one and has a port: made once here, read by every target.
   */
  url?: string | undefined;
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
  const planned = new Map<string, PlannedService>();
  for (const n of names) planned.set(n, make(n));
  const ordered = plannedOrder(names, planned);
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
  // One pass over the containers in document order (for-in over the parsed plain object): the
  // first main container, then helpers and inits in order (a second main is neither).
  let main: PlannedContainer | undefined;
  const helpers: PlannedContainer[] = [];
  const inits: PlannedContainer[] = [];
  for (const c in service.containers) {
    const pc: PlannedContainer = { name: c, container: service.containers[c] as Container, elementId: containerIds.get(name, c) };
    const role = pc.container.role;
    if (role === 'main') main ??= pc;
    else if (role === 'init') inits.push(pc);
    else helpers.push(pc);
  }
  const links: ResolvedLink[] = [];
  const declared = service.links ?? [];
  for (let index = 0; index < declared.length; index++) {
    const link = declared[index] as Link;
    const target = bp.services[link.to];
    if (!target || link.to === name) continue;
    const port = link.port ?? target.ports?.[0]?.port;
    const id = elementId.link(name, link.to);
    const url = port === undefined || link.env === undefined ? undefined : linkUrl(link.protocol ?? 'tcp', link.to, port);
    links.push(
      port === undefined ? { link, index, target: link.to, elementId: id } : { link, index, target: link.to, port, url, elementId: id },
    );
  }
  const planned: PlannedService = {
    name,
    service,
    elementId: elementId.service(name),
    helpers,
    inits,
    links,
    networks: networksOf(service),
  };
  if (main) planned.main = main;
  return planned;
}

/** Element ids of containers and link URLs, the same strings from compile to compile (see derived.ts). */
const containerIds = new Derived<string, string>(elementId.container);
const urls = new Map<string, Derived<string, number>>();

function linkUrl(protocol: string, to: string, port: number): string {
  let byProtocol = urls.get(protocol);
  if (byProtocol === undefined) {
    byProtocol = new Derived<string, number>((target, p) => `${protocol}://${target}:${p}`);
    urls.set(protocol, byProtocol);
  }
  return byProtocol.get(to, port);
}

const networksOf = (service: Service): string[] => (service.networks?.length ? [...service.networks] : [DEFAULT_NETWORK]);

/** startOrder() over the planned services, reading each one's links in place (no name lists are built). */
function plannedOrder(names: readonly string[], planned: ReadonlyMap<string, PlannedService>): PlannedService[] {
  const roots = names.map((n) => planned.get(n) as PlannedService);
  return depthFirst(
    roots,
    (s) => s.links,
    (l: ResolvedLink) => planned.get(l.target),
    (s) => s.name,
  );
}

/**
 * Depth-first topological order that keeps document order among independent services.
 * Iterative, so a chain of thousands of links cannot overflow the stack; cycles (reported by
 * validation) are cut where they close.
 */
export function startOrder(names: readonly string[], deps: (n: string) => readonly string[]): string[] {
  const known = new Set(names);
  return depthFirst(
    names,
    deps,
    (d: string) => (known.has(d) ? d : undefined),
    (n) => n,
  );
}

/** The order of startOrder() over any nodes: `resolve` turns an edge into its node (undefined: unknown, skipped). */
function depthFirst<T, E>(
  roots: readonly T[],
  edges: (t: T) => readonly E[],
  resolve: (e: E) => T | undefined,
  name: (t: T) => string,
): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  const stack: { node: T; edges: readonly E[]; next: number }[] = [];
  for (const root of roots) {
    if (seen.has(name(root))) continue;
    seen.add(name(root));
    stack.push({ node: root, edges: edges(root), next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      if (top.next >= top.edges.length) {
        stack.pop();
        out.push(top.node);
        continue;
      }
      const d = resolve(top.edges[top.next++] as E);
      if (d !== undefined && !seen.has(name(d))) {
        seen.add(name(d));
        stack.push({ node: d, edges: edges(d), next: 0 });
      }
    }
  }
  return out;
}
