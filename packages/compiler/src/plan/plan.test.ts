import { describe, expect, it } from 'vitest';
import { startOrder } from './plan';

describe('startOrder', () => {
  const order = (g: Record<string, string[]>) => startOrder(Object.keys(g), (n) => g[n] ?? []);

  it('puts every service after the services it links to, keeping document order otherwise', () => {
    expect(order({ web: ['api', 'cache'], api: ['db'], cache: [], db: [], lone: [] })).toEqual(['db', 'api', 'cache', 'web', 'lone']);
  });

  it('ignores links to unknown services and cuts cycles where they close', () => {
    expect(order({ a: ['b', 'ghost'], b: ['c'], c: ['a'] })).toEqual(['c', 'b', 'a']);
  });

  it('handles a chain of 100,000 links without overflowing the stack', () => {
    const g: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) g[`s${i}`] = i + 1 < 100_000 ? [`s${i + 1}`] : [];
    const out = order(g);
    expect(out).toHaveLength(100_000);
    expect(out[0]).toBe('s99999');
    expect(out[99_999]).toBe('s0');
  });
});
