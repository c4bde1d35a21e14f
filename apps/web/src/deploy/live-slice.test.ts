import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createLiveSlice, type LiveSlice } from './live-slice';

const store = () => createStore<LiveSlice>()((set, get, api) => createLiveSlice(set as never, get as never, api as never));

describe('toasts', () => {
  it('shows a failure once while the same text is on screen, again once it has gone', () => {
    const s = store();
    const t = { kind: 'error', title: 'Image "x" could not be pulled', detail: 'No network to the registry: …' } as const;
    s.getState().toast(t);
    s.getState().toast(t);
    expect(s.getState().toasts.map((x) => x.title)).toEqual([t.title]);
    s.getState().toast({ ...t, detail: 'other' });
    expect(s.getState().toasts).toHaveLength(2);
    s.getState().dismissToast(s.getState().toasts[0]!.id);
    s.getState().toast(t);
    expect(s.getState().toasts).toHaveLength(2);
  });
});
