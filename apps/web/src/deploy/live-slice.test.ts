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

describe('toasts of another blueprint', () => {
  it('drops the run and container toasts of other projects when another blueprint is shown, keeps the rest', () => {
    const s = store();
    s.getState().toast({ kind: 'error', title: 'Service "web" cannot publish host port 8181', project: 'shop' });
    s.getState().toast({ kind: 'error', title: 'web/web is exited (exit 1)', project: 'blog' });
    s.getState().toast({ kind: 'error', title: 'The engine is not reachable' });
    s.getState().keepToastsOf('blog');
    expect(s.getState().toasts.map((t) => t.title)).toEqual(['web/web is exited (exit 1)', 'The engine is not reachable']);
  });
});
