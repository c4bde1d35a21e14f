import { type Blueprint, type ContainerRole, type Diagnostic, elementId, elementKind, type Severity } from '@blaupause/model';
import type { Edge, Node } from '@xyflow/react';
import { defaultPositions } from './default-layout';
import { mountEdgeId } from './flow-ids';

/** What a node shows about its problems: the worst severity and the messages (tooltips, badges). */
export type Marks = { severity?: Severity; problems: string[]; notes: string[] };

export type ContainerView = { name: string; role: ContainerRole; image: string | undefined };
export type PortView = { port: number; publish: number | undefined; ingress: string | undefined };

export type ServiceNodeData = Marks & {
  name: string;
  replicas: number;
  global: boolean;
  /** The pod: main container first, then helpers in document order. */
  containers: ContainerView[];
  ports: PortView[];
};
export type VolumeNodeData = Marks & { name: string; size: string | undefined; access: string; ephemeral: boolean };
export type LinkEdgeData = Marks & { condition: string };
export type MountEdgeData = { targets: string[] };

export type ServiceNode = Node<ServiceNodeData, 'service'>;
export type VolumeNode = Node<VolumeNodeData, 'volume'>;
export type FlowNode = ServiceNode | VolumeNode;
export type LinkEdge = Edge<LinkEdgeData, 'link'>;
export type MountEdge = Edge<MountEdgeData, 'mount'>;
export type FlowEdge = LinkEdge | MountEdge;

/**
 * The canvas as a projection of the document (DESIGN §1): one node per service and volume, one
 * edge per link and per service→volume mount. Positions come from `layout`, else a default grid.
 * `diagnostics` (validation and fidelity notes) mark the elements they concern.
 */
export function toFlow(bp: Blueprint, diagnostics: readonly Diagnostic[] = [], selection: readonly string[] = []) {
  const marks = marksByElement(diagnostics);
  const selected = new Set(selection);
  const fallback = defaultPositions(bp);
  const position = (id: string) => {
    const placed = bp.layout?.nodes[id];
    return placed ? { x: placed.x, y: placed.y } : (fallback.get(id) ?? { x: 0, y: 0 });
  };
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  for (const [name, s] of Object.entries(bp.services)) {
    const id = elementId.service(name);
    const containers = Object.entries(s.containers).map(([n, c]) => ({ name: n, role: c.role, image: c.image ?? c.build?.context }));
    containers.sort((a, b) => Number(b.role === 'main') - Number(a.role === 'main'));
    const ports = (s.ports ?? []).map((p) => ({
      port: p.port,
      publish: p.publish,
      ingress: p.ingress ? `${p.ingress.host ?? '*'}${p.ingress.path}` : undefined,
    }));
    const data = { name, replicas: s.replicas, global: s.mode === 'global', containers, ports, ...marksOf(marks, id) };
    nodes.push({ id, type: 'service', position: position(id), data, selected: selected.has(id) });
    for (const link of s.links ?? []) {
      const linkId = elementId.link(name, link.to);
      const target = elementId.service(link.to);
      if (!Object.hasOwn(bp.services, link.to)) continue; // dangling: validation names it on the service
      const edgeData = { condition: link.condition, ...marksOf(marks, linkId) };
      edges.push({
        id: linkId,
        type: 'link',
        source: id,
        target,
        sourceHandle: 'uses',
        targetHandle: 'used',
        data: edgeData,
        selected: selected.has(linkId),
      });
    }
    const mounts = new Map<string, string[]>();
    for (const c of Object.values(s.containers))
      for (const m of c.mounts ?? []) if (m.type === 'volume') mounts.set(m.source, [...(mounts.get(m.source) ?? []), m.target]);
    for (const [volume, targets] of mounts) {
      if (!bp.volumes || !Object.hasOwn(bp.volumes, volume)) continue;
      const mountId = mountEdgeId(name, volume);
      const target = elementId.volume(volume);
      edges.push({
        id: mountId,
        type: 'mount',
        source: id,
        target,
        sourceHandle: 'mounts',
        targetHandle: 'mounted',
        data: { targets },
        selected: selected.has(mountId),
      });
    }
  }
  for (const [name, v] of Object.entries(bp.volumes ?? {})) {
    const id = elementId.volume(name);
    const data = { name, size: v.size, access: v.access, ephemeral: !!v.ephemeral, ...marksOf(marks, id) };
    nodes.push({ id, type: 'volume', position: position(id), data, selected: selected.has(id) });
  }
  return { nodes, edges };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Diagnostics grouped by the node or edge they mark: containers mark their service. */
function marksByElement(diagnostics: readonly Diagnostic[]): Map<string, Marks> {
  const out = new Map<string, Marks>();
  for (const d of diagnostics) {
    if (!d.elementId) continue;
    const id = elementKind(d.elementId) === 'container' ? elementId.service(containerService(d.elementId)) : d.elementId;
    const m = out.get(id) ?? { problems: [], notes: [] };
    const isNote = d.code.startsWith('FIDELITY_');
    const text = isNote && d.target ? `${d.target}: ${d.message}` : d.message;
    const list = isNote ? m.notes : m.problems;
    if (!list.includes(text)) list.push(text);
    if (!isNote && (!m.severity || RANK[d.severity] > RANK[m.severity])) m.severity = d.severity;
    out.set(id, m);
  }
  return out;
}

const containerService = (id: string) => id.slice('container:'.length, id.indexOf('/'));

const marksOf = (marks: Map<string, Marks>, id: string): Marks => marks.get(id) ?? { problems: [], notes: [] };
