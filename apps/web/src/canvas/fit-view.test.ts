import { describe, expect, it } from 'vitest';
import { columnSides, fitSides, fitZoom, MINIMAP_MAX, MINIMAP_MIN, minimapSize, stripSides } from './fit-view';

describe('fitSides', () => {
  // The canvas at 1280×800 and 1024×700 (measured in Chromium).
  const views = [
    [682, 556],
    [476, 482],
  ] as const;

  it('keeps the bottom and top strips free for a wide graph', () => {
    for (const [w, h] of views) expect(fitSides({ width: 2900, height: 70 }, w, h, 0.1, 1)).toEqual(stripSides(w, h));
  });

  it('keeps the side columns free for a tall graph, and shows it larger than the strip would', () => {
    for (const [w, h] of views) {
      const bounds = { width: 640, height: 1330 };
      expect(fitSides(bounds, w, h, 0.1, 1)).toEqual(columnSides(w, h));
      expect(fitZoom(columnSides(w, h), bounds, w, h, 0.1, 1)).toBeGreaterThan(fitZoom(stripSides(w, h), bounds, w, h, 0.1, 1) * 1.2);
    }
  });

  it('keeps the strip when both give the same zoom (at the least or the most zoom) or there is nothing to fit', () => {
    expect(fitSides({ width: 40_000, height: 90_000 }, 682, 556, 0.1, 1)).toEqual(stripSides(682, 556));
    expect(fitSides({ width: 100, height: 200 }, 682, 556, 0.1, 1)).toEqual(stripSides(682, 556));
    expect(fitSides(undefined, 682, 556, 0.1, 1)).toEqual(stripSides(682, 556));
    expect(fitSides({ width: 100, height: 100 }, 0, 0, 0.1, 1)).toEqual(stripSides(0, 0));
  });
});

describe('minimapSize', () => {
  it('is 200×150 on a large canvas and at most a quarter of a small one, never under 120×90', () => {
    expect(minimapSize(1200, 900)).toEqual(MINIMAP_MAX);
    expect(minimapSize(0, 0)).toEqual(MINIMAP_MAX);
    const small = minimapSize(476, 482);
    expect(small.width).toBeLessThanOrEqual(0.26 * 476);
    expect(small.width).toBeGreaterThanOrEqual(MINIMAP_MIN.width);
    expect(minimapSize(200, 200)).toEqual(MINIMAP_MIN);
    for (let w = 100; w <= 2000; w += 37)
      for (let h = 100; h <= 1400; h += 41) {
        const m = minimapSize(w, h);
        expect(m.width).toBeGreaterThanOrEqual(MINIMAP_MIN.width);
        expect(m.width).toBeLessThanOrEqual(Math.max(MINIMAP_MIN.width, Math.ceil(Math.min(w, (h * 4) / 3) / 4)));
        expect(Math.abs(m.height / m.width - 0.75)).toBeLessThan(0.01);
      }
  });

  it('the fit keeps clear of the minimap at its real size, on every canvas', () => {
    for (let w = 100; w <= 2000; w += 37)
      for (let h = 100; h <= 1400; h += 41) {
        const m = minimapSize(w, h);
        // React Flow's 15 px panel margin, and a gap beyond it.
        expect(stripSides(w, h).bottom).toBeGreaterThanOrEqual(m.height + 15 + 8);
        expect(columnSides(w, h).right).toBeGreaterThanOrEqual(m.width + 15 + 8);
      }
    // …and no more than that room where the minimap is smaller than the zoom controls and the dock.
    expect(stripSides(476, 482).bottom).toBeLessThan(184);
    expect(columnSides(476, 482).right).toBeLessThan(232);
    expect(stripSides(1200, 900).bottom).toBe(184);
    expect(columnSides(1200, 900).right).toBe(232);
  });
});
