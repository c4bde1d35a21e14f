import { sameData } from '../model/same-data';

/**
 * `next` with every item that equals (as data) the item of the same id in `prev` replaced by
 * `prev`'s object, and `prev` itself when nothing changed. An edit of one service of a 1,000-service
 * blueprint projects the whole canvas again (toFlow); with this, all but the edited node keep their
 * identity, so React Flow adopts one node instead of all of them and the memoised node components
 * redraw only what changed.
 */
export function stableItems<T extends { id: string }>(prev: readonly T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length === 0) return next;
  if (prev === next) return next;
  let byId: Map<string, T> | undefined;
  let same = prev.length === next.length;
  const out = next.map((item, i) => {
    const at = prev[i];
    if (at === item) return item; // the incremental projection kept it
    // Mostly at the same place (an edit of one service): the map of all ids only when not.
    let old = at !== undefined && at.id === item.id ? at : undefined;
    if (!old) {
      if (!byId) {
        byId = new Map<string, T>();
        for (const p of prev) byId.set(p.id, p);
      }
      old = byId.get(item.id);
    }
    if (old === undefined || !sameData(old, item)) {
      same = false;
      return item;
    }
    if (prev[i] !== old) same = false;
    return old;
  });
  return same ? (prev as T[]) : out;
}
