import { Derived } from '../../derived';
import type { PlannedContainer, PlannedService, ResolvedLink } from '../../plan/plan';
import { tag } from '../../yaml';
import type { EmitContext } from '../emitter';
import { serviceNetworks } from '../shared/docker-resources';
import {
  compact,
  type DockerPorts,
  dockerBuild,
  dockerEnvironment,
  dockerLabels,
  dockerMounts,
  dockerPorts,
  dockerResources,
  dockerServiceName,
  nonEmpty,
  noteHealthApproximation,
} from '../shared/docker-service';
import { dockerHealthcheck } from '../shared/healthcheck';
import { esc, escList } from '../shared/interpolation';
import type { AddService } from '../shared/service-stream';

/**
 * One blueprint pod becomes several Compose services: the init containers (run once, in order),
 * the main container (named after the blueprint service) and its helpers, which join the main
 * container's network namespace with `network_mode: service:<main>`.
 */

export const CONDITION = {
  started: 'service_started',
  healthy: 'service_healthy',
  completed: 'service_completed_successfully',
} as const;

export function addPodServices(ctx: EmitContext, s: PlannedService, main: PlannedContainer, add: AddService): void {
  const svc = s.service;
  const host = svc.hostNetwork === true;
  const networkMode = host ? 'host' : undefined;
  const networks = host ? undefined : serviceNetworks(ctx.plan, s.networks);

  for (let i = 0; i < s.inits.length; i++) {
    const init = s.inits[i] as PlannedContainer;
    const previous = s.inits[i - 1];
    // The first init waits for the links, as the whole pod does; each later one for its predecessor.
    const dependsOn = previous ? dependency(dockerServiceName(s, previous), CONDITION.completed) : linkDependencies(s);
    add(
      dockerServiceName(s, init),
      composeService(ctx, s, init, wiring(undefined, networkMode, networks, dependsOn, 'no', undefined, NO_LINKS)),
    );
  }

  const dependsOn = linkDependencies(s) ?? new Map<string, unknown>();
  for (const init of s.inits) dependsOn.set(dockerServiceName(s, init), { condition: CONDITION.completed });
  const ports = host ? undefined : dockerPorts(svc.ports, 'compose');
  const replicas = svc.mode === 'global' || svc.replicas === 1 ? undefined : svc.replicas;
  add(
    s.name,
    composeService(
      ctx,
      s,
      main,
      wiring(ports, networkMode, networks, dependsOn.size ? dependsOn : undefined, undefined, replicas, s.links),
    ),
  );

  if (s.helpers.length === 0) return;
  // Every helper joins the main container and waits for it to start: one wiring for all of them
  // (the writer only reads it).
  const helperWiring = wiring(
    undefined,
    networkModes.get(s.name, ''),
    undefined,
    dependency(s.name, CONDITION.started),
    undefined,
    undefined,
    NO_LINKS,
  );
  for (const helper of s.helpers) add(dockerServiceName(s, helper), composeService(ctx, s, helper, helperWiring));
}

const NO_LINKS: readonly ResolvedLink[] = [];

/** A helper's `network_mode: service:<main>`, the same string from compile to compile (see derived.ts). */
const networkModes = new Derived<string, string>((service) => `service:${service}`);

// depends_on is keyed by service names: Maps, which the writer writes as the objects with their
// entries would be, without a hidden class for every other set of names.
function dependency(service: string, condition: string): Map<string, unknown> {
  return new Map<string, unknown>().set(service, { condition });
}

function linkDependencies(s: PlannedService): Map<string, unknown> | undefined {
  if (s.links.length === 0) return undefined;
  const deps = new Map<string, unknown>();
  // depends_on has one entry per service: a second link to it (DUPLICATE_LINK) does not override the first's condition.
  for (const l of s.links) if (!deps.has(l.target)) deps.set(l.target, linkDependency(l));
  return deps;
}

function linkDependency(l: ResolvedLink): Record<string, unknown> {
  return tag({ condition: CONDITION[l.link.condition], required: l.link.required === false ? false : undefined }, l.elementId);
}

/** What differs between the main container, its helpers and its init containers. */
interface Wiring {
  ports: DockerPorts | undefined;
  network_mode: string | undefined;
  networks: string[] | undefined;
  depends_on: Map<string, unknown> | undefined;
  restart: string | undefined;
  replicas: number | undefined;
  /** Links whose connection variables this container gets (the main container's only). */
  links: readonly ResolvedLink[];
}

// One constructor, one object shape: composeService's reads stay monomorphic on the hot path.
const wiring = (
  ports: DockerPorts | undefined,
  network_mode: string | undefined,
  networks: string[] | undefined,
  depends_on: Map<string, unknown> | undefined,
  restart: string | undefined,
  replicas: number | undefined,
  links: readonly ResolvedLink[],
): Wiring => ({ ports, network_mode, networks, depends_on, restart, replicas, links });

function composeService(ctx: EmitContext, s: PlannedService, pc: PlannedContainer, w: Wiring): Record<string, unknown> {
  const c = pc.container;
  const health = c.healthcheck && dockerHealthcheck(c.healthcheck);
  noteHealthApproximation(ctx, s, pc, health?.approximation);
  if (c.healthcheck?.liveness)
    ctx.note(
      'approximated',
      ['services', s.name, 'containers', pc.name, 'healthcheck', 'liveness'],
      pc.elementId,
      'Docker marks a container unhealthy when its healthcheck fails but does not restart it.',
      'The Blaupause Docker driver restarts unhealthy containers itself; plain "docker compose up" does not.',
    );
  const mounts = dockerMounts(ctx.plan.blueprint, c.mounts);
  const svc = s.service;
  const service = {
    image: esc(c.image),
    build: dockerBuild(c.build),
    entrypoint: escList(c.command),
    command: escList(c.args),
    working_dir: esc(c.workingDir),
    user: esc(c.user),
    environment: dockerEnvironment(c.env, w.links),
    ports: w.ports?.ports,
    expose: w.ports?.expose,
    network_mode: w.network_mode,
    networks: w.networks,
    depends_on: w.depends_on,
    healthcheck: health?.value,
    restart: w.restart ?? c.restart,
    volumes: mounts.volumes,
    configs: mounts.configs,
    secrets: mounts.secrets,
    deploy: compact({ replicas: w.replicas, resources: dockerResources(c.resources) }),
    privileged: c.privileged || undefined,
    cap_add: nonEmpty(escList(c.capAdd)),
    cap_drop: nonEmpty(escList(c.capDrop)),
    devices: nonEmpty(escList(c.devices)),
    read_only: c.readOnlyRootFilesystem || undefined,
    // Host PID and IPC namespaces are pod-wide settings: every container of the pod gets them.
    pid: svc.hostPid ? 'host' : undefined,
    ipc: svc.hostIpc ? 'host' : undefined,
    profiles: nonEmpty(svc.profiles),
    labels: dockerLabels(s, pc),
  };
  return tag(service, pc === s.main ? s.elementId : pc.elementId);
}
