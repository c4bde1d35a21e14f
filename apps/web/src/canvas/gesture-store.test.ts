import { describe, expect, it } from 'vitest';
import { createGestureStore, setGestureMoving } from './gesture-store';

describe('gesture store', () => {
  it('starts settled and tells its subscribers once per change', () => {
    const store = createGestureStore();
    expect(store.getState().moving).toBe(false);
    const seen: boolean[] = [];
    const off = store.subscribe((s) => seen.push(s.moving));
    setGestureMoving(store, true);
    setGestureMoving(store, true); // no change: nobody is woken
    setGestureMoving(store, false);
    off();
    setGestureMoving(store, true);
    expect(seen).toEqual([true, false]);
    expect(store.getState().moving).toBe(true);
  });
});
