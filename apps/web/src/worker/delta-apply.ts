import { isRecord } from '../model/same-data';

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

/** One text splice: [at, at + del) replaced by `ins`. */
export interface TextEdit {
  at: number;
  del: number;
  ins: string;
}

/** Per object made by an object delta: the object it was made from and the text splices of its keys. */
const edited = new WeakMap<object, { from: object; edits: Record<string, TextEdit> }>();

/**
 * How `o[key]` came from `from[key]`, when `o` was made by apply() from `from` with a text splice
 * of that key. A consumer that holds `from[key]` (a Monaco model showing it) applies just this
 * splice, knowing which text it holds by its owner object's identity: comparing the texts themselves
 * would read (and flatten) both megabyte strings.
 */
export function textEditOf(o: object, key: string): { from: object; edit: TextEdit } | undefined {
  const e = edited.get(o);
  const edit = e?.edits[key];
  return e && edit ? { from: e.from, edit } : undefined;
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
      const edits: Record<string, TextEdit> = {};
      let spliced = false;
      for (const [key, kd] of Object.entries(d.set)) {
        out[key] = apply(a[key], kd);
        if (kd.k === 's') {
          edits[key] = kd;
          spliced = true;
        }
      }
      if (spliced) edited.set(out, { from: a, edits });
      for (const key of d.drop ?? []) delete out[key];
      return out;
    }
  }
}
