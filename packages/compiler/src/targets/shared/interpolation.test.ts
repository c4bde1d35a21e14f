import { describe, expect, it } from 'vitest';
import { esc, escapeBareDollars, escList, escMap } from './interpolation';

describe('escapeBareDollars', () => {
  it.each([
    ['no dollar', 'no dollar'],
    ['$HOME', '$$HOME'],
    ['${NAME}', '${NAME}'],
    ['${NAME:-x} and $X', '${NAME:-x} and $$X'],
    ['$$', '$$'],
    ['$${literal}', '$${literal}'],
    ['cost: 5$', 'cost: 5$$'],
    ['$(date)', '$$(date)'],
    ['$$$X', '$$$$X'],
  ])('%j → %j', (s, escaped) => {
    expect(escapeBareDollars(s)).toBe(escaped);
  });
});

describe('esc, escList, escMap', () => {
  it('return the very same value when nothing needs escaping', () => {
    const list = ['a', 'b'];
    const map = { A: 'b' };
    expect(esc('plain')).toBe('plain');
    expect(esc('${P} $${Q}')).toBe('${P} $${Q}');
    expect(esc(undefined)).toBeUndefined();
    expect(escList(list)).toBe(list);
    expect(escMap(map)).toBe(map);
  });

  it('copy when something changes and never mutate the input', () => {
    const list = ['echo', '$HOME'];
    const map = { A: '$X', B: 'b' };
    expect(escList(list)).toEqual(['echo', '$$HOME']);
    expect(escMap(map)).toEqual({ A: '$$X', B: 'b' });
    expect(list).toEqual(['echo', '$HOME']);
    expect(map).toEqual({ A: '$X', B: 'b' });
  });
});
