import type { Path } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { Cursor, deepEqual, type TypeProblem } from './reader';

const cursor = (value: Record<string, unknown>, problems: TypeProblem[] = []) => new Cursor(value, ['documents', 0], problems);

describe('Cursor', () => {
  it('lists every key never read, at every depth, by exact path', () => {
    const c = cursor({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }], h: { i: 1 } });
    c.int('a');
    c.map('b')?.int('c');
    for (const item of c.list('e')) item.int('f');
    const unread: Path[] = c.unread();
    expect(unread).toEqual([
      ['documents', 0, 'h'],
      ['documents', 0, 'b', 'd'],
      ['documents', 0, 'e', 0, 'g'],
    ]);
  });

  it('take() carries a whole subtree; defaults() marks only server-default values', () => {
    const c = cursor({ whole: { x: 1 }, dns: 'ClusterFirst', grace: 60, mode: 'Filesystem' });
    c.take('whole');
    c.defaults({ dns: ['ClusterFirst'], grace: [30], mode: (v) => v === 'Filesystem' });
    expect(c.unread()).toEqual([['documents', 0, 'grace']]);
  });

  it('records values of the wrong type as problems and returns nothing for them', () => {
    const problems: TypeProblem[] = [];
    const c = cursor({ n: 'three', s: 4, l: ['a', 1], m: 'x', lm: [1, { k: 'v' }], nil: null }, problems);
    expect(c.int('n')).toBeUndefined();
    expect(c.str('s')).toBeUndefined();
    expect(c.strList('l')).toBeUndefined();
    expect(c.map('m')).toBeUndefined();
    expect(c.list('lm').map((x) => x.path)).toEqual([['documents', 0, 'lm', 1]]);
    expect(c.map('nil')).toBeUndefined();
    expect(problems).toEqual([
      { path: ['documents', 0, 'n'], expected: 'an integer' },
      { path: ['documents', 0, 's'], expected: 'a string' },
      { path: ['documents', 0, 'l'], expected: 'a list of strings' },
      { path: ['documents', 0, 'm'], expected: 'a mapping' },
      { path: ['documents', 0, 'lm', 0], expected: 'a mapping' },
    ]);
    expect(c.unread()).toEqual([['documents', 0, 'lm', 1, 'k']]);
  });
});

describe('deepEqual', () => {
  it('compares plain YAML values structurally', () => {
    expect(deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: [] }, { a: {} })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
