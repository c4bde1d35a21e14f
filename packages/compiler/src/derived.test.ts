import { describe, expect, it } from 'vitest';
import { Derived } from './derived';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Derived', () => {
  it('gives make(a, b) for every pair, asked in any order and again (many parts share a first or second part)', () => {
    const made: [string, string | number][] = [];
    const d = new Derived<string, string | number>((a, b) => {
      made.push([a, b]);
      return `${a}/${typeof b}:${b}`;
    });
    const next = random(7);
    const firsts = ['svc-1', 'svc-2', 'a-b', 'a', '', '0', 'svc-1-x'];
    const seconds: (string | number)[] = ['app', 'b-c', '', 8080, '8080', 0, 'x'];
    for (let i = 0; i < 2_000; i++) {
      const a = firsts[Math.floor(next() * firsts.length)] as string;
      const b = seconds[Math.floor(next() * seconds.length)] as string | number;
      expect(d.get(a, b)).toBe(`${a}/${typeof b}:${b}`);
    }
    // Each pair made once: later asks are served from the memo.
    expect(made.length).toBe(new Set(made.map(([a, b]) => `${a}\u0000${typeof b}\u0000${b}`)).size);
    expect(made.length).toBeLessThanOrEqual(firsts.length * seconds.length);
  });

  it('stays right past its bound, where every memo is cleared', () => {
    const ids = new Derived<string, string>((s, c) => `container:${s}/${c}`);
    const urls = new Derived<string, number>((t, p) => `http://${t}:${p}`);
    for (let i = 0; i < 60_000; i++) {
      expect(ids.get(`svc-${i % 7_000}`, `c${i % 3}`)).toBe(`container:svc-${i % 7_000}/c${i % 3}`);
      expect(urls.get(`svc-${i}`, 8000 + (i % 5))).toBe(`http://svc-${i}:${8000 + (i % 5)}`);
    }
    expect(ids.get('svc-1', 'c1')).toBe('container:svc-1/c1');
    expect(urls.get('svc-1', 8001)).toBe('http://svc-1:8001');
  });
});
