import { describe, expect, it } from 'vitest';
import { freeSpot } from './free-spot';

const size = { width: 200, height: 100 };

describe('freeSpot', () => {
  it('keeps the wanted spot (snapped to the grid) when it is free', () => {
    expect(freeSpot({ x: 13, y: 27 }, size, [])).toEqual({ x: 20, y: 20 });
    expect(freeSpot({ x: 0, y: 0 }, size, [{ x: 1000, y: 1000, width: 200, height: 100 }])).toEqual({ x: 0, y: 0 });
  });

  it('moves next to an occupying node, never onto it, and deterministically', () => {
    const taken = [{ x: 0, y: 0, width: 200, height: 100 }];
    const p = freeSpot({ x: 0, y: 0 }, size, taken);
    const overlaps = p.x < 200 + 40 && p.x + 200 + 40 > 0 && p.y < 100 + 40 && p.y + 100 + 40 > 0;
    expect(overlaps).toBe(false);
    expect(freeSpot({ x: 0, y: 0 }, size, taken)).toEqual(p);
    const second = freeSpot({ x: 0, y: 0 }, size, [...taken, { ...p, ...size }]);
    expect(second).not.toEqual(p);
  });
});
