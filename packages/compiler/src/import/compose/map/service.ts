import type { ContainerInput, LinkCondition, Path, ServiceInput } from '@blaupause/model';
import { toDnsLabel, uniqueName } from '../names';
import type { CPort, CService } from '../types';
import { mapContainer } from './container';
import { mapHelperSettings } from './helpers';
import type { Pod } from './pods';
import type { LinkInput, MapState, PortInput } from './state';

/** Phase 5: one pod (a Compose service and its helpers) → one blueprint service. */
export function mapPod(st: MapState, pod: Pod): [string, ServiceInput] {
  const { root } = pod;
  const name = st.names.of('services', root.name);
  const mainName = root.ownContainer ?? name;
  const containers: Record<string, ContainerInput> = { [mainName]: mapContainer(st, root, 'main') };
  const taken = new Set([mainName]);
  for (const h of pod.helpers) {
    const container = helperContainerName(st, h, name, taken);
    const role = h.role ?? 'sidecar';
    containers[container] = mapContainer(st, h, role);
    st.report.helpers.push({ service: h.name, pod: root.name, container });
    // A pod Blaupause itself wrote out comes back as it was: nothing to tell the user.
    if (!h.fromBlaupause)
      st.ctx.approximated(
        h.joins?.at ?? h.at,
        `${h.name} shares the network of ${root.name}: it became the ${role} container "${container}" of the service ${name}, and other services reach it as ${name}.`,
      );
  }
  if (root.role)
    st.ctx.unsupported(
      [...root.at, 'x-blaupause-role'],
      `${root.name} joins no other service's network (network_mode: service:...), so it is a main container, not a ${root.role}.`,
      undefined,
      'info',
    );
  const svc: ServiceInput = { containers };
  if (root.labels && Object.keys(root.labels).length > 0) svc.labels = { ...root.labels };
  if (root.mode) svc.mode = root.mode;
  if (root.replicas !== undefined) svc.replicas = root.replicas;
  if (root.rollout) svc.rollout = root.rollout;
  if (root.constraints?.length) svc.placement = { constraints: root.constraints };
  if (root.networks?.length)
    svc.networks = [...new Set(root.networks.map((n) => (n.name === 'default' ? n.name : st.names.of('networks', n.name))))];
  if (root.profiles?.length) svc.profiles = profiles(st, root);
  if (root.hostNetwork) svc.hostNetwork = true;
  if (root.hostPid) svc.hostPid = true;
  if (root.hostIpc) svc.hostIpc = true;
  const ports = [...root.ports];
  const deps = root.dependsOn.map((d) => ({ ...d, from: root }));
  for (const h of pod.helpers) mapHelperSettings(st, h, root, svc, ports, deps);
  const mappedPorts = mapPorts(st, ports);
  if (mappedPorts.length > 0) svc.ports = mappedPorts;
  const links = mapLinks(st, root, deps);
  if (links.length > 0) svc.links = links;
  return [name, svc];
}

/** "web-sync" joining "web" becomes container "sync", so that the Compose emitter's "<pod>-<container>" gives "web-sync" back. */
function helperContainerName(st: MapState, h: CService, pod: string, taken: Set<string>): string {
  const own = st.names.of('services', h.name);
  const short = h.ownContainer ?? (own.startsWith(`${pod}-`) ? own.slice(pod.length + 1) : own);
  return uniqueName(short, taken, 'helper');
}

function profiles(st: MapState, s: CService): string[] {
  return (s.profiles ?? []).map((p, i) => {
    const name = toDnsLabel(p) || 'profile';
    if (name !== p) st.ctx.approximated([...s.at, 'profiles', i], `the profile "${p}" is named "${name}" (a DNS-1123 label).`);
    return name;
  });
}

/** Ports of the pod; an `expose:` port that is also published is the same port. */
function mapPorts(st: MapState, ports: readonly CPort[]): PortInput[] {
  const out: PortInput[] = [];
  const seen = new Set<string>();
  const targets = new Set(ports.filter((p) => !p.exposeOnly).map((p) => `${p.target}/${p.protocol}`));
  for (const p of ports) {
    if (p.exposeOnly && targets.has(`${p.target}/${p.protocol}`)) continue;
    const key = `${p.hostIp ?? ''}|${p.published ?? ''}|${p.target}/${p.protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const port: PortInput = { port: p.target, protocol: p.protocol };
    if (p.published !== undefined) port.publish = p.published;
    if (p.hostIp !== undefined) port.hostIp = p.hostIp;
    if (p.name !== undefined) port.name = portName(st, p);
    out.push(port);
  }
  return out;
}

function portName(st: MapState, p: CPort): string {
  const name = toDnsLabel(p.name as string) || 'port';
  if (name !== p.name)
    st.ctx.approximated([...p.at, 'name'], `the port name "${p.name}" is "${name}" (a DNS-1123 label).`, undefined, p.at);
  return name;
}

const STRENGTH: Record<LinkCondition, number> = { started: 0, healthy: 1, completed: 2 };

export interface PodDependency {
  service: string;
  condition: LinkCondition;
  required?: boolean;
  at: Path;
  from: CService;
}

/**
 * Links to the pods the dependencies live in; several dependencies on one pod (depends_on and
 * links, or two of its containers) become one link with the strongest condition.
 */
function mapLinks(st: MapState, root: CService, deps: readonly PodDependency[]): LinkInput[] {
  const byTarget = new Map<string, LinkInput>();
  for (const d of deps) {
    const podName = st.podOf.get(d.service) ?? d.service;
    if (podName === root.name) {
      // A helper waiting for its main container is what a pod does anyway; the other way round cannot be.
      if (d.from === root) st.ctx.approximated(d.at, `${d.service} is a container of this service's own pod: they start together.`);
      continue;
    }
    if (podName !== d.service) st.ctx.approximated(d.at, `${d.service} is a container of ${podName}'s pod: the link goes to ${podName}.`);
    const to = st.names.of('services', podName);
    const link = byTarget.get(to);
    if (!link) {
      byTarget.set(to, { to, condition: d.condition, ...(d.required === false ? { required: false } : {}) });
      continue;
    }
    if (STRENGTH[d.condition] > STRENGTH[link.condition ?? 'started']) link.condition = d.condition;
    if (d.required !== false) delete link.required;
  }
  return [...byTarget.values()];
}
