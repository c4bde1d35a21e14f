import type { Service } from '@blaupause/model';
import { elementId } from '@blaupause/model';
import { exposeEdgeId, exposureId, joinEdgeId, mountEdgeId } from './flow-ids';
import { EXPOSURE_OFFSET, EXPOSURE_STYLE, type FlowEdge, type FlowNode } from './flow-model';
import type { Marks } from './marks';

/** What one service's part of the canvas depends on besides the service itself. */
export interface SliceContext {
  /** The blueprint's services: a link is drawn only to one that exists. */
  services: Readonly<Record<string, unknown>>;
  networks: Readonly<Record<string, unknown>>;
  volumes: Readonly<Record<string, unknown>> | undefined;
  marksOf(id: string): Marks;
  selected: ReadonlySet<string>;
}

/** One service's part of the canvas: its node, its exposure nodes, its link, mount and join edges. */
export interface Slice {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Ids whose marks the slice shows (service, exposures, links), in order. */
  markIds: string[];
  /** Ids whose selection the slice shows (service, links, mounts, joins). */
  selectIds: string[];
}

/** The service's node at `position`, its exposures and its edges. */
export function serviceSlice(name: string, s: Service, position: { x: number; y: number }, ctx: SliceContext): Slice {
  const { marksOf, selected, networks, volumes } = ctx;
  const id = elementId.service(name);
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const markIds = [id];
  const selectIds = [id];
  const data = { ...serviceData(name, s, networks), ...marksOf(id) };
  nodes.push({ id, type: 'service', position, data, selected: selected.has(id) });
  exposures(name, s, ctx, nodes, edges, markIds);
  for (const link of s.links ?? []) {
    if (!Object.hasOwn(ctx.services, link.to)) continue; // dangling: validation names it on the service
    const linkId = elementId.link(name, link.to);
    markIds.push(linkId);
    selectIds.push(linkId);
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
    if (!volumes || !Object.hasOwn(volumes, volume)) continue;
    const mountId = mountEdgeId(name, volume);
    selectIds.push(mountId);
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
    selectIds.push(joinId);
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
  return { nodes, edges, markIds, selectIds };
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
function exposures(name: string, s: Service, ctx: SliceContext, nodes: FlowNode[], edges: FlowEdge[], markIds: string[]): void {
  const { marksOf } = ctx;
  const parentId = elementId.service(name);
  let row = 0;
  for (const p of s.ports ?? []) {
    if (p.publish === undefined && !p.ingress) continue;
    const id = exposureId(name, p.port, p.protocol);
    markIds.push(id);
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
