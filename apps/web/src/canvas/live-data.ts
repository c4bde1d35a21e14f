import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { sameData } from '../model/same-data';
import { unhidden } from './far-live';

/** One item's data that changed while React Flow keeps its old object: `after` undefined when it holds the current data again. */
export interface LiveChange {
  id: string;
  before: unknown;
  after: unknown;
}

/**
 * The current data of the nodes and edges whose React Flow objects are kept although their data
 * changed (shownItems). React Flow adopts a new nodes or edges array in full — at 1,000 services an
 * edit's `setNodes` and `setEdges` cost ~40 ms over ~2,500 nodes and ~3,000 edges, and its ~500
 * mounted node wrappers all check the change — so an edit that changes only what a node shows
 * (an image, a condition, a mark) does not hand React Flow a new array: the node's component reads
 * its data here, by id, and only that component renders again.
 */
export interface LiveData {
  get(id: string): unknown;
  /** The items that show live data now, with it. */
  entries(): IterableIterator<[string, unknown]>;
  subscribe(id: string, listener: () => void): () => void;
  /** Every change of an apply(), for the raster (it draws some of the data). */
  listen(listener: (changes: readonly LiveChange[]) => void): () => void;
  apply(changes: readonly LiveChange[]): void;
}

export function createLiveData(): LiveData {
  const values = new Map<string, unknown>();
  const byId = new Map<string, Set<() => void>>();
  const all = new Set<(changes: readonly LiveChange[]) => void>();
  return {
    get: (id) => values.get(id),
    entries: () => values.entries(),
    subscribe(id, listener) {
      const set = byId.get(id) ?? new Set<() => void>();
      byId.set(id, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) byId.delete(id);
      };
    },
    listen(listener) {
      all.add(listener);
      return () => all.delete(listener);
    },
    apply(changes) {
      if (changes.length === 0) return;
      for (const c of changes) {
        if (c.after === undefined) values.delete(c.id);
        else values.set(c.id, c.after);
      }
      for (const c of changes) for (const l of byId.get(c.id) ?? []) l();
      for (const l of all) l(changes);
    },
  };
}

export const LiveDataContext = createContext<LiveData | null>(null);

const never = () => () => undefined;

/** The item's current data: its live data when React Flow holds an older object, else `data`. */
export function useLiveData<T>(id: string, data: T): T {
  const live = useContext(LiveDataContext);
  const subscribe = useCallback((l: () => void) => (live ? live.subscribe(id, l) : never()), [live, id]);
  const current = useSyncExternalStore(subscribe, () => live?.get(id));
  return current === undefined ? data : (current as T);
}

/**
 * Nodes or edges as the diagram holds them (export, anything that reads React Flow's items as
 * data): with their current data, and without the far view's `hidden` (far-live.ts: not mounted,
 * but drawn by the raster — part of the graph).
 */
export function withLiveData<T extends { id: string; data?: unknown; hidden?: boolean }>(items: readonly T[], live: LiveData | null): T[] {
  return items.map((item) => {
    const data = live?.get(item.id);
    const shown = unhidden(item);
    return data === undefined ? shown : { ...shown, data };
  });
}

/** The last call of shownItems: what it was given and what it answered, item for item. */
export interface Shown<T> {
  given: readonly T[];
  shown: T[];
}

/**
 * What React Flow gets: `next`, except that an item whose object changed only in its data keeps
 * the object React Flow has (`last.shown`), its data going to `changes` (for LiveData.apply after
 * the render); and `last.shown` itself when every item is kept. An item given as last time is
 * answered as last time without a look (at load the analysis's marks make ~1,000 of 1,350 nodes
 * live; comparing them on every edit cost ~7 ms). `live` gives the data a kept object shows now.
 */
export function shownItems<T extends { id: string; data?: unknown }>(
  last: Shown<T> | undefined,
  next: T[],
  live: LiveData,
  changes: LiveChange[],
): T[] {
  if (!last) return next;
  const { given, shown: prev } = last;
  if (given === next) return prev;
  let byId: Map<string, T> | undefined;
  let same = prev.length === next.length;
  const out = next.map((n, i) => {
    if (given[i] === n) return prev[i] as T; // `prev` answered `given` item for item
    let p = prev[i];
    if (p === n) return n;
    if (!p || p.id !== n.id) {
      if (!byId) byId = new Map(prev.map((x) => [x.id, x]));
      p = byId.get(n.id);
      same = false;
    }
    const shown = p === undefined ? undefined : live.get(n.id);
    if (p === undefined || !sameBesideData(p, n)) {
      same = false;
      if (shown !== undefined) changes.push({ id: n.id, before: shown, after: undefined });
      return n;
    }
    const before = shown === undefined ? p.data : shown;
    if (before !== n.data) changes.push({ id: n.id, before, after: p.data === n.data || sameData(p.data, n.data) ? undefined : n.data });
    return p;
  });
  return same ? prev : out;
}

/** Equal as data in everything but `data`. */
function sameBesideData(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const key in ra) {
    count++;
    if (key !== 'data' && (!(key in rb) || !sameData(ra[key], rb[key]))) return false;
  }
  let countB = 0;
  for (const _ in rb) countB++;
  return count === countB;
}
