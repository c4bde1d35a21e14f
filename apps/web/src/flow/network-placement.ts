import { type Blueprint, elementId } from '@blaupause/model';
import type { XY } from '../model/types';
import { GRID } from './grid';

/** Room a network node takes in its row (a little wider than it is drawn), and the gap above the services. */
export const NETWORK_SLOT = 280;
export const NETWORK_GAP = 160;

/**
 * Where network segments go once the services are placed: in one row above the drawing, each
 * centred over the services that join it (a declared `default` also over the services that name no
 * network), pushed right where segments would overlap; a segment nobody joins goes at the row's end.
 * Deterministic (document order breaks ties), so a layout is stable.
 */
export function placeNetworks(bp: Blueprint, services: ReadonlyMap<string, XY>, serviceWidth = 240): Map<string, XY> {
  const out = new Map<string, XY>();
  const names = Object.keys(bp.networks ?? {});
  if (names.length === 0) return out;
  const placed = [...services.values()];
  const top = placed.length > 0 ? Math.min(...placed.map((p) => p.y)) : 0;
  const y = snap(top - NETWORK_GAP);
  const wanted = names.map((name, order) => {
    const xs = Object.entries(bp.services)
      .filter(([, s]) => s.networks?.includes(name) || (name === 'default' && !s.networks?.length))
      .flatMap(([n]) => {
        const p = services.get(elementId.service(n));
        return p ? [p.x + serviceWidth / 2] : [];
      });
    const x = xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length - NETWORK_SLOT / 2 : undefined;
    return { name, order, x };
  });
  const joined = wanted.filter((w) => w.x !== undefined).sort((a, b) => (a.x as number) - (b.x as number) || a.order - b.order);
  let next = Number.NEGATIVE_INFINITY;
  for (const w of joined) {
    const x = Math.max(snap(w.x as number), next);
    out.set(elementId.network(w.name), { x, y });
    next = x + NETWORK_SLOT;
  }
  const left = placed.length > 0 ? snap(Math.min(...placed.map((p) => p.x))) : 0;
  for (const w of wanted) {
    if (w.x !== undefined) continue;
    const x = Math.max(next, left);
    out.set(elementId.network(w.name), { x, y });
    next = x + NETWORK_SLOT;
  }
  return out;
}

const snap = (v: number) => Math.round(v / GRID) * GRID;
