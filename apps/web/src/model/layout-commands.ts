import type { Blueprint } from '@blaupause/model';
import type { XY } from './types';

/** Positions are rounded to whole pixels: the blueprint file stays readable and diffs stay small. */
export function placeNode(bp: Blueprint, id: string, at: XY): Blueprint {
  return moveNodes(bp, [{ id, ...at }]);
}

/** Moves nodes: touches `layout` only, so compiled output cannot change (DESIGN §1). */
export function moveNodes(bp: Blueprint, moves: ReadonlyArray<{ id: string } & XY>): Blueprint {
  if (moves.length === 0) return bp;
  const nodes = { ...bp.layout?.nodes };
  for (const { id, x, y } of moves) nodes[id] = { ...nodes[id], x: Math.round(x), y: Math.round(y) };
  return { ...bp, layout: { ...bp.layout, nodes } };
}
