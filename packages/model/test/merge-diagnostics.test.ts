import { describe, expect, it } from 'vitest';
import { type Diagnostic, diag, mergeSortedDiagnostics, sortDiagnostics } from '../src/diagnostics/diagnostic';

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 4294967296) * n);
  };
}

describe('mergeSortedDiagnostics', () => {
  it("equals sortDiagnostics of the lists' concatenation, ties and all, over random sorted lists", () => {
    const int = rng(7);
    const one = (): Diagnostic => {
      const d = diag(
        int(2) ? 'FIDELITY_LOST' : 'FIDELITY_APPROXIMATED',
        'info',
        ['services', `s${int(6)}`, ...(int(2) ? ['image'] : [int(3)])],
        `m${int(3)}`,
      );
      // Equal items of different lists (same path, code and message): the stable sort keeps the first list's first.
      return int(3) ? { ...d, target: int(2) ? 'compose' : 'kubernetes' } : d;
    };
    for (let round = 0; round < 300; round++) {
      const lists = Array.from({ length: 1 + int(3) }, () => sortDiagnostics(Array.from({ length: int(30) }, one)));
      const merged = mergeSortedDiagnostics(lists);
      const sorted = sortDiagnostics(lists.flat());
      expect(merged).toEqual(sorted);
      // The same objects in the same places, not only equal ones.
      merged.forEach((d, i) => expect(d).toBe(sorted[i]));
    }
  });

  it('sorts when a list is not sorted after all', () => {
    const a = diag('FIDELITY_LOST', 'info', ['services', 'b'], 'x');
    const b = diag('FIDELITY_LOST', 'info', ['services', 'a'], 'x');
    expect(mergeSortedDiagnostics([[a, b], []])).toEqual([b, a]);
  });
});
