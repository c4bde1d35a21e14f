import { describe, expect, it } from 'vitest';
import { handoffs } from '../src/chain.bench';
import { markdownTable, ratioText, row } from '../src/lib/result';
import { alternating, bootstrapRatio, median, percentile, runAlternating } from '../src/lib/stats';

describe('benchmark statistics', () => {
  it('takes medians and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });

  it('gives a bootstrap interval around the ratio of medians that narrows with agreement and is reproducible', () => {
    const a = [10, 11, 9, 10, 12, 10, 9, 11];
    const b = [100, 105, 98, 101, 99, 103, 100, 97];
    const r = bootstrapRatio(a, b);
    expect(r.ratio).toBeCloseTo(10 / 100, 5);
    expect(r.low).toBeLessThanOrEqual(r.ratio);
    expect(r.high).toBeGreaterThanOrEqual(r.ratio);
    expect(r.high - r.low).toBeLessThan(0.05);
    expect(bootstrapRatio(a, b)).toEqual(r);
    const noisy = bootstrapRatio([1, 30, 5, 60], [10, 11, 10, 12]);
    expect(noisy.high - noisy.low).toBeGreaterThan(1);
    expect(bootstrapRatio([5], [10])).toEqual({ ratio: 0.5, low: 0.5, high: 0.5 });
  });

  it('alternates sides A B, B A, … so each goes first equally often', async () => {
    expect(alternating(3, 'a', 'b')).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    const order: string[] = [];
    const s = await runAlternating(
      2,
      (r) => {
        order.push(`ours${r}`);
        return r;
      },
      (r) => {
        order.push(`anchor${r}`);
        return [10 + r, 20 + r];
      },
    );
    expect(order).toEqual(['ours0', 'anchor0', 'anchor1', 'ours1']);
    expect(s).toEqual({ ours: [0, 1], anchor: [10, 20, 11, 21] });
  });

  it('makes a row with pass/fail from the target and renders it', () => {
    const r = row({
      id: 'X1',
      name: 'x',
      anchor: 'y',
      unit: 'ms',
      ours: [1, 1, 1],
      theirs: [10, 10, 10],
      target: '≤ 0.5×',
      pass: (_m, q) => q.ratio <= 0.5,
    });
    expect(r.pass).toBe(true);
    expect(ratioText(r.ratio)).toBe('0.100');
    const info = row({ id: 'X2', name: 'x', anchor: 'y', unit: 'ms', ours: [2], theirs: [1], target: 'information' });
    expect(info.pass).toBeUndefined();
    const md = markdownTable([r, info]);
    expect(md).toContain('| X1 | x | y | 1.00 ms | 10.0 ms | 0.100 | ≤ 0.5× | pass |');
    expect(md).toContain('| info |');
  });

  it('reads chain hand-offs off engine events: healthy of one level → start of the next', () => {
    const ev = [
      { action: 'start', service: 'c0', name: '', t: 0 },
      { action: 'health_status: healthy', service: 'c0', name: '', t: 1000 },
      { action: 'start', service: 'c1', name: '', t: 1400 },
      { action: 'health_status: healthy', service: 'c1', name: '', t: 2500 },
      { action: 'start', service: 'c2', name: '', t: 2510 },
    ];
    expect(handoffs(ev, 3)).toEqual([400, 10]);
    expect(() => handoffs(ev.slice(0, 3), 3)).toThrow(/c1/);
  });
});
