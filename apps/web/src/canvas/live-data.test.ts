import { describe, expect, it } from 'vitest';
import { createLiveData, type LiveChange, shownItems, withLiveData } from './live-data';
import { changesRaster, lookupWithLive, rasterKey } from './raster-live';

type Item = { id: string; position: { x: number; y: number }; selected?: boolean; data: { name: string; image?: string } };
const item = (id: string, image = 'a', x = 0): Item => ({ id, position: { x, y: 0 }, data: { name: id, image } });

/** A first call's answer: every item shown as given. */
const first = <T>(items: T[]) => ({ given: items, shown: items });

describe('shownItems', () => {
  it('keeps the object of an item whose data alone changed and hands the data to the live store', () => {
    const live = createLiveData();
    const prev = [item('a'), item('b'), item('c')];
    const next = [prev[0] as Item, item('b', 'new'), prev[2] as Item];
    const changes: LiveChange[] = [];
    const shown = shownItems(first(prev), next, live, changes);
    expect(shown).toBe(prev);
    expect(changes).toEqual([{ id: 'b', before: prev[1]?.data, after: next[1]?.data }]);
    live.apply(changes);
    expect(live.get('b')).toEqual({ name: 'b', image: 'new' });
    expect(withLiveData(shown, live)[1]?.data.image).toBe('new');
  });

  it('hands React Flow the new object when anything but the data changed, and forgets its live data', () => {
    const live = createLiveData();
    const prev = [item('a'), item('b')];
    const c1: LiveChange[] = [];
    const next1 = [prev[0] as Item, item('b', 'new')];
    shownItems(first(prev), next1, live, c1);
    live.apply(c1);
    const moved = [prev[0] as Item, item('b', 'newer', 40)];
    const c2: LiveChange[] = [];
    const shown = shownItems(first(prev), moved, live, c2);
    expect(shown).not.toBe(prev);
    expect(shown[1]).toBe(moved[1]);
    expect(shown[0]).toBe(prev[0]);
    live.apply(c2);
    expect(live.get('b')).toBeUndefined();
  });

  it('forgets the live data when the data is back to what React Flow holds (undo)', () => {
    const live = createLiveData();
    const prev = [item('a')];
    const c1: LiveChange[] = [];
    shownItems(first(prev), [item('a', 'new')], live, c1);
    live.apply(c1);
    const c2: LiveChange[] = [];
    expect(shownItems(first(prev), [item('a', 'a')], live, c2)).toBe(prev);
    live.apply(c2);
    expect(live.get('a')).toBeUndefined();
    expect(c2).toEqual([{ id: 'a', before: { name: 'a', image: 'new' }, after: undefined }]);
  });

  it('follows added, removed and reordered items, and a new selection', () => {
    const live = createLiveData();
    const prev = [item('a'), item('b')];
    const next = [item('b'), item('c'), { ...item('a'), selected: true }];
    const shown = shownItems(first(prev), next, live, []);
    expect(shown.map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(shown[0]).toBe(prev[1]);
    expect(shown[2]).toBe(next[2]);
  });

  it('answers an item given as last time as last time, without comparing it again', () => {
    const live = createLiveData();
    const given = [item('a'), item('b')];
    const changes: LiveChange[] = [];
    const next = [given[0] as Item, item('b', 'new')];
    const shown = shownItems(first(given), next, live, changes);
    live.apply(changes);
    expect(shown).toBe(given);
    // Next render: `b` is given as the same object as last time, `a` changed in data.
    const again = [item('a', 'other'), next[1] as Item];
    const c2: LiveChange[] = [];
    expect(shownItems({ given: next, shown }, again, live, c2)).toBe(given);
    expect(c2.map((c) => c.id)).toEqual(['a']);
  });

  it('notifies the subscribers of changed ids only', () => {
    const live = createLiveData();
    const seen: string[] = [];
    live.subscribe('a', () => seen.push('a'));
    live.subscribe('b', () => seen.push('b'));
    live.apply([{ id: 'b', before: 1, after: 2 }]);
    expect(seen).toEqual(['b']);
  });
});

describe('the raster and live data', () => {
  const node = (id: string, data: Record<string, unknown>) => ({ id, data, measured: {}, internals: { positionAbsolute: { x: 0, y: 0 } } });
  it('draws live data, and redraws only for what it draws', () => {
    const live = createLiveData();
    const lookup = new Map([
      ['service:a', node('service:a', { name: 'a', containers: [{ role: 'main', name: 'm', image: 'x' }], ports: [] })],
    ]);
    expect(lookupWithLive(lookup, live)).toBe(lookup);
    const after = { name: 'a', containers: [{ role: 'main', name: 'm', image: 'y' }], ports: [] };
    const change = { id: 'service:a', before: lookup.get('service:a')?.data, after };
    live.apply([change]);
    expect(lookupWithLive(lookup, live).get('service:a')?.data).toBe(after);
    expect(changesRaster([change], lookup, false)).toBe(false); // the far view draws no images
    expect(changesRaster([change], lookup, true)).toBe(true);
    expect(changesRaster([{ ...change, after: { ...after, severity: 'error' } }], lookup, false)).toBe(true);
    expect(rasterKey(after, false)).not.toBe(rasterKey({ ...after, containers: [] }, false));
  });
});
