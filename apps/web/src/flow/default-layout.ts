import { type Blueprint, elementId } from '@blaupause/model';
import type { XY } from '../model/types';
import { placeNetworks } from './network-placement';

export { GRID } from './grid';
export const COLUMN_WIDTH = 400;
export const ROW_HEIGHT = 200;

/**
 * Where nodes without a layout entry go: services in columns by dependency depth (a service left
 * of the services it uses), in document order within a column; volumes in a column after them;
 * networks in a row above.
 * Deterministic, so an unplaced blueprint always opens the same way. (Auto-layout with elkjs
 * will replace this for imports; placed nodes always keep their layout.)
 */
export function defaultPositions(bp: Blueprint): Map<string, XY> {
  const depth = dependencyDepth(bp);
  const rows = new Map<number, number>();
  const out = new Map<string, XY>();
  const place = (id: string, column: number) => {
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    out.set(id, { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT });
  };
  for (const name of Object.keys(bp.services)) place(elementId.service(name), depth.get(name) ?? 0);
  const volumeColumn = depth.size > 0 ? Math.max(...depth.values()) + 1 : 0;
  for (const name of Object.keys(bp.volumes ?? {})) place(elementId.volume(name), volumeColumn);
  // Segments go over where their members are shown: placed services where they were placed.
  const placed = bp.layout?.nodes ?? {};
  const services = new Map(
    [...out].filter(([id]) => id.startsWith('service:')).map(([id, p]) => [id, Object.hasOwn(placed, id) ? (placed[id] as XY) : p]),
  );
  for (const [id, p] of placeNetworks(bp, services)) out.set(id, p);
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
