import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { normalise, valueArb, yamlString } from '../../test/yaml-arbitraries';
import { DirectDocs, Key, type YamlOut } from './direct';
import { emitYamlDocuments } from './emit';
import { tag, tagOf } from './source-tag';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Writes `o`'s entries at depth d through the direct API, as an emitter would: nested mappings
 * and sequences opened and ended, items of objects as mapping items, the rest as fields. `whole`
 * picks, per value, whether an object goes through field() whole (the object writer) instead.
 */
function replay(w: YamlOut, d: number, o: Record<string, unknown>, whole: () => boolean, named: () => boolean): void {
  for (const k in o) {
    const v = o[k];
    const key = new Key(k);
    if (typeof v === 'object' && v !== null && !whole()) {
      if (Array.isArray(v)) {
        w.seq(d, key, tagOf(v));
        for (const x of v) {
          if (isMap(x) && !whole()) {
            w.mapItem(d, tagOf(x));
            replay(w, d + 1, x, whole, named);
            w.end();
          } else w.value(d, x);
        }
      } else {
        w.map(d, key, tagOf(v));
        replay(w, d + 1, v as Record<string, unknown>, whole, named);
      }
      w.end();
    } else if (named()) w.fieldNamed(d, k, v);
    else w.field(d, key, v);
  }
}

/** Tags some objects and arrays of `v` (in place), so that ranges are compared too. */
function tagSome(v: unknown, pick: () => boolean, n = { i: 0 }): unknown {
  if (typeof v !== 'object' || v === null) return v;
  for (const x of Object.values(v)) tagSome(x, pick, n);
  if (pick()) tag(v, `el-${n.i++}`);
  return v;
}

/** A stream of booleans from a seed (fast-check shrinks the seed). */
const coin = (seed: number) => {
  let s = seed | 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s & 3) === 0;
  };
};

// Objects with undefined values, empty mappings and sequences: the cases the header logic handles.
const withGaps = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, valueArb, fc.constant(undefined), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(
    yamlString.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
    tie('value'),
    { maxKeys: 4 },
  ),
})).object;

describe('YamlOut (writing without building objects)', () => {
  it('writes exactly what the object writer writes for the same object, ranges included (property)', () => {
    fc.assert(
      fc.property(fc.array(withGaps, { minLength: 1, maxLength: 3 }), fc.integer(), fc.integer(), fc.integer(), (docs, a, b, c) => {
        const pick = coin(a);
        for (const d of docs) tagSome(d, pick);
        const expected = emitYamlDocuments(docs);
        const whole = coin(b);
        const named = coin(c);
        const direct = new DirectDocs((w) => {
          for (const doc of docs) {
            w.beginDoc();
            w.docRoot(tagOf(doc));
            replay(w, 0, doc, whole, named);
            w.end();
          }
        });
        const got = emitYamlDocuments([direct]);
        expect(got.text).toBe(expected.text);
        expect(got.ranges).toEqual(expected.ranges);
        // And the text reads back as the data (undefined entries left out, as JSON leaves them).
        expect(normalise(parseAllDocuments(got.text).map((x) => x.toJS()))).toEqual(normalise(docs));
      }),
      { numRuns: 1500 },
    );
  });

  it('writes {} and [] for what was opened and got nothing, and - {} for an empty item', () => {
    const k = (n: string) => new Key(n);
    const { text, ranges } = emitYamlDocuments([
      new DirectDocs((w) => {
        w.beginDoc();
        w.docRoot('doc');
        w.map(0, k('spec'), 'spec');
        w.map(1, k('empty'));
        w.field(2, k('gone'), undefined);
        w.end();
        w.seq(1, k('none'));
        w.end();
        w.seq(1, k('items'));
        w.mapItem(1, 'item');
        w.end();
        w.mapItem(1);
        w.map(2, k('metadata'));
        w.field(3, k('name'), 'x');
        w.end();
        w.end();
        w.end();
        w.end();
        w.end();
        w.beginDoc();
        w.docRoot();
        w.end();
      }),
    ]);
    expect(text).toBe('spec:\n  empty: {}\n  none: []\n  items:\n  - {}\n  - metadata:\n      name: x\n---\n{}\n');
    expect(ranges).toEqual([
      { elementId: 'item', startLine: 5, endLine: 5 },
      { elementId: 'spec', startLine: 1, endLine: 7 },
      { elementId: 'doc', startLine: 1, endLine: 7 },
    ]);
  });
});
