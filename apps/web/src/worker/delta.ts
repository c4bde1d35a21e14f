/**
 * Structural deltas of plain data (what structured clone carries: objects, arrays, strings,
 * numbers, booleans, null). The analysis worker keeps the value it last sent and sends only how
 * the next one differs; the page applies that to its copy. Applying keeps the identity of every
 * unchanged object, array and string, so React consumers see which parts changed by `===`.
 *
 * - a string: the changed splice (common prefix and suffix left out);
 * - an array: the changed splice of items, items compared structurally (a changed run of a few
 *   items that keeps its length is sent as deltas of those items, null for an unchanged one: a
 *   1.4 MB file in a one-file array is sent as its text splice, not whole);
 * - an object: the deltas of the keys that changed, and the keys that went;
 * - anything else, or a change of kind: the new value.
 */
export type Delta =
  | { k: 'v'; v: unknown }
  | { k: 's'; at: number; del: number; ins: string }
  | { k: 'a'; at: number; del: number; ins: unknown[] }
  | { k: 'ai'; at: number; items: Array<Delta | null> }
  | { k: 'o'; set: Record<string, Delta>; drop?: string[] };

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

/** `a` with `d` applied; unchanged parts are `a`'s own. Throws when `d` does not fit `a`. */
export function apply(a: unknown, d: Delta | undefined): unknown {
  if (!d) return a;
  switch (d.k) {
    case 'v':
      return d.v;
    case 's':
      if (typeof a !== 'string' || d.at + d.del > a.length) throw new Error('delta: text splice does not fit');
      return a.slice(0, d.at) + d.ins + a.slice(d.at + d.del);
    case 'a':
      if (!Array.isArray(a) || d.at + d.del > a.length) throw new Error('delta: array splice does not fit');
      return a.slice(0, d.at).concat(d.ins, a.slice(d.at + d.del));
    case 'ai': {
      if (!Array.isArray(a) || d.at + d.items.length > a.length) throw new Error('delta: item deltas do not fit');
      const out = a.slice();
      d.items.forEach((item, i) => {
        if (item) out[d.at + i] = apply(a[d.at + i], item);
      });
      return out;
    }
    case 'o': {
      if (!isRecord(a)) throw new Error('delta: object delta on a non-object');
      const out: Record<string, unknown> = { ...a };
      for (const [key, kd] of Object.entries(d.set)) out[key] = apply(a[key], kd);
      for (const key of d.drop ?? []) delete out[key];
      return out;
    }
  }
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

/**
 * The changed span of two texts: [start, end of the old text's changed part]; the new text's
 * changed part is b.slice(start, b.length - (a.length - end)). Compares blocks natively first,
 * and never splits a surrogate pair.
 */
export function textSplice(a: string, b: string): [number, number] {
  const n = Math.min(a.length, b.length);
  let pre = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (pre + block <= n && a.slice(pre, pre + block) === b.slice(pre, pre + block)) pre += block;
  }
  if (pre > 0 && isHigh(a.charCodeAt(pre - 1))) pre--;
  const room = n - pre;
  let suf = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (suf + block <= room && a.slice(a.length - suf - block, a.length - suf) === b.slice(b.length - suf - block, b.length - suf)) {
      suf += block;
    }
  }
  if (suf > 0 && isLow(a.charCodeAt(a.length - suf))) suf--;
  return [pre, a.length - suf];
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const isComposite = (x: unknown) => typeof x === 'object' && x !== null;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Equal as data: same kind, same keys (a key holding undefined counts), equal values. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) if (!(key in rb) || !sameData(ra[key], rb[key])) return false;
  return true;
}
