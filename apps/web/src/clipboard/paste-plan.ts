import { type Blueprint, type Container, elementId, type Service } from '@blaupause/model';
import { uniqueName } from '../model/names';
import type { Command, Elements, XY } from '../model/types';

/** How far each paste of the same thing lands from the last one, like Duplicate. */
export const PASTE_OFFSET = 40;

export interface PastePlan {
  command: Command;
  /** The pasted nodes, to select. */
  ids: string[];
}

type Layout = Record<string, XY>;

/**
 * Pasting a fragment (see copyFragment) into a document, as one command:
 * - services, and the volumes and networks that have a layout entry (copies), get free names:
 *   web → web-2 when web is taken; everything that referred to them follows the rename;
 * - resources without a layout entry are references: reused when the document has one of that name,
 *   else added as they are;
 * - links to services neither pasted nor in the document are dropped; published host ports the
 *   document publishes already are unpublished (they would clash);
 * - positions keep their arrangement: moved so the top-left corner is at `at` when given, else by
 *   PASTE_OFFSET steps until no pasted node sits exactly on an existing one (paste, paste again).
 */
export function pastePlan(bp: Blueprint, fragment: Blueprint, at?: XY): PastePlan | undefined {
  const flayout: Layout = fragment.layout?.nodes ?? {};
  const isCopy = (id: string) => Object.hasOwn(flayout, id);

  const serviceNames = renames(Object.keys(fragment.services), Object.keys(bp.services));
  const copiedVolumes = Object.keys(fragment.volumes ?? {}).filter((n) => isCopy(elementId.volume(n)));
  const copiedNetworks = Object.keys(fragment.networks ?? {}).filter((n) => isCopy(elementId.network(n)));
  // A copy may not take the name of a reference that the paste adds under its own name.
  const refs = (r: Readonly<Record<string, unknown>> | undefined, copies: readonly string[]) =>
    Object.keys(r ?? {}).filter((n) => !copies.includes(n));
  const volumeNames = renames(copiedVolumes, [...Object.keys(bp.volumes ?? {}), ...refs(fragment.volumes, copiedVolumes)]);
  const networkNames = renames(copiedNetworks, [...Object.keys(bp.networks ?? {}), ...refs(fragment.networks, copiedNetworks)]);
  if (serviceNames.size + volumeNames.size + networkNames.size === 0) return undefined;

  const published = new Set(Object.values(bp.services).flatMap((s) => (s.ports ?? []).flatMap((p) => (p.publish ? [p.publish] : []))));
  const services: Record<string, Service> = {};
  for (const [name, s] of Object.entries(fragment.services)) {
    const links = (s.links ?? [])
      .filter((l) => serviceNames.has(l.to) || Object.hasOwn(bp.services, l.to))
      .map((l) => ({ ...l, to: serviceNames.get(l.to) ?? l.to }));
    const ports = s.ports?.map((p) => {
      if (!p.publish || !published.has(p.publish)) return p;
      const { publish: _p, hostIp: _h, ...rest } = p;
      return rest;
    });
    const containers: Record<string, Container> = {};
    for (const [cn, c] of Object.entries(s.containers))
      containers[cn] = c.mounts
        ? { ...c, mounts: c.mounts.map((m) => (m.type === 'volume' ? { ...m, source: volumeNames.get(m.source) ?? m.source } : m)) }
        : c;
    const { links: _l, ports: _p, networks: _n, ...rest } = s;
    services[serviceNames.get(name) ?? name] = {
      ...rest,
      ...(ports ? { ports } : {}),
      ...(s.networks ? { networks: s.networks.map((n) => networkNames.get(n) ?? n) } : {}),
      ...(links.length > 0 ? { links } : {}),
      containers,
    };
  }

  const elements: Elements = {
    services,
    volumes: resources(fragment.volumes, volumeNames, bp.volumes),
    networks: resources(fragment.networks, networkNames, bp.networks),
    configs: resources(fragment.configs, new Map(), bp.configs),
    secrets: resources(fragment.secrets, new Map(), bp.secrets),
  };

  // Layout, under the new ids.
  const renamedIds = new Map<string, string>([
    ...[...serviceNames].map(([a, b]) => [elementId.service(a), elementId.service(b)] as const),
    ...[...volumeNames].map(([a, b]) => [elementId.volume(a), elementId.volume(b)] as const),
    ...[...networkNames].map(([a, b]) => [elementId.network(a), elementId.network(b)] as const),
  ]);
  const placed: Layout = {};
  for (const [id, p] of Object.entries(flayout)) {
    const to = renamedIds.get(id);
    if (to) placed[to] = { x: p.x, y: p.y };
  }
  const shift = offset(bp, Object.values(placed), at);
  const layout: Layout = {};
  for (const [id, p] of Object.entries(placed)) layout[id] = { x: p.x + shift.x, y: p.y + shift.y };
  // Added references (a volume this document lacks) go in a column right of what was pasted.
  const copies = new Set(renamedIds.values());
  const added = [
    ...Object.keys(elements.volumes ?? {}).map(elementId.volume),
    ...Object.keys(elements.networks ?? {}).map(elementId.network),
  ].filter((id) => !copies.has(id));
  const right = Math.max(0, ...Object.values(layout).map((p) => p.x)) + 320;
  const top = Math.min(...Object.values(layout).map((p) => p.y), at?.y ?? Number.POSITIVE_INFINITY);
  added.forEach((id, i) => {
    layout[id] = { x: right, y: (Number.isFinite(top) ? top : 0) + i * 100 };
  });

  for (const key of ['volumes', 'networks', 'configs', 'secrets'] as const)
    if (Object.keys(elements[key] ?? {}).length === 0) delete elements[key];
  return {
    command: { kind: 'insertElements', elements: { ...elements, layout } },
    ids: [...renamedIds.values()],
  };
}

/** Old name → free name, in order: a name is kept when free, else base-2, base-3… (a copy of web-2 is web-3). */
function renames(names: readonly string[], taken: readonly string[]): Map<string, string> {
  const used = new Set(taken);
  const out = new Map<string, string>();
  for (const name of names) {
    const to = used.has(name) ? uniqueName(name.replace(/-\d+$/, ''), used) : name;
    used.add(to);
    out.set(name, to);
  }
  return out;
}

/** Copies under their new names, plus references the document does not have yet. */
function resources<V>(
  from: Readonly<Record<string, V>> | undefined,
  copies: ReadonlyMap<string, string>,
  existing: Readonly<Record<string, V>> | undefined,
): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [name, v] of Object.entries(from ?? {})) {
    const copy = copies.get(name);
    if (copy) out[copy] = v;
    else if (!existing || !Object.hasOwn(existing, name)) out[name] = v;
  }
  return out;
}

function offset(bp: Blueprint, points: readonly XY[], at?: XY): XY {
  if (points.length === 0) return { x: 0, y: 0 };
  const minX = Math.min(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  if (at) return { x: at.x - minX, y: at.y - minY };
  const occupied = new Set(Object.values(bp.layout?.nodes ?? {}).map((p) => `${p.x},${p.y}`));
  for (let k = 1; ; k++) {
    const d = k * PASTE_OFFSET;
    if (!points.some((p) => occupied.has(`${p.x + d},${p.y + d}`))) return { x: d, y: d };
  }
}
