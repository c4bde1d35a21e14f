import { describe, expect, it } from 'vitest';
import { type Side, withFloors } from '../src/canvas.bench';
import { alternating } from '../src/lib/stats';

describe('canvas benchmark run order', () => {
  it('puts the floor pages between the two sides of every round, mirrored every other round', () => {
    const order = alternating<Side>(2, 'ours', 'stock');
    expect(withFloors(order, ['empty', 'blit'])).toEqual([
      ...[order[0], 'floor-empty', 'floor-blit', order[1]],
      ...[order[2], 'floor-blit', 'floor-empty', order[3]],
    ]);
  });

  it('changes nothing without floor pages', () => {
    const order = alternating<Side>(3, 'ours', 'stock');
    expect(withFloors(order, [])).toEqual(order);
  });
});
