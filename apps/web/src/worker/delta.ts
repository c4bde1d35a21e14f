import { isRecord, sameData } from '../model/same-data';

import type { Delta } from './delta-apply';
import { textSplice } from './text-splice';

export { apply, type Delta } from './delta-apply';
export { textSplice } from './text-splice';

// The worker's side of the deltas (delta-apply.ts says what they are): how the next value differs
// from the one sent last. Split from `apply` so the page's initial chunk carries only `apply`.

/** Strings shorter than this are sent whole when they change. */
const SHORT_STRING = 64;
/** A changed run of at most this many items (same count before and after) is sent item by item. */
const ITEM_RUN = 8;

/** How `b` differs from `a`; undefined when they are equal as data. */
export function diff(a: unknown, b: unknown): Delta | undefined {
  if (a === b) return undefined;
  if (typeof a === 'string' && typeof b === 'string') {
    if (b.length < SHORT_STRING) return { k: 'v', v: b };
    const [at, end] = textSplice(a, b);
    return { k: 's', at, del: end - at, ins: b.slice(at, b.length - (a.length - end)) };
  }
  if (Array.isArray(a) && Array.isArray(b)) return diffArray(a, b);
  if (isRecord(a) && isRecord(b)) return diffObject(a, b);
  return sameData(a, b) ? undefined : { k: 'v', v: b };
}

function diffArray(a: readonly unknown[], b: readonly unknown[]): Delta | undefined {
  const n = Math.min(a.length, b.length);
  let pre = 0;
  while (pre < n && sameData(a[pre], b[pre])) pre++;
  if (pre === a.length && pre === b.length) return undefined;
  let suf = 0;
  while (suf < n - pre && sameData(a[a.length - 1 - suf], b[b.length - 1 - suf])) suf++;
  const del = a.length - pre - suf;
  const ins = b.slice(pre, b.length - suf);
  if (del === ins.length && del <= ITEM_RUN && ins.every((x, i) => isComposite(x) && isComposite(a[pre + i]))) {
    return { k: 'ai', at: pre, items: ins.map((x, i) => diff(a[pre + i], x) ?? null) };
  }
  return { k: 'a', at: pre, del, ins };
}

function diffObject(a: Record<string, unknown>, b: Record<string, unknown>): Delta | undefined {
  const set: Record<string, Delta> = {};
  let changed = false;
  for (const key of Object.keys(b)) {
    const d = key in a ? diff(a[key], b[key]) : { k: 'v' as const, v: b[key] };
    if (d) {
      set[key] = d;
      changed = true;
    }
  }
  const drop = Object.keys(a).filter((key) => !(key in b));
  if (!changed && drop.length === 0) return undefined;
  return drop.length > 0 ? { k: 'o', set, drop } : { k: 'o', set };
}

const isComposite = (x: unknown) => typeof x === 'object' && x !== null;
