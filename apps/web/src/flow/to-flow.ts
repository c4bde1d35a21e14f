import type { Blueprint, ContainerRole, Diagnostic, Service } from '@blaupause/model';
import { elementId } from '@blaupause/model';
import type { Edge, Node } from '@xyflow/react';
import { defaultPositions } from './default-layout';
import { exposeEdgeId, exposureId, joinEdgeId, mountEdgeId } from './flow-ids';
import { type Marks, marksByElement, NO_MARKS } from './marks';

export type { Marks, NoteView } from './marks';

export type ContainerView = { name: string; role: ContainerRole; image: string | undefined };
export type PortView = { port: number; publish: number | undefined; ingress: string | undefined };

export type ServiceNodeData = Marks & {
  name: string;
  replicas: number;
  global: boolean;
  /** The pod: main container first, then helpers in document order. */
  containers: ContainerView[];
  ports: PortView[];
  /** Networks it joins that have no node of their own (`default` when undeclared); empty on the implicit default. */
  otherNetworks: string[];
};
export type VolumeNodeData = Marks & { name: string; size: string | undefined; access: string; ephemeral: boolean };
export type NetworkNodeData = Marks & {
  name: string;
  internal: boolean;
  external: boolean;
  driver: string | undefined;
  members: number;
  /** The declared `default` network: every service that names no network is on it (no edges drawn for those). */
  implicitMembers: number;
};
/** How the outside reaches a port: `:8080 → 80` on the host, `shop.example/ → 80` through an ingress. */
export type ExposureNodeData = Marks & {
  service: string;
  port: number;
  protocol: string;
  published: string | undefined;
  ingress: string | undefined;
};
export type LinkEdgeData = Marks & { condition: string };
export type MountEdgeData = { targets: string[] };

export type ServiceNode = Node<ServiceNodeData, 'service'>;
export type VolumeNode = Node<VolumeNodeData, 'volume'>;
export type NetworkNode = Node<NetworkNodeData, 'network'>;
export type ExposureNode = Node<ExposureNodeData, 'exposure'>;
export type FlowNode = ServiceNode | VolumeNode | NetworkNode | ExposureNode;
export type LinkEdge = Edge<LinkEdgeData, 'link'>;
export type MountEdge = Edge<MountEdgeData, 'mount'>;
export type JoinEdge = Edge<Record<string, never>, 'join'>;
export type ExposeEdge = Edge<Record<string, never>, 'expose'>;
export type FlowEdge = LinkEdge | MountEdge | JoinEdge | ExposeEdge;

const EXPOSURE_STYLE = { pointerEvents: 'all' } as const;

/** Where an exposure node sits, relative to its service's top-left corner: left of it, one row each. */
export const EXPOSURE_OFFSET = { x: -220, y: 6, row: 40 };

/**
 * The canvas as a projection of the document (DESIGN §1): one node per service, volume and declared
 * network, one exposure node per published or ingress port (a child of its service's node, so it
 * moves with it), one edge per link, per service→volume mount and per service→network membership.
 * Positions come from `layout`, else a default grid. `diagnostics` (validation and fidelity notes)
 * mark the elements they concern.
 */
export function toFlow(bp: Blueprint, diagnostics: readonly Diagnostic[] = [], selection: readonly string[] = []) {
  const marks = marksByElement(bp, diagnostics);
  const marksOf = (id: string): Marks => marks.get(id) ?? NO_MARKS;
  const selected = new Set(selection);
  // Default positions walk the links in rounds (quadratic on long chains): only when a node has no layout entry.
  let fallback: Map<string, { x: number; y: number }> | undefined;
  const position = (id: string) => {
    const placed = bp.layout?.nodes[id];
    if (placed) return { x: placed.x, y: placed.y };
    fallback ??= defaultPositions(bp);
    return fallback.get(id) ?? { x: 0, y: 0 };
  };
  const networks = bp.networks ?? {};
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  for (const [name, s] of Object.entries(bp.services)) {
    const id = elementId.service(name);
    const data = { ...serviceData(name, s, networks), ...marksOf(id) };
    nodes.push({ id, type: 'service', position: position(id), data, selected: selected.has(id) });
    exposures(name, s, marksOf, nodes, edges);
    for (const link of s.links ?? []) {
      const linkId = elementId.link(name, link.to);
      if (!Object.hasOwn(bp.services, link.to)) continue; // dangling: validation names it on the service
      edges.push({
        id: linkId,
        type: 'link',
        source: id,
        target: elementId.service(link.to),
        sourceHandle: 'uses',
        targetHandle: 'used',
        data: { condition: link.condition, ...marksOf(linkId) },
        selected: selected.has(linkId),
      });
    }
    for (const [volume, targets] of mountTargets(s)) {
      if (!bp.volumes || !Object.hasOwn(bp.volumes, volume)) continue;
      const mountId = mountEdgeId(name, volume);
      edges.push({
        id: mountId,
        type: 'mount',
        source: id,
        target: elementId.volume(volume),
        sourceHandle: 'mounts',
        targetHandle: 'mounted',
        data: { targets },
        selected: selected.has(mountId),
      });
    }
    for (const network of new Set(s.networks ?? [])) {
      if (!Object.hasOwn(networks, network)) continue; // undeclared: a chip on the service (default) or a DANGLING_NETWORK error
      const joinId = joinEdgeId(name, network);
      edges.push({
        id: joinId,
        type: 'join',
        source: id,
        target: elementId.network(network),
        sourceHandle: 'joins',
        targetHandle: 'members',
        data: {},
        selected: selected.has(joinId),
      });
    }
  }
  for (const [name, v] of Object.entries(bp.volumes ?? {})) {
    const id = elementId.volume(name);
    const data = { name, size: v.size, access: v.access, ephemeral: !!v.ephemeral, ...marksOf(id) };
    nodes.push({ id, type: 'volume', position: position(id), data, selected: selected.has(id) });
  }
  const services = Object.values(bp.services);
  for (const [name, n] of Object.entries(networks)) {
    const id = elementId.network(name);
    const data: NetworkNodeData = {
      name,
      internal: !!n.internal,
      external: !!n.external,
      driver: n.driver,
      members: services.filter((s) => s.networks?.includes(name)).length,
      implicitMembers: name === 'default' ? services.filter((s) => !s.networks?.length).length : 0,
      ...marksOf(id),
    };
    nodes.push({ id, type: 'network', position: position(id), data, selected: selected.has(id) });
  }
  return { nodes, edges };
}

function serviceData(name: string, s: Service, networks: Readonly<Record<string, unknown>>) {
  const containers = Object.entries(s.containers).map(([n, c]) => ({ name: n, role: c.role, image: c.image ?? c.build?.context }));
  containers.sort((a, b) => Number(b.role === 'main') - Number(a.role === 'main'));
  const ports = (s.ports ?? []).map((p) => ({
    port: p.port,
    publish: p.publish,
    ingress: p.ingress ? `${p.ingress.host ?? '*'}${p.ingress.path}` : undefined,
  }));
  const otherNetworks = (s.networks ?? []).filter((n) => !Object.hasOwn(networks, n));
  return { name, replicas: s.replicas, global: s.mode === 'global', containers, ports, otherNetworks };
}

/** Published and ingress ports as exposure nodes (children of the service node) with an edge into the service. */
function exposures(name: string, s: Service, marksOf: (id: string) => Marks, nodes: FlowNode[], edges: FlowEdge[]): void {
  const parentId = elementId.service(name);
  let row = 0;
  for (const p of s.ports ?? []) {
    if (p.publish === undefined && !p.ingress) continue;
    const id = exposureId(name, p.port, p.protocol);
    const udp = p.protocol === 'udp' ? '/udp' : '';
    const published = p.publish === undefined ? undefined : `${p.hostIp ? `${p.hostIp}:` : ':'}${p.publish}${udp} → ${p.port}`;
    const ingress = p.ingress ? `${p.ingress.tls ? 'https://' : ''}${p.ingress.host ?? '*'}${p.ingress.path} → ${p.port}` : undefined;
    nodes.push({
      id,
      type: 'exposure',
      parentId,
      position: { x: EXPOSURE_OFFSET.x, y: EXPOSURE_OFFSET.y + row * EXPOSURE_OFFSET.row },
      data: { service: name, port: p.port, protocol: p.protocol, published, ingress, ...marksOf(id) },
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      // Its own button is what keyboard and mouse reach (React Flow gives such nodes no pointer events).
      focusable: false,
      style: EXPOSURE_STYLE,
    });
    edges.push({
      id: exposeEdgeId(name, p.port, p.protocol),
      type: 'expose',
      source: id,
      target: parentId,
      sourceHandle: 'exposes',
      targetHandle: 'used',
      data: {},
      selectable: false,
      focusable: false,
      deletable: false,
    });
    row += published && ingress ? 1.5 : 1;
  }
}

/** The volumes a pod mounts, with the paths inside it. */
function mountTargets(s: Service): Map<string, string[]> {
  const mounts = new Map<string, string[]>();
  for (const c of Object.values(s.containers))
    for (const m of c.mounts ?? []) if (m.type === 'volume') mounts.set(m.source, [...(mounts.get(m.source) ?? []), m.target]);
  return mounts;
}
