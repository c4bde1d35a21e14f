import type { Blueprint, Build, Mount, Resources, ServicePort } from '@blaupause/model';
import { Derived } from '../../derived';
import type { PlannedContainer, PlannedService, ResolvedLink } from '../../plan/plan';
import { type Filled, Template } from '../../yaml';
import type { EmitContext } from '../emitter';
import { esc, escMap } from './interpolation';
import { quantityToBytes, quantityToDockerBytes } from './quantity';

/**
 * Building blocks shared by the Compose and Swarm emitters: both write the same service
 * shape (the Compose Specification), they differ in what they add around it. Every user string
 * passes through esc/escList/escMap on its way in (see interpolation.ts).
 */

export type DockerTarget = 'compose' | 'swarm';

/** Service name of a pod's container: the main one is named after the blueprint service, the others `<service>-<container>`. */
export const dockerServiceName = (s: PlannedService, pc: PlannedContainer): string =>
  pc === s.main ? s.name : helperNames.get(s.name, pc.name);

/** `<service>-<container>`, the same string from compile to compile (see derived.ts). */
const helperNames = new Derived<string, string>((service, container) => `${service}-${container}`);

/** Our labels live under one prefix; com.docker.compose.* belongs to the engine. */
export const LABEL_PREFIX = 'dev.blaupause.';

/** The object itself, or undefined when it holds no defined value (so no empty `deploy: {}` is written). */
export function compact<T extends object>(value: T): T | undefined {
  // for-in over the emitter's plain objects: their own keys, and no array of values built.
  for (const k in value) if (value[k] !== undefined) return value;
  return undefined;
}

export const nonEmpty = <T>(items: T[] | undefined): T[] | undefined => (items && items.length > 0 ? items : undefined);

export function dockerBuild(build: Build | undefined): Record<string, unknown> | undefined {
  if (!build) return undefined;
  return { context: esc(build.context), dockerfile: esc(build.dockerfile), args: escMap(build.args), target: esc(build.target) };
}

/** The container's own variables, then the connection variables its links ask for (`REDIS_URL=redis://redis:6379`). */
export function dockerEnvironment(
  env: Record<string, string> | undefined,
  links: readonly ResolvedLink[],
): Record<string, string> | undefined {
  // The container's own map (escaped if need be) is only read; it is copied once a link adds to it.
  const own = env ? escMap(env) : undefined;
  let out: Record<string, string> | undefined;
  for (const l of links) {
    if (!l.link.env || l.port === undefined) continue; // no port: validation reports LINK_NO_PORT
    if ((out ?? own)?.[l.link.env] !== undefined) continue; // a value the user wrote wins
    out ??= copyOf(own);
    out[l.link.env] = l.url ?? `${l.link.protocol ?? 'tcp'}://${l.target}:${l.port}`;
  }
  return out ?? own;
}

/**
 * A copy to add keys to. Object.assign into a fresh object: a spread copy keeps the parsed
 * blueprint's hidden class, and adding a key to it measured ~4× slower (~750 ns). A map with an
 * own "__proto__" key is spread, since assigning that key would set the prototype instead.
 */
const copyOf = (map: Readonly<Record<string, string>> | undefined): Record<string, string> =>
  map === undefined ? {} : Object.hasOwn(map, '__proto__') ? { ...map } : Object.assign({}, map);

const ELEMENT_LABEL = `${LABEL_PREFIX}element`;
const SERVICE_LABEL = `${LABEL_PREFIX}service`;
const ROLE_LABEL = `${LABEL_PREFIX}role`;

function ownLabels(labels: Record<string, string>, element: string, service: string, role: string): Record<string, string> {
  labels[ELEMENT_LABEL] = element;
  labels[SERVICE_LABEL] = service;
  labels[ROLE_LABEL] = role;
  return labels;
}
/** Every Docker service carries these three; without labels of the blueprint's they are all there is. */
const OWN_LABELS = new Template((element: string, service: string, role: string) => ownLabels({}, element, service, role), 3);

/** The blueprint's service labels, then ours: the element id maps a running container back to its canvas node. */
export function dockerLabels(s: PlannedService, pc: PlannedContainer): Record<string, string> | Filled {
  if (!s.service.labels) return OWN_LABELS.fill(pc.elementId, s.name, pc.container.role);
  return ownLabels(copyOf(escMap(s.service.labels)), pc.elementId, s.name, pc.container.role);
}

/** CPU as a string (Swarm's loader wants one) and memory in Docker's binary byte units. */
export function dockerResources(resources: Resources | undefined): Record<string, unknown> | undefined {
  if (!resources) return undefined;
  const amounts = (a: Resources['limits']) =>
    a && compact({ cpus: a.cpus === undefined ? undefined : String(a.cpus), memory: a.memory && quantityToDockerBytes(a.memory) });
  return compact({ limits: amounts(resources.limits), reservations: amounts(resources.requests) });
}

export interface DockerMounts {
  volumes?: Record<string, unknown>[] | undefined;
  configs?: Record<string, unknown>[] | undefined;
  secrets?: Record<string, unknown>[] | undefined;
}

// Long syntax reads a bare "data" as a path too, but "./data" says so to every reader.
// A bind source that starts with a variable (`${DATA_DIR}/x`) may be absolute: never prefix it.
const bindSource = (source: string) => (/^([./~$]|[A-Za-z]:[\\/])/.test(source) ? source : `./${source}`);

/** Mounts in long syntax; references to undeclared volumes, configs or secrets are left out (validation names them). */
export function dockerMounts(bp: Blueprint, mounts: readonly Mount[] | undefined, omit: ReadonlySet<string> = EMPTY): DockerMounts {
  if (!mounts || mounts.length === 0) return NO_MOUNTS;
  const volumes: Record<string, unknown>[] = [];
  const configs: Record<string, unknown>[] = [];
  const secrets: Record<string, unknown>[] = [];
  for (const m of mounts) {
    const readOnly = m.readOnly ? true : undefined;
    switch (m.type) {
      case 'volume':
        if (bp.volumes?.[m.source])
          volumes.push({
            type: 'volume',
            source: m.source,
            target: esc(m.target),
            read_only: readOnly,
            volume: m.subPath ? { subpath: esc(m.subPath) } : undefined,
          });
        break;
      case 'bind':
        volumes.push({ type: 'bind', source: esc(bindSource(m.source)), target: esc(m.target), read_only: readOnly });
        break;
      case 'tmpfs': {
        const size = m.size === undefined ? undefined : quantityToBytes(m.size);
        volumes.push({
          type: 'tmpfs',
          target: esc(m.target),
          read_only: readOnly,
          tmpfs: size === undefined ? undefined : { size: Number(size) },
        });
        break;
      }
      case 'config':
        if (bp.configs?.[m.source] && !omit.has(`config:${m.source}`)) configs.push({ source: m.source, target: esc(m.target) });
        break;
      case 'secret':
        if (bp.secrets?.[m.source] && !omit.has(`secret:${m.source}`)) secrets.push({ source: m.source, target: esc(m.target) });
        break;
    }
  }
  return { volumes: nonEmpty(volumes), configs: nonEmpty(configs), secrets: nonEmpty(secrets) };
}
const EMPTY: ReadonlySet<string> = new Set();
const NO_MOUNTS: DockerMounts = Object.freeze({});

export interface DockerPorts {
  ports?: Record<string, unknown>[] | undefined;
  expose?: string[] | undefined;
}

/**
 * Published ports in long syntax (field names say what each number is, IPv6 host addresses need
 * no brackets, and docker-compose v1 reads it too); internal ports as `expose` strings.
 */
export function dockerPorts(ports: readonly ServicePort[] | undefined, target: DockerTarget): DockerPorts {
  if (!ports || ports.length === 0) return {};
  const published: Record<string, unknown>[] = [];
  const expose: string[] = [];
  for (const p of ports) {
    if (p.publish === undefined) expose.push(p.protocol === 'udp' ? `${p.port}/udp` : String(p.port));
    else if (target === 'compose') published.push({ target: p.port, published: p.publish, protocol: p.protocol, host_ip: esc(p.hostIp) });
    else published.push({ target: p.port, published: p.publish, protocol: p.protocol, mode: 'ingress' });
  }
  return { ports: nonEmpty(published), expose: nonEmpty(expose) };
}

/** The HTTP and TCP probes that became shell commands. */
export function noteHealthApproximation(
  ctx: EmitContext,
  s: PlannedService,
  pc: PlannedContainer,
  approximation: string | undefined,
): void {
  if (approximation)
    ctx.note('approximated', ['services', s.name, 'containers', pc.name, 'healthcheck', 'test'], pc.elementId, approximation);
}

export function noteIngress(ctx: EmitContext, s: PlannedService, target: DockerTarget): void {
  const tool = target === 'compose' ? 'Compose' : 'Swarm';
  (s.service.ports ?? []).forEach((p, i) => {
    if (!p.ingress) return;
    const where = `${p.ingress.host ?? '*'}${p.ingress.path}`;
    const stays = p.publish === undefined ? 'stays internal' : `is published on host port ${p.publish}`;
    ctx.note(
      'lost',
      ['services', s.name, 'ports', i, 'ingress'],
      s.elementId,
      `${tool} has no ingress: the HTTP route ${where} to port ${p.port} is not created; the port ${stays}.`,
      'Put a reverse proxy (e.g. Traefik or nginx) in front, or publish the port.',
    );
  });
}
