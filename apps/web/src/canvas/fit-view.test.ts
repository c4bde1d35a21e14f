import { describe, expect, it } from 'vitest';
import { COLUMNS, fitSides, fitZoom, STRIP } from './fit-view';

describe('fitSides', () => {
  // The canvas at 1280×800 and 1024×700 (measured in Chromium).
  const views = [
    [682, 556],
    [476, 482],
  ] as const;

  it('keeps the bottom and top strips free for a wide graph', () => {
    for (const [w, h] of views) expect(fitSides({ width: 2900, height: 70 }, w, h, 0.1, 1)).toBe(STRIP);
  });

  it('keeps the side columns free for a tall graph, and shows it larger than the strip would', () => {
    for (const [w, h] of views) {
      const bounds = { width: 640, height: 1330 };
      expect(fitSides(bounds, w, h, 0.1, 1)).toBe(COLUMNS);
      expect(fitZoom(COLUMNS, bounds, w, h, 0.1, 1)).toBeGreaterThan(fitZoom(STRIP, bounds, w, h, 0.1, 1) * 1.2);
    }
  });

  it('keeps the strip when both give the same zoom (at the least or the most zoom) or there is nothing to fit', () => {
    expect(fitSides({ width: 40_000, height: 90_000 }, 682, 556, 0.1, 1)).toBe(STRIP);
    expect(fitSides({ width: 100, height: 200 }, 682, 556, 0.1, 1)).toBe(STRIP);
    expect(fitSides(undefined, 682, 556, 0.1, 1)).toBe(STRIP);
    expect(fitSides({ width: 100, height: 100 }, 0, 0, 0.1, 1)).toBe(STRIP);
  });
});
