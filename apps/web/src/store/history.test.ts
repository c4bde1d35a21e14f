import { describe, expect, it } from 'vitest';
import { amend, initHistory, push, redo, settle, undo } from './history';

describe('history', () => {
  it('undoes and redoes in order, and a new edit drops the redo branch', () => {
    let h = push(push(initHistory('a'), 'b'), 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = push(h, 'd');
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe('b');
  });

  it('keeps at most `limit` steps and ignores edits that change nothing', () => {
    let h = initHistory(0);
    for (let i = 1; i <= 10; i++) h = push(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
    expect(push(h, 10)).toBe(h);
  });

  it('a gesture of many amends settles into one undo step', () => {
    const start = push(initHistory('a'), 'b');
    let h = amend(amend(amend(start, 'b1'), 'b2'), 'b3');
    expect(h.past).toEqual(['a']);
    h = settle(h, 'b');
    expect(h.present).toBe('b3');
    expect(undo(h).present).toBe('b');
    expect(settle(start, 'b')).toBe(start);
  });
});
