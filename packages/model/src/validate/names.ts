import type { Path } from '../diagnostics/diagnostic';
import { elementId } from '../ids';
import { DNS_LABEL, DNS_LABEL_MAX } from '../schema/common';
import type { Service } from '../schema/service';
import { type Ctx, containersOf, quote } from './context';

/** Kubernetes Service names are DNS-1035 labels: unlike DNS-1123 they must start with a letter. */
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** Kubernetes container port names (IANA service names): at most 15 characters, at least one letter. */
const IANA_SVC_NAME_MAX = 15;

const isLabel = (s: string) => s.length <= DNS_LABEL_MAX && DNS_LABEL.test(s);
const NAME_HINT = 'Use lower-case letters, digits and "-" (at most 63 characters), starting and ending with a letter or digit.';

/**
 * Names the schema already checks when a file is parsed are checked again here, because the canvas
 * builds blueprints without parsing; plus the rules only targets impose (DNS-1035, port-name length).
 */
export function checkNames(ctx: Ctx): void {
  for (const [name, service] of ctx.services) serviceNames(ctx, name, service);
  documentNames(ctx);
}

/** checkNames about one service: its name, its containers' names and its ports' names. */
export function serviceNames(ctx: Ctx, name: string, service: Service): void {
  const path = ['services', name];
  if (!isLabel(name)) ctx.report('INVALID_NAME', 'error', path, `The service name ${quote(name)} is not a DNS-1123 label.`, NAME_HINT);
  else if (!DNS_1035.test(name))
    ctx.report(
      'INVALID_NAME',
      'error',
      path,
      `The service name ${quote(name)} starts with a digit; Kubernetes Service names must start with a letter.`,
      `Rename the service, e.g. to "s${name}".`,
    );
  for (const [c] of containersOf(service))
    if (!isLabel(c))
      ctx.report(
        'INVALID_NAME',
        'error',
        [...path, 'containers', c],
        `The container name ${quote(c)} of service "${name}" is not a DNS-1123 label.`,
        NAME_HINT,
      );
  service.ports?.forEach((p, i) => {
    if (p.name !== undefined) checkPortName(ctx, [...path, 'ports', i, 'name'], name, p.name);
  });
}

/** checkNames about the rest: the blueprint's name (metadata) and the names of volumes, networks, configs and secrets. */
export function documentNames(ctx: Ctx): void {
  const { bp } = ctx;
  const app = bp.metadata?.name ?? '';
  if (!isLabel(app))
    ctx.report('INVALID_NAME', 'error', ['metadata', 'name'], `The blueprint name ${quote(app)} is not a DNS-1123 label.`, NAME_HINT);
  for (const kind of ['volumes', 'networks', 'configs', 'secrets'] as const)
    for (const name of Object.keys(bp[kind] ?? {}))
      if (!isLabel(name))
        ctx.report(
          'INVALID_NAME',
          'error',
          [kind, name],
          `The ${kind.slice(0, -1)} name ${quote(name)} is not a DNS-1123 label.`,
          NAME_HINT,
        );
}

function checkPortName(ctx: Ctx, path: Path, service: string, name: string): void {
  if (name.length > IANA_SVC_NAME_MAX || !/[a-z]/.test(name) || !isLabel(name))
    ctx.report(
      'INVALID_NAME',
      'error',
      path,
      `The port name ${quote(name)} of service "${service}" is not valid on Kubernetes (at most ${IANA_SVC_NAME_MAX} characters, at least one letter).`,
      'Shorten the port name, e.g. "http" or "metrics".',
    );
}

export interface NameClaim {
  /** The compiled name claimed. */
  compiled: string;
  owner: string;
  path: Path;
  elementId: string;
}

/** The two namespaces of compiled names: Compose services, Kubernetes workloads (Deployments). */
export type Namespace = 'compose' | 'workloads';

/**
 * Names that must be unique once compiled: Compose turns every helper and init container into a
 * service `<service>-<container>` (sharing one namespace with the blueprint's services), Kubernetes
 * adds a `<service>-canary` Deployment for canary rollouts and a `wait-for-<target>` init container
 * per link. The first claimant (document order, services before their containers) keeps the name.
 */
export function checkCompiledNames(ctx: Ctx): void {
  const claims = { compose: new Map<string, NameClaim[]>(), workloads: new Map<string, NameClaim[]>() };
  for (const [name, service] of ctx.services) {
    for (const ns of NAMESPACES) for (const c of nameClaims(name, service)[ns]) push(claims[ns], c.compiled, c);
    waitForNames(ctx, name, service);
  }
  const services = ctx.bp.services ?? {};
  for (const ns of NAMESPACES)
    for (const [compiled, list] of claims[ns]) reportNameClaims(ctx, ns, compiled, Object.hasOwn(services, compiled), list);
}

export const NAMESPACES: readonly Namespace[] = ['compose', 'workloads'];

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The compiled names one service claims besides its own, per namespace, in document order. */
export function nameClaims(name: string, service: Service): Record<Namespace, NameClaim[]> {
  const compose: NameClaim[] = [];
  for (const [c, container] of containersOf(service)) {
    if (container.role === 'main') continue;
    compose.push({
      compiled: `${name}-${c}`,
      owner: `container "${c}" of service "${name}"`,
      path: ['services', name, 'containers', c],
      elementId: elementId.container(name, c),
    });
  }
  const workloads: NameClaim[] =
    service.rollout?.strategy === 'canary'
      ? [
          {
            compiled: `${name}-canary`,
            owner: `the canary of service "${name}"`,
            path: ['services', name, 'rollout', 'strategy'],
            elementId: elementId.service(name),
          },
        ]
      : [];
  return { compose, workloads };
}

/**
 * The clashes over one compiled name: `claims` are the claims of containers and canaries in
 * document order; a service of that name (`taken`) claimed it before them all.
 */
export function reportNameClaims(ctx: Ctx, ns: Namespace, compiled: string, taken: boolean, claims: readonly NameClaim[]): void {
  const what = ns === 'compose' ? 'Compose service' : 'Kubernetes Deployment';
  let first = taken ? `service "${compiled}"` : undefined;
  for (const c of claims) {
    if (first === undefined) {
      first = c.owner;
      continue;
    }
    ctx.report(
      'DUPLICATE_NAME',
      'error',
      c.path,
      `${capitalise(c.owner)} compiles to the ${what} "${compiled}", which ${first} already has.`,
      'Rename one of them.',
      c.elementId,
    );
  }
}

/** The `wait-for-<target>` clashes of one service (from that service and its name alone). */
export function waitForNames(ctx: Ctx, name: string, service: Service): void {
  checkWaitForNames(ctx, name, service.links?.map((l) => l.to) ?? [], new Set(Object.keys(service.containers ?? {})));
}

/** Kubernetes inserts `wait-for-<target>` init containers into the pod; a user container of that name would clash. */
function checkWaitForNames(ctx: Ctx, service: string, targets: readonly string[], containers: ReadonlySet<string>): void {
  for (const to of new Set(targets)) {
    const generated = `wait-for-${to}`;
    if (containers.has(generated))
      ctx.report(
        'DUPLICATE_NAME',
        'error',
        ['services', service, 'containers', generated],
        `Container "${generated}" of service "${service}" clashes with the init container Kubernetes adds to wait for its link to "${to}".`,
        'Rename the container.',
      );
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
