import type { Scene, SceneEdge, SceneNode, ViewId } from './scene-types';

/** What the pointer (or keyboard focus) is on: a node or edge of one view. */
export interface Hover {
  view: ViewId;
  key: string;
  elements: readonly string[];
}

const shares = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** Keys of the nodes and edges of `scene` that share a blueprint element with the hovered one (its counterparts). */
export function hotKeys(scene: Scene, hover: Hover | undefined): Set<string> {
  const hot = new Set<string>();
  if (!hover) return hot;
  const all: (SceneNode | SceneEdge)[] = [...scene.nodes, ...scene.edges];
  for (const item of all) {
    if ((hover.view === scene.view && item.key === hover.key) || (hover.elements.length > 0 && shares(item.elements, hover.elements)))
      hot.add(item.key);
  }
  return hot;
}

export interface MarkedLines {
  compose: Set<number>;
  kubernetes: Set<number>;
}

/**
 * The YAML lines to mark for a hover: in the hovered view's own file, the lines of the hovered
 * box itself; in the other file, the lines of every counterpart (boxes sharing a blueprint element).
 */
export function markedLines(hover: Hover | undefined, scenes: Record<ViewId, Scene>): MarkedLines {
  const marked: MarkedLines = { compose: new Set(), kubernetes: new Set() };
  if (!hover) return marked;
  const add = (node: SceneNode) => {
    for (const [from, to] of node.lines?.ranges ?? []) for (let l = from; l <= to; l++) marked[node.lines?.file ?? 'compose'].add(l);
  };
  const own = scenes[hover.view].nodes.find((n) => n.key === hover.key);
  if (own) add(own);
  const other = scenes[hover.view === 'one' ? 'two' : 'one'];
  const hot = hotKeys(other, { ...hover, key: '' });
  for (const n of other.nodes) if (hot.has(n.key)) add(n);
  return marked;
}

export type ExcerptRow = { kind: 'line'; line: number; text: string; marked: boolean } | { kind: 'gap'; after: number; skipped: number };

/**
 * The marked lines of a text with `context` lines around each run; skipped stretches become gaps.
 * At most `max` lines are shown (the first ones); nothing marked gives no rows.
 */
export function excerpt(text: string, marked: ReadonlySet<number>, context = 1, max = 36): ExcerptRow[] {
  if (marked.size === 0) return [];
  const lines = text.split('\n');
  const keep = new Set<number>();
  for (const l of marked) for (let i = l - context; i <= l + context; i++) if (i >= 1 && i <= lines.length) keep.add(i);
  const rows: ExcerptRow[] = [];
  let last = 0;
  let shown = 0;
  for (const l of [...keep].sort((a, b) => a - b)) {
    if (shown >= max) {
      rows.push({ kind: 'gap', after: last, skipped: lines.length - last });
      return rows;
    }
    if (l > last + 1) rows.push({ kind: 'gap', after: last, skipped: l - last - 1 });
    rows.push({ kind: 'line', line: l, text: lines[l - 1] ?? '', marked: marked.has(l) });
    last = l;
    shown++;
  }
  return rows;
}
