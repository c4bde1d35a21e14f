import { isRecord } from '../model/same-data';
import { spliceText, type TextChain, type TextEdit } from './text-chain';

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

export type { TextEdit } from './text-chain';

/**
 * Per object made by an object delta with text splices: the object it was made from, and per
 * spliced key the splice and (for a long text) its chain (text-chain.ts).
 */
const edited = new WeakMap<object, { from: object; edits: Record<string, TextEdit>; chains: Record<string, TextChain> }>();

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
      const was = edited.get(a)?.chains;
      // The chains of the texts left alone go on.
      const chains: Record<string, TextChain> = was ? { ...was } : {};
      let spliced = false;
      for (const [key, kd] of Object.entries(d.set)) {
        const text = a[key];
        if (kd.k !== 's' || typeof text !== 'string') {
          out[key] = apply(text, kd);
          delete chains[key];
          continue;
        }
        // A long text is spliced as a chain: nothing is copied (text-chain.ts).
        const next = spliceText(text, was?.[key], kd);
        out[key] = next.text;
        if (next.chain) chains[key] = next.chain;
        else delete chains[key];
        edits[key] = kd;
        spliced = true;
      }
      for (const key of d.drop ?? []) {
        delete out[key];
        delete chains[key];
      }
      if (spliced || Object.keys(chains).length > 0) edited.set(out, { from: a, edits, chains });
      return out;
    }
  }
}
