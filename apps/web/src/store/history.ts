/**
 * Undo/redo over immutable documents. Snapshots are cheap: commands share every untouched part
 * of the document with the one before. Pure functions, so the store stays a thin shell.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

export const HISTORY_LIMIT = 200;

export const initHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** A new present; the old one becomes undoable, the redo branch is dropped. */
export function push<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  if (next === h.present) return h;
  return { past: [...h.past, h.present].slice(-limit), present: next, future: [] };
}

/** Replaces the present without a history entry: the steps of a gesture (dragging) until it settles. */
export function amend<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { ...h, present: next };
}

/** Ends a gesture that started at `base`: one undo step back to where it began. */
export function settle<T>(h: History<T>, base: T, limit = HISTORY_LIMIT): History<T> {
  if (base === h.present) return h;
  return { past: [...h.past, base].slice(-limit), present: h.present, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: prev as T, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: next as T, future: rest };
}
