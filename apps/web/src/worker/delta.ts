import { hasLazyText, lazyTextPieces } from '@blaupause/compiler';
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
  while (pre < n && same(a[pre], b[pre])) pre++;
  if (pre === a.length && pre === b.length) return undefined;
  let suf = 0;
  while (suf < n - pre && same(a[a.length - 1 - suf], b[b.length - 1 - suf])) suf++;
  const del = a.length - pre - suf;
  const ins = b.slice(pre, b.length - suf);
  if (del === ins.length && del <= ITEM_RUN && ins.every((x, i) => isComposite(x) && isComposite(a[pre + i]))) {
    const items = ins.map((x, i) => diff(a[pre + i], x) ?? null);
    // Items taken for changed unseen (lazy texts) may turn out equal.
    return items.some((d) => d !== null) ? { k: 'ai', at: pre, items } : undefined;
  }
  return { k: 'a', at: pre, del, ins };
}

function diffObject(a: Record<string, unknown>, b: Record<string, unknown>): Delta | undefined {
  const set: Record<string, Delta> = {};
  let changed = false;
  for (const key of Object.keys(b)) {
    const d = key in a ? diffKey(a, b, key) : { k: 'v' as const, v: b[key] };
    if (d) {
      set[key] = d;
      changed = true;
    }
  }
  const drop = Object.keys(a).filter((key) => !(key in b));
  if (!changed && drop.length === 0) return undefined;
  return drop.length > 0 ? { k: 'o', set, drop } : { k: 'o', set };
}

/** diff(a[key], b[key]), comparing lazy texts of the compiler (lazy-text.ts) by their pieces: neither is joined. */
function diffKey(a: Record<string, unknown>, b: Record<string, unknown>, key: string): Delta | undefined {
  const pa = lazyTextPieces(a, key);
  const pb = pa && lazyTextPieces(b, key);
  return pa && pb ? piecesDiff(pa, pb) : diff(a[key], b[key]);
}

/**
 * diff() of two texts given as pieces (their concatenations), as a splice: equal pieces at both
 * ends are skipped by count and length, then only the pieces between are joined and compared.
 */
export function piecesDiff(a: readonly string[], b: readonly string[]): Delta | undefined {
  const n = Math.min(a.length, b.length);
  let pre = 0;
  let at = 0;
  while (pre < n && a[pre] === b[pre]) at += (a[pre++] as string).length;
  if (pre === a.length && pre === b.length) return undefined;
  let suf = 0;
  while (suf < n - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const was = a.slice(pre, a.length - suf).join('');
  const now = b.slice(pre, b.length - suf).join('');
  // Pieces may be cut at other places in the two texts: the middles can still be equal.
  if (was === now) return undefined;
  if (at === 0 && suf === 0) return diff(was, now);
  const [start, end] = textSplice(was, now);
  return { k: 's', at: at + start, del: end - start, ins: now.slice(start, now.length - (was.length - end)) };
}

/** Equal as data; an item holding a lazy text counts as changed unless identical (diff() then compares its pieces). */
const same = (x: unknown, y: unknown) => x === y || (!hasLazyText(x) && !hasLazyText(y) && sameData(x, y));

const isComposite = (x: unknown) => typeof x === 'object' && x !== null;
