import { describe, expect, it } from 'vitest';
import { defaultPositions, withDefaultLayout } from '../flow/default-layout';
import { templateBlueprint } from '../templates/templates';
import { isUnplaced, withAutoLayout } from './auto-layout';

const seed = templateBlueprint('seed-compose'); // written without a layout

describe('withAutoLayout', () => {
  it('knows an unplaced document from a placed one', () => {
    expect(isUnplaced(seed)).toBe(true);
    expect(isUnplaced(withDefaultLayout(seed))).toBe(false);
  });

  it('leaves a placed document its own layout', async () => {
    const placed = withDefaultLayout(seed);
    expect(await withAutoLayout(placed)).toBe(placed);
  });

  it('falls back to the default grid when ELK cannot run (here: no Worker in Node), never failing the open', async () => {
    const opened = await withAutoLayout(seed);
    const grid = defaultPositions(seed);
    expect(Object.keys(opened.services)).toEqual(Object.keys(seed.services));
    for (const [id, p] of grid) expect(opened.layout?.nodes[id]).toEqual(p);
  });
});
