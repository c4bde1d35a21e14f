import type { XY } from '../model/types';
import { GRID } from './default-layout';

export interface Box extends XY {
  width: number;
  height: number;
}

const MARGIN = GRID * 2;

/**
 * The grid point nearest to `want` where a `size` box overlaps none of `taken` (with a margin),
 * searched ring by ring around `want`. New nodes land where asked, or next to whatever is there.
 */
export function freeSpot(want: XY, size: { width: number; height: number }, taken: readonly Box[], maxRings = 40): XY {
  const start = { x: snap(want.x), y: snap(want.y) };
  const fits = (p: XY) =>
    taken.every(
      (b) =>
        p.x + size.width + MARGIN <= b.x ||
        b.x + b.width + MARGIN <= p.x ||
        p.y + size.height + MARGIN <= b.y ||
        b.y + b.height + MARGIN <= p.y,
    );
  if (fits(start)) return start;
  const step = GRID * 2;
  for (let ring = 1; ring <= maxRings; ring++) {
    const candidates: XY[] = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === ring) candidates.push({ x: start.x + i * step, y: start.y + j * step });
    // Nearest first; ties broken by position so the answer is deterministic.
    candidates.sort((a, b) => dist(a, start) - dist(b, start) || a.y - b.y || a.x - b.x);
    const hit = candidates.find(fits);
    if (hit) return hit;
  }
  return start;
}

const snap = (v: number) => Math.round(v / GRID) * GRID;
const dist = (a: XY, b: XY) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
