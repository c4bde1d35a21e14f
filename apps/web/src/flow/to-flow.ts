import type { Blueprint, Diagnostic, Service } from '@blaupause/model';
import { elementId } from '@blaupause/model';
import { sameData } from '../model/same-data';
import type { XY } from '../model/types';
import { defaultPositions } from './default-layout';
import type { FlowEdge, FlowNode, NetworkNodeData } from './flow-model';
import { groupByMarked, type Marks, markedId, marksOf, NO_MARKS } from './marks';
import { type Slice, type SliceContext, serviceSlice } from './service-slice';

export * from './flow-model';

/**
 * The canvas as a projection of the document (DESIGN §1): one node per service, volume and declared
 * network, one exposure node per published or ingress port (a child of its service's node, so it
 * moves with it), one edge per link, per service→volume mount and per service→network membership.
 * Positions come from `layout`, else a default grid. `diagnostics` (validation and fidelity notes)
 * mark the elements they concern.
 */
export function toFlow(bp: Blueprint, diagnostics: readonly Diagnostic[] = [], selection: readonly string[] = []) {
  return createFlowProjection()(bp, diagnostics, selection);
}

type Flow = { nodes: FlowNode[]; edges: FlowEdge[] };

interface Kept {
  s: Service;
  slice: Slice;
  /** The marks shown, by `slice.markIds`. */
  marks: Marks[];
  /** The layout entry it was placed by (undefined: a default position). */
  placed: XY | undefined;
  /** Which of its links reached a service. */
  reach: boolean[];
}

interface KeptVolume {
  v: unknown;
  marks: Marks;
  placed: XY | undefined;
  node: FlowNode;
}

interface Last {
  bp: Blueprint;
  diagnostics: readonly Diagnostic[];
  selection: readonly string[];
  marks: Map<string, Marks>;
  /** The diagnostics behind each entry of `marks`, in order. */
  groups: Map<string, Diagnostic[]>;
  /** The diagnostics that concern a port, with the node each marked: which node that is depends on the services' ports. */
  portMarks: Array<[Diagnostic, string | undefined]>;
  /** The network nodes, by id. */
  networkNodes: Map<string, FlowNode>;
  volumes: Map<string, KeptVolume>;
  kept: Map<string, Kept>;
  /** The services in document order, with where each one's nodes and edges start in `flow`. */
  order: Placed[];
  flow: Flow;
}

/** A service's slice and where its nodes and edges start in the flow's arrays. */
interface Placed {
  name: string;
  k: Kept;
  node: number;
  edge: number;
}

/**
 * toFlow() that remembers: a service whose definition, position, marks, selection and link targets
 * are as at the last call keeps its nodes and edges (the same objects); the others are projected
 * again, and an item equal as data to the last one keeps that object too. An edit of one service
 * of a 1,000-service blueprint projects that service only, and unchanged arrays keep their
 * identity, so React Flow and the memoised node components see only what changed. Answers equal
 * toFlow() on the same input (property test in to-flow-incremental.test.ts).
 */
export function createFlowProjection() {
  let last: Last | undefined;
  return (bp: Blueprint, diagnostics: readonly Diagnostic[] = [], selection: readonly string[] = []): Flow => {
    const quick = last && servicesOnly(last, bp, diagnostics, selection);
    if (quick) {
      last = quick;
      return quick.flow;
    }
    const marks = marksFor(last, bp, diagnostics);
    const marksOf = (id: string): Marks => marks.map.get(id) ?? NO_MARKS;
    const selected = new Set(selection);
    let flipped = last && last.selection !== selection ? symmetricDifference(last.selection, selected) : undefined;
    if (flipped?.size === 0) flipped = undefined;
    const networks = bp.networks ?? {};
    const ctx: SliceContext = { services: bp.services, networks, volumes: bp.volumes, marksOf, selected };
    const sameContext = !!last && last.bp.networks === bp.networks && last.bp.volumes === bp.volumes;
    const sameServices = !!last && last.bp.services === bp.services;
    const sameMarks = !!last && last.marks === marks.map;
    let fallback: Map<string, XY> | undefined;
    const defaults = () => {
      fallback ??= defaultPositions(bp);
      return fallback;
    };
    const position = (id: string): XY => {
      const placed = bp.layout?.nodes[id];
      return placed ? { x: placed.x, y: placed.y } : { ...(defaults().get(id) ?? { x: 0, y: 0 }) };
    };
    const kept = new Map<string, Kept>();
    const order: Placed[] = [];
    const nodes: FlowNode[] = [];
    const edges: FlowEdge[] = [];
    // With the same names, every link reaches what it reached; with the same layout, every placed service is where it
    // was (a default position depends on the links).
    const sameNames = sameServices || (!!last && sameKeys(last.kept, bp.services));
    const sameLayout = !!last && last.bp.layout === bp.layout;
    const services = bp.services;
    for (const name in services) {
      if (!Object.hasOwn(services, name)) continue;
      const s = services[name] as Service;
      const before = last?.kept.get(name);
      let k: Kept | undefined;
      if (
        before &&
        before.s === s &&
        sameContext &&
        (sameNames || sameReach(before, s, services)) &&
        (sameMarks || before.slice.markIds.every((m, i) => marksOf(m) === before.marks[i])) &&
        (!flipped || !before.slice.selectIds.some((x) => flipped.has(x))) &&
        ((sameLayout && before.placed !== undefined) || samePlace(before, bp, defaults))
      )
        k = before;
      else {
        const id = elementId.service(name);
        const fresh = serviceSlice(name, s, position(id), ctx);
        if (before) keepEqual(before.slice, fresh);
        k = { s, slice: fresh, marks: fresh.markIds.map(marksOf), placed: bp.layout?.nodes[id], reach: reachOf(s, bp.services) };
      }
      kept.set(name, k);
      order.push({ name, k, node: nodes.length, edge: edges.length });
      for (const n of k.slice.nodes) nodes.push(n);
      for (const e of k.slice.edges) edges.push(e);
    }
    /** `n`, or `old` when equal as data. */
    const same = (old: FlowNode | undefined, n: FlowNode) => (old && sameData(old, n) ? old : n);
    const volumes = new Map<string, KeptVolume>();
    for (const [name, v] of Object.entries(bp.volumes ?? {})) {
      // A volume's node is kept while its definition, marks, selection and place are (1,000 of them at 1,000 services).
      const before = last?.volumes.get(name);
      const id = before?.node.id ?? elementId.volume(name);
      const placed = bp.layout?.nodes[id];
      const marksNow = marksOf(id);
      if (
        before &&
        before.v === v &&
        before.marks === marksNow &&
        before.node.selected === selected.has(id) &&
        placed !== undefined &&
        (placed === before.placed || (placed.x === before.node.position.x && placed.y === before.node.position.y))
      ) {
        volumes.set(name, before);
        nodes.push(before.node);
        continue;
      }
      const data = { name, size: v.size, access: v.access, ephemeral: !!v.ephemeral, ...marksNow };
      const node = same(before?.node, { id, type: 'volume', position: position(id), data, selected: selected.has(id) });
      volumes.set(name, { v, marks: marksNow, placed, node });
      nodes.push(node);
    }
    const networkNodes = new Map<string, FlowNode>();
    const all = Object.values(bp.services);
    for (const [name, n] of Object.entries(networks)) {
      const id = elementId.network(name);
      const data: NetworkNodeData = {
        name,
        internal: !!n.internal,
        external: !!n.external,
        driver: n.driver,
        members: all.filter((s) => s.networks?.includes(name)).length,
        implicitMembers: name === 'default' ? all.filter((s) => !s.networks?.length).length : 0,
        ...marksOf(id),
      };
      const node = same(last?.networkNodes.get(id), { id, type: 'network', position: position(id), data, selected: selected.has(id) });
      networkNodes.set(id, node);
      nodes.push(node);
    }
    const flow = { nodes: sameItems(last?.flow.nodes, nodes), edges: sameItems(last?.flow.edges, edges) };
    last = {
      bp,
      diagnostics,
      selection,
      marks: marks.map,
      groups: marks.groups,
      portMarks: marks.portMarks,
      networkNodes,
      volumes,
      kept,
      order,
      flow,
    };
    return flow;
  };
}

/**
 * The answer when only some services changed since `last` — their definitions (an inspector edit) or
 * the marks they show (the analysis worker's answer to that edit: new diagnostics, most of them the
 * same objects) —, with the same names in the same order, the same networks, volumes, layout and
 * selection. Only those services are projected again, their items written over their places in
 * copies of the last arrays; undefined when the change is not of that kind, the marks of a volume
 * or network changed, or a changed service's slice has other items or other networks (a network node
 * counts its members). At 1,000 services this skips walking ~3,700 items, the kept map and the volume
 * and network nodes (~1 ms per edit in the page, in the keydown task and again in the worker reply's).
 */
function servicesOnly(last: Last, bp: Blueprint, diagnostics: readonly Diagnostic[], selection: readonly string[]): Last | undefined {
  const was = last.bp;
  if (selection !== last.selection) return undefined;
  const newMarks = diagnostics !== last.diagnostics;
  if (
    bp === was
      ? !newMarks
      : bp.services === was.services || bp.networks !== was.networks || bp.volumes !== was.volumes || bp.layout !== was.layout
  )
    return undefined;
  // New diagnostics: the marks again (marksFor keeps each unchanged one's object), and which changed.
  const marks = newMarks ? marksFor(last, bp, diagnostics) : { map: last.marks, groups: last.groups, portMarks: last.portMarks };
  let remarked: Set<string> | undefined;
  if (marks.map !== last.marks) {
    remarked = new Set<string>();
    for (const [id, m] of marks.map) if (last.marks.get(id) !== m) remarked.add(id);
    for (const id of last.marks.keys()) if (!marks.map.has(id)) remarked.add(id);
    if (remarked.size === 0) remarked = undefined;
  }
  const services = bp.services;
  const order = last.order;
  let i = 0;
  const changed: number[] = [];
  /** The ids of `remarked` some service shows (the others are volumes' or networks'). */
  const found = new Set<string>();
  // No Object.hasOwn per name (a document's objects are plain): a look-up by name in an object of 1,000
  // services costs ~10x the for…in step, and this runs in the edit's keydown task.
  for (const name in services) {
    const at = order[i];
    if (!at || at.name !== name) return undefined;
    let again = at.k.s !== services[name];
    if (remarked)
      for (const m of at.k.slice.markIds)
        if (remarked.has(m)) {
          found.add(m);
          again = true;
        }
    if (again) changed.push(i);
    i++;
  }
  if (i !== order.length || (remarked && found.size !== remarked.size)) return undefined;
  const withMarks = { diagnostics, marks: marks.map, groups: marks.groups, portMarks: marks.portMarks };
  if (changed.length === 0) return bp === was ? { ...last, ...withMarks } : undefined;
  // Port diagnostics mark a service or its exposure by the service's ports: the same marks only while each still marks the same node
  // (new diagnostics: marksFor placed them on this document).
  if (!newMarks) for (const [d, id] of last.portMarks) if (!sameService(was, bp, d) && markedId(bp, d) !== id) return undefined;
  const marksOf = (id: string): Marks => marks.map.get(id) ?? NO_MARKS;
  const ctx: SliceContext = { services, networks: bp.networks ?? {}, volumes: bp.volumes, marksOf, selected: new Set(selection) };
  const nodes = last.flow.nodes.slice();
  const edges = last.flow.edges.slice();
  const next = order.slice();
  for (const j of changed) {
    const { name, k: before, node, edge } = order[j] as Placed;
    const s = services[name] as Service;
    if (!sameData(before.s.networks, s.networks)) return undefined;
    const id = elementId.service(name);
    const placed = bp.layout?.nodes[id];
    // A default position depends on the links: only a placed service keeps its place for sure.
    if (!placed) return undefined;
    const fresh = serviceSlice(name, s, { x: placed.x, y: placed.y }, ctx);
    if (fresh.nodes.length !== before.slice.nodes.length || fresh.edges.length !== before.slice.edges.length) return undefined;
    keepEqual(before.slice, fresh);
    for (let t = 0; t < fresh.nodes.length; t++) {
      if ((fresh.nodes[t] as FlowNode).id !== (before.slice.nodes[t] as FlowNode).id) return undefined;
      nodes[node + t] = fresh.nodes[t] as FlowNode;
    }
    for (let t = 0; t < fresh.edges.length; t++) {
      if ((fresh.edges[t] as FlowEdge).id !== (before.slice.edges[t] as FlowEdge).id) return undefined;
      edges[edge + t] = fresh.edges[t] as FlowEdge;
    }
    const k: Kept = { s, slice: fresh, marks: fresh.markIds.map(marksOf), placed, reach: reachOf(s, services) };
    next[j] = { name, k, node, edge };
  }
  // In place: `last` is this projection's own and is replaced by the answer (a copy of 1,000 entries per edit).
  const kept = last.kept;
  for (const j of changed) {
    const at = next[j] as Placed;
    kept.set(at.name, at.k);
  }
  const flow = { nodes: sameItems(last.flow.nodes, nodes), edges: sameItems(last.flow.edges, edges) };
  return { ...last, ...withMarks, bp, kept, order: next, flow };
}

/**
 * The marks by element: the last ones while they cannot have changed, and each unchanged one as the
 * same object. An element marked by the same diagnostic objects as last time keeps its marks without
 * building them again (the worker's deltas keep unchanged diagnostics' objects: an edit's analysis
 * changes a few of ~1,750 at 1,000 services); the others are built and kept when equal as data.
 */
function marksFor(last: Last | undefined, bp: Blueprint, diagnostics: readonly Diagnostic[]) {
  if (
    last &&
    last.diagnostics === diagnostics &&
    (last.bp.services === bp.services || last.portMarks.every(([d, id]) => sameService(last.bp, bp, d) || markedId(bp, d) === id))
  )
    return { map: last.marks, groups: last.groups, portMarks: last.portMarks };
  const groups = groupByMarked(bp, diagnostics);
  const map = new Map<string, Marks>();
  for (const [id, group] of groups) {
    const before = last?.marks.get(id);
    if (before && sameObjects(last?.groups.get(id), group)) {
      map.set(id, before);
      continue;
    }
    const m = marksOf(group);
    map.set(id, before && sameData(before, m) ? before : m);
  }
  const portMarks = diagnostics.flatMap(
    (d): Array<[Diagnostic, string | undefined]> => (d.path[0] === 'services' && d.path[2] === 'ports' ? [[d, markedId(bp, d)]] : []),
  );
  return { map, groups, portMarks };
}

/** The service a port diagnostic is about is the same object in both documents (it marks what it marked: markedId). */
function sameService(a: Blueprint, b: Blueprint, d: Diagnostic): boolean {
  const name = d.path[1];
  return typeof name === 'string' && a.services[name] === b.services[name];
}

/** The same objects in the same order. */
function sameObjects<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Which of a service's links reach a service of `services` (the others are not drawn). */
function reachOf(s: Service, services: Readonly<Record<string, unknown>>): boolean[] {
  return (s.links ?? []).map((l) => Object.hasOwn(services, l.to));
}

function sameReach(k: Kept, s: Service, services: Readonly<Record<string, unknown>>): boolean {
  const links = s.links ?? [];
  for (let i = 0; i < links.length; i++) if (Object.hasOwn(services, (links[i] as { to: string }).to) !== k.reach[i]) return false;
  return true;
}

function samePlace(k: Kept, bp: Blueprint, defaults: () => Map<string, XY>): boolean {
  const node = k.slice.nodes[0]; // the service's own node
  if (!node) return false;
  const p = bp.layout?.nodes[node.id] ?? defaults().get(node.id) ?? { x: 0, y: 0 };
  return p === k.placed || (p.x === node.position.x && p.y === node.position.y);
}

/** Items of `fresh` equal as data to `before`'s of the same id become `before`'s objects. */
function keepEqual(before: Slice, fresh: Slice): void {
  const old = new Map<string, FlowNode | FlowEdge>();
  for (const n of before.nodes) old.set(n.id, n);
  for (const e of before.edges) old.set(e.id, e);
  fresh.nodes = fresh.nodes.map((n) => (sameData(old.get(n.id), n) ? (old.get(n.id) as FlowNode) : n));
  fresh.edges = fresh.edges.map((e) => (sameData(old.get(e.id), e) ? (old.get(e.id) as FlowEdge) : e));
}

/** `prev` when `next` holds the same objects in the same order. */
function sameItems<T>(prev: T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev;
}

/** `services` has exactly the names kept (its order aside). */
function sameKeys(kept: ReadonlyMap<string, unknown>, services: Readonly<Record<string, unknown>>): boolean {
  let count = 0;
  for (const name in services) {
    if (!Object.hasOwn(services, name)) continue;
    if (!kept.has(name)) return false;
    count++;
  }
  return count === kept.size;
}

function symmetricDifference(before: readonly string[], now: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const was = new Set(before);
  for (const x of was) if (!now.has(x)) out.add(x);
  for (const x of now) if (!was.has(x)) out.add(x);
  return out;
}
