import { defineLazyText } from '@blaupause/compiler';
import { describe, expect, it } from 'vitest';
import { sameData } from '../model/same-data';
import { type Seeded, seeded } from '../testing/seeded';
import { apply, type Delta, diff, piecesDiff, textSplice } from './delta';

const rng = seeded;
type Rng = Seeded;

const ALPHABET = ['a', 'b', ' ', '\n', ':', '-', 'é', '😀', '7'];
const text = (r: Rng, n: number) => Array.from({ length: n }, () => r.pick(ALPHABET)).join('');
const diagnostic = (r: Rng) => ({
  code: r.pick(['C1', 'C2', 'V3']),
  severity: r.pick(['info', 'warning', 'error']),
  path: Array.from({ length: r.int(4) }, () => r.pick(['services', 'web', 'image', 'ports'])),
  message: text(r, r.int(12)),
  ...(r.next() < 0.3 ? { elementId: `service:${r.int(5)}` } : {}),
  ...(r.next() < 0.2 ? { hint: undefined } : {}),
});
const range = (r: Rng) => ({ elementId: `service:${r.int(6)}`, startLine: r.int(50), endLine: r.int(60) });
const list = <T>(r: Rng, n: number, item: (r: Rng) => T) => Array.from({ length: n }, () => item(r));

/** An Analysis-shaped value: problems, three targets with one file each (long text, source map), notes. */
function analysisLike(r: Rng) {
  const target = (t: string) => ({
    target: t,
    files: [{ path: `${t}.yaml`, content: text(r, 100 + r.int(400)), sourceMap: list(r, r.int(30), range) }],
    diagnostics: list(r, r.int(10), diagnostic),
  });
  return {
    problems: list(r, r.int(5), diagnostic),
    compiled: { compose: target('compose'), swarm: target('swarm'), kubernetes: target('kubernetes') },
    notes: list(r, r.int(20), diagnostic),
  };
}

/** One random edit somewhere in the tree, copying only the path to it (as immutable updates do). */
function mutate(r: Rng, v: unknown, depth = 0): unknown {
  if (typeof v === 'string') {
    const at = r.int(v.length + 1);
    const del = r.int(Math.min(5, v.length - at) + 1);
    return v.slice(0, at) + text(r, r.int(6)) + v.slice(at + del);
  }
  if (Array.isArray(v)) {
    const out = v.slice();
    const op = r.int(4);
    if (op === 0 || out.length === 0) out.splice(r.int(out.length + 1), 0, ...list(r, 1 + r.int(3), diagnostic));
    else if (op === 1) out.splice(r.int(out.length), 1 + r.int(3));
    else {
      const i = r.int(out.length);
      out[i] = mutate(r, out[i], depth + 1);
    }
    return out;
  }
  if (typeof v === 'object' && v !== null) {
    const o = { ...(v as Record<string, unknown>) };
    const keys = Object.keys(o);
    const op = r.int(10);
    if (op === 0) o[`extra${r.int(3)}`] = r.pick([undefined, null, 1, 'x', [1, 2], { a: 1 }]);
    else if (op === 1 && depth > 1 && keys.length > 0) delete o[r.pick(keys)];
    else if (op === 2 && depth > 1 && keys.length > 0) o[r.pick(keys)] = r.pick([null, 0, 'swapped', [], {}]);
    else if (keys.length > 0) {
      const k = r.pick(keys);
      o[k] = mutate(r, o[k], depth + 1);
    }
    return o;
  }
  if (typeof v === 'number') return v + 1 + r.int(3);
  return r.pick([true, 'now a string', 5]);
}

/**
 * Where `before` (the page's copy) and `after` (the worker's new value) are equal as data, the
 * applied result must be `before`'s own object or string.
 */
function expectKept(before: unknown, after: unknown, applied: unknown, path = '$'): number {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return 0;
  if (sameData(before, after)) {
    expect(applied, `${path} is unchanged: kept`).toBe(before);
    return 1;
  }
  let kept = 0;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const x = applied as Record<string, unknown>;
  if (Array.isArray(before) && Array.isArray(after)) {
    // Items of the unchanged prefix keep their identity.
    for (let i = 0; i < Math.min(before.length, after.length) && sameData(before[i], after[i]); i++)
      kept += expectKept(b[i], a[i], x[i], `${path}[${i}]`);
    return kept;
  }
  for (const k of Object.keys(a)) if (k in b) kept += expectKept(b[k], a[k], x[k], `${path}.${k}`);
  return kept;
}

describe('analysis deltas', () => {
  it('applying the deltas of random edit sequences (through a structured clone) reproduces every value exactly, keeping unchanged parts', () => {
    let kept = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const r = rng(seed);
      let worker: unknown = r.next() < 0.2 ? {} : analysisLike(r);
      // The page starts from its own copy, as it does from EMPTY_ANALYSIS.
      let page: unknown = structuredClone(worker);
      for (let step = 0; step < 25; step++) {
        const next = r.next() < 0.05 ? analysisLike(r) : mutate(r, worker);
        const d = diff(worker, next);
        const applied = apply(page, structuredClone(d));
        expect(applied, `seed ${seed} step ${step}`).toStrictEqual(next);
        if (d === undefined) expect(applied).toBe(page);
        kept += expectKept(page, next, applied);
        worker = next;
        page = applied;
      }
    }
    expect(kept).toBeGreaterThan(1000);
  });

  it('sends a one-character edit of a long text in a one-file array as that splice', () => {
    const content = 'x'.repeat(100_000);
    const before = { files: [{ path: 'compose.yaml', content, sourceMap: [{ elementId: 's', startLine: 1, endLine: 2 }] }] };
    const after = { files: [{ ...before.files[0], content: `${content.slice(0, 500)}y${content.slice(501)}` }] };
    const d = diff(before, after);
    expect(d).toEqual({
      k: 'o',
      set: { files: { k: 'ai', at: 0, items: [{ k: 'o', set: { content: { k: 's', at: 500, del: 1, ins: 'y' } } }] } },
    });
    expect(JSON.stringify(d).length).toBeLessThan(200);
    const applied = apply(before, d) as typeof after;
    expect(applied.files[0]?.content).toBe(after.files[0]?.content);
    expect(applied.files[0]?.sourceMap).toBe(before.files[0]?.sourceMap);
  });

  it('sends only the changed run of a long array', () => {
    const notes = Array.from({ length: 10_000 }, (_, i) => ({ code: 'N', path: ['services', `s${i}`], message: `note ${i}` }));
    const next = [...notes.slice(0, 4000), { code: 'N', path: ['services', 'new'], message: 'added' }, ...notes.slice(4000)];
    const d = diff(notes, next) as Extract<Delta, { k: 'a' }>;
    expect({ at: d.at, del: d.del, ins: d.ins.length }).toEqual({ at: 4000, del: 0, ins: 1 });
    // Compared as data, not by identity: a structured copy of the old items is still "the same".
    expect(diff(structuredClone(notes), next)).toEqual(d);
  });

  it('never splits a surrogate pair and finds the smallest span', () => {
    expect(textSplice('ab😀cd', 'ab😁cd')).toEqual([2, 4]);
    expect(textSplice('aaaa', 'aaaaa')).toEqual([4, 4]);
    expect(textSplice('abc', 'abc')).toEqual([3, 3]);
    const long = 'k'.repeat(10_000);
    expect(textSplice(`${long}A${long}`, `${long}BB${long}`)).toEqual([10_000, 10_001]);
  });

  it('splices texts given as pieces (cut anywhere, shared or not) exactly as their joined texts', () => {
    const r = rng(17);
    const cut = (t: string) => {
      const out: string[] = [];
      for (let i = 0; i < t.length; ) {
        let n = 1 + r.int(40);
        // Never inside a surrogate pair, as the compiler's pieces (whole lines) never are.
        if (i + n < t.length && t.charCodeAt(i + n - 1) >= 0xd800 && t.charCodeAt(i + n - 1) <= 0xdbff) n++;
        out.push(t.slice(i, i + n));
        i += n;
      }
      return out;
    };
    for (let round = 0; round < 400; round++) {
      const a = cut(text(r, r.int(300)));
      // b: a's pieces, a run of them replaced by new text (shared pieces stay the same strings),
      // or the same text cut again elsewhere.
      let b: string[];
      if (r.next() < 0.2) b = cut(a.join(''));
      else {
        const at = r.int(a.length + 1);
        const del = r.int(Math.min(4, a.length - at) + 1);
        b = [...a.slice(0, at), ...cut(text(r, r.int(60))), ...a.slice(at + del)];
      }
      const d = piecesDiff(a, b);
      expect(apply(a.join(''), d)).toBe(b.join(''));
      if (a.join('') === b.join('')) expect(d).toBeUndefined();
    }
  });

  it('compares lazy texts of the compiler by their pieces, never joining them', () => {
    const shared = Array.from({ length: 50 }, (_, i) => `service ${i}\n${'x'.repeat(600)}\n`);
    const unjoinable = (pieces: string[]) =>
      new Proxy(pieces, {
        get: (t, k) => {
          if (k === 'join') throw new Error('joined');
          return Reflect.get(t, k);
        },
      });
    const file = (pieces: string[]) => defineLazyText({ path: 'k.yaml' }, 'content', unjoinable(pieces));
    const after = [...shared.slice(0, 20), 'service 20\nchanged\n', ...shared.slice(21)];
    const d = diff({ files: [file(shared)] }, { files: [file(after)] });
    const before = { files: [{ path: 'k.yaml', content: shared.join('') }] };
    expect((apply(before, d) as typeof before).files[0]?.content).toBe(after.join(''));
    expect(JSON.stringify(d).length).toBeLessThan(200);
    // An equal text cut the same way: no delta at all.
    expect(diff({ files: [file(shared)] }, { files: [file(shared.slice())] })).toBeUndefined();
  });

  it('does not apply a delta that does not fit', () => {
    expect(() => apply('short', { k: 's', at: 10, del: 3, ins: 'x' })).toThrow(/does not fit/);
    expect(() => apply({}, { k: 'a', at: 0, del: 1, ins: [] })).toThrow(/does not fit/);
  });
});
