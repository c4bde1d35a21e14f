import type { Blueprint } from '@blaupause/model';
import { GRID } from '../flow/default-layout';
import { toFlow } from '../flow/to-flow';
import type { XY } from '../model/types';

export interface Size {
  width: number;
  height: number;
}
export interface LayoutGraph {
  /**
   * One box per laid-out node. `offset`: where the node's own corner is inside its box, when things
   * stick out of it (exposures left of a service). `satellites`: nodes that travel with it, placed
   * relative to its own corner (a volume only this service mounts sits right below it).
   */
  nodes: ReadonlyArray<{ id: string; offset?: XY; satellites?: ReadonlyArray<{ id: string } & XY> } & Size>;
  edges: ReadonlyArray<{ id: string; source: string; target: string }>;
}

/** Space between a service and the volume below it. */
const SATELLITE_GAP = 60;

/**
 * The canvas's nodes and edges (the projection, so every node type the canvas draws takes part),
 * each node with its measured size, else an estimate from what it shows. Helper containers are
 * drawn inside their service's node and exposures are its children: they move with it. A volume
 * that only one service mounts goes right below that service, where it is read as part of it.
 * Network segments are left out here; see elkPositions.
 */
export function layoutGraph(bp: Blueprint, measured: ReadonlyMap<string, Size> = new Map()): LayoutGraph {
  const flow = toFlow(bp);
  const sizes = new Map(flow.nodes.map((n) => [n.id, measured.get(n.id) ?? estimateSize(n)]));
  const sizeOf = (id: string) => sizes.get(id) ?? { width: 1, height: 1 };
  const kids = new Map<string, Array<XY & Size>>();
  for (const n of flow.nodes) if (n.parentId) kids.set(n.parentId, [...(kids.get(n.parentId) ?? []), { ...n.position, ...sizeOf(n.id) }]);

  const owner = soleUsers(flow);
  const satellites = new Map<string, Array<{ id: string } & XY>>();
  for (const [volume, service] of owner) {
    const list = satellites.get(service) ?? [];
    const y = list.reduce((top, s) => Math.max(top, s.y + sizeOf(s.id).height + GRID), sizeOf(service).height + SATELLITE_GAP);
    satellites.set(service, [...list, { id: volume, x: 0, y }]);
  }

  // Network segments are not layered: they go in a row above the services afterwards (placeNetworks).
  const nodes = flow.nodes
    .filter((n) => !n.parentId && !owner.has(n.id) && n.type !== 'network')
    .map((n) => {
      const own = sizeOf(n.id);
      const sats = satellites.get(n.id) ?? [];
      const extra = [...(kids.get(n.id) ?? []), ...sats.map((s) => ({ ...s, ...sizeOf(s.id) }))];
      if (extra.length === 0) return { id: n.id, ...own };
      const minX = Math.min(0, ...extra.map((k) => k.x));
      const minY = Math.min(0, ...extra.map((k) => k.y));
      const maxX = Math.max(own.width, ...extra.map((k) => k.x + k.width));
      const maxY = Math.max(own.height, ...extra.map((k) => k.y + k.height));
      const box = { id: n.id, width: maxX - minX, height: maxY - minY, offset: { x: -minX, y: -minY } };
      return sats.length > 0 ? { ...box, satellites: sats } : box;
    });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = flow.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(({ id, source, target }) => ({ id, source, target }));
  return { nodes, edges };
}

/** Volumes every edge of which comes from one and the same service → that service. */
function soleUsers(flow: ReturnType<typeof toFlow>): Map<string, string> {
  const volumes = new Set(flow.nodes.filter((n) => n.type === 'volume').map((n) => n.id));
  const sources = new Map<string, Set<string>>();
  for (const e of flow.edges) {
    for (const end of [e.source, e.target]) if (volumes.has(end) && !sources.has(end)) sources.set(end, new Set());
    if (volumes.has(e.target)) sources.get(e.target)?.add(e.source);
    if (volumes.has(e.source)) sources.get(e.source)?.add(`!${e.target}`); // an edge out of a volume: not a plain mount
  }
  const out = new Map<string, string>();
  for (const [volume, from] of sources) {
    const [only] = from;
    if (from.size === 1 && only && !only.startsWith('!')) out.set(volume, only);
  }
  return out;
}

/** Roughly what nodes.css draws: a header, one row per container, a row of ports. Used before a node was ever rendered. */
export function estimateSize(node: { type?: string; data: unknown }): Size {
  if (node.type === 'service') {
    const data = node.data as { containers?: unknown[]; ports?: unknown[] };
    const rows = data.containers?.length ?? 1;
    return { width: 240, height: 44 + rows * 30 + ((data.ports?.length ?? 0) > 0 ? 30 : 0) };
  }
  if (node.type === 'volume') return { width: 160, height: 70 };
  if (node.type === 'exposure') return { width: 170, height: 34 };
  return { width: 180, height: 60 };
}
