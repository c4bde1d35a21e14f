import { type Blueprint, elementId, type Service } from '@blaupause/model';
import type { XY } from '../model/types';
import { GRID } from './grid';
import { placeNetworks } from './network-placement';

export { GRID } from './grid';
export const COLUMN_WIDTH = 400;
export const ROW_HEIGHT = 200;

/** Space between a service and a volume placed below it (as ELK's layout leaves: layout-graph.ts). */
const SATELLITE_GAP = 60;
/** A volume node's height, roughly (layout-graph's estimate). */
const VOLUME_HEIGHT = 70;

/**
 * Where nodes without a layout entry go: services in columns by dependency depth (a service left
 * of the services it uses), in document order within a column; a volume that only one service
 * mounts right below that service (where ELK's layout puts it: it is read as part of it), the
 * service's column going on below the volume; the other volumes in a column after the services;
 * networks in a row above.
 * Deterministic, so an unplaced blueprint always opens the same way. Used when ELK is not ready in
 * time (auto-layout.ts) and for nodes added without a place; placed nodes always keep their layout.
 */
export function defaultPositions(bp: Blueprint): Map<string, XY> {
  const depth = dependencyDepth(bp);
  const below = soleUsers(bp);
  const satellites = new Map<string, string[]>();
  for (const [volume, service] of below) satellites.set(service, [...(satellites.get(service) ?? []), volume]);
  const tops = new Map<number, number>();
  const out = new Map<string, XY>();
  const place = (id: string, column: number, height: number, under: readonly string[] = []) => {
    const x = column * COLUMN_WIDTH;
    const y = tops.get(column) ?? 0;
    out.set(id, { x, y });
    if (under.length === 0) {
      tops.set(column, y + ROW_HEIGHT);
      return;
    }
    let bottom = y + height;
    for (const volume of under) {
      const top = Math.ceil((bottom + SATELLITE_GAP) / GRID) * GRID;
      out.set(elementId.volume(volume), { x, y: top });
      bottom = top + VOLUME_HEIGHT;
    }
    // The column goes on in whole rows, a row's gap below the last volume.
    tops.set(column, y + Math.ceil((bottom - y + SATELLITE_GAP) / ROW_HEIGHT) * ROW_HEIGHT);
  };
  for (const [name, s] of Object.entries(bp.services))
    place(elementId.service(name), depth.get(name) ?? 0, serviceHeight(s), satellites.get(name));
  const volumeColumn = depth.size > 0 ? Math.max(...depth.values()) + 1 : 0;
  for (const name of Object.keys(bp.volumes ?? {})) if (!below.has(name)) place(elementId.volume(name), volumeColumn, VOLUME_HEIGHT);
  // Segments go over where their members are shown: placed services where they were placed.
  const placed = bp.layout?.nodes ?? {};
  const services = new Map(
    [...out].filter(([id]) => id.startsWith('service:')).map(([id, p]) => [id, Object.hasOwn(placed, id) ? (placed[id] as XY) : p]),
  );
  for (const [id, p] of placeNetworks(bp, services)) out.set(id, p);
  return out;
}

/** Roughly what nodes.css draws for a service before it was measured: a header, a row per container, a row of ports. */
function serviceHeight(s: Service): number {
  return 44 + Object.keys(s.containers).length * 30 + 30;
}

/** Declared volumes that exactly one service mounts (in any of its containers) → that service. */
function soleUsers(bp: Blueprint): Map<string, string> {
  const users = new Map<string, Set<string>>();
  for (const [name, s] of Object.entries(bp.services))
    for (const c of Object.values(s.containers))
      for (const m of c.mounts ?? [])
        if (m.type === 'volume' && bp.volumes && Object.hasOwn(bp.volumes, m.source)) {
          const set = users.get(m.source) ?? new Set<string>();
          set.add(name);
          users.set(m.source, set);
        }
  const out = new Map<string, string>();
  for (const [volume, set] of users) if (set.size === 1) out.set(volume, [...set][0] as string);
  return out;
}

/** Longest chain of "uses" links leading to each service; cycles stop growing after n rounds. */
function dependencyDepth(bp: Blueprint): Map<string, number> {
  const names = Object.keys(bp.services);
  const depth = new Map(names.map((n) => [n, 0]));
  for (let round = 0; round < names.length; round++) {
    let changed = false;
    for (const [from, s] of Object.entries(bp.services))
      for (const link of s.links ?? []) {
        const d = depth.get(link.to);
        const next = Math.min((depth.get(from) ?? 0) + 1, names.length - 1);
        if (d !== undefined && next > d) {
          depth.set(link.to, next);
          changed = true;
        }
      }
    if (!changed) break;
  }
  return depth;
}

/**
 * The document with a layout entry for every node that has none, at its default position. Done
 * once when a document is opened, so unplaced nodes do not jump around as links are drawn
 * (default positions depend on the links). Touches `layout` only.
 */
export function withDefaultLayout(bp: Blueprint): Blueprint {
  const placed = bp.layout?.nodes ?? {};
  // A document whose nodes are all placed (every saved one) needs no default positions, and
  // computing them walks the links in rounds: quadratic on long chains, seconds at 5,000 services.
  if (placedAll(bp, placed)) return bp;
  const missing = [...defaultPositions(bp)].filter(([id]) => !Object.hasOwn(placed, id));
  if (missing.length === 0) return bp;
  const nodes = { ...placed };
  for (const [id, p] of missing) nodes[id] = { x: p.x, y: p.y };
  return { ...bp, layout: { ...bp.layout, nodes } };
}

function placedAll(bp: Blueprint, placed: Readonly<Record<string, unknown>>): boolean {
  const has = (id: string) => Object.hasOwn(placed, id);
  return (
    Object.keys(bp.services).every((name) => has(elementId.service(name))) &&
    Object.keys(bp.volumes ?? {}).every((name) => has(elementId.volume(name))) &&
    Object.keys(bp.networks ?? {}).every((name) => has(elementId.network(name)))
  );
}
