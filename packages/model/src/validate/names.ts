import type { Path } from '../diagnostics/diagnostic';
import { elementId } from '../ids';
import { DNS_LABEL, DNS_LABEL_MAX } from '../schema/common';
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
  const { bp } = ctx;
  const app = bp.metadata?.name ?? '';
  if (!isLabel(app))
    ctx.report('INVALID_NAME', 'error', ['metadata', 'name'], `The blueprint name ${quote(app)} is not a DNS-1123 label.`, NAME_HINT);
  for (const [name, service] of ctx.services) {
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

interface Claim {
  owner: string;
  path: Path;
  elementId: string;
}

/**
 * Names that must be unique once compiled: Compose turns every helper and init container into a
 * service `<service>-<container>` (sharing one namespace with the blueprint's services), Kubernetes
 * adds a `<service>-canary` Deployment for canary rollouts and a `wait-for-<target>` init container
 * per link. The first claimant (document order, services before their containers) keeps the name.
 */
export function checkCompiledNames(ctx: Ctx): void {
  const compose = new Map<string, Claim>();
  const workloads = new Map<string, Claim>();
  for (const [name] of ctx.services) {
    const claim = { owner: `service "${name}"`, path: ['services', name], elementId: elementId.service(name) };
    compose.set(name, claim);
    workloads.set(name, claim);
  }
  for (const [name, service] of ctx.services) {
    for (const [c, container] of containersOf(service)) {
      if (container.role === 'main') continue;
      const path = ['services', name, 'containers', c];
      claim(
        ctx,
        compose,
        `${name}-${c}`,
        { owner: `container "${c}" of service "${name}"`, path, elementId: elementId.container(name, c) },
        'Compose service',
      );
    }
    if (service.rollout?.strategy === 'canary') {
      const path = ['services', name, 'rollout', 'strategy'];
      claim(
        ctx,
        workloads,
        `${name}-canary`,
        { owner: `the canary of service "${name}"`, path, elementId: elementId.service(name) },
        'Kubernetes Deployment',
      );
    }
    checkWaitForNames(ctx, name, service.links?.map((l) => l.to) ?? [], new Set(Object.keys(service.containers ?? {})));
  }
}

function claim(ctx: Ctx, names: Map<string, Claim>, compiled: string, c: Claim, what: string): void {
  const first = names.get(compiled);
  if (!first) {
    names.set(compiled, c);
    return;
  }
  ctx.report(
    'DUPLICATE_NAME',
    'error',
    c.path,
    `${capitalise(c.owner)} compiles to the ${what} "${compiled}", which ${first.owner} already has.`,
    'Rename one of them.',
    c.elementId,
  );
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
