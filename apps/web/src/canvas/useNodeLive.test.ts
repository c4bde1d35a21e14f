import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/store';
import { templateBlueprint } from '../templates/templates';
import { nodeLiveSource } from './useNodeLive';

describe('nodeLiveSource', () => {
  it('calls its listeners when the live state or the builds change, not on edits, selections or drags', () => {
    const store = createAppStore(templateBlueprint('seed-compose'));
    const source = nodeLiveSource(store);
    expect(nodeLiveSource(store)).toBe(source);
    const a = vi.fn();
    const b = vi.fn();
    const offA = source.subscribe(a);
    source.subscribe(b);
    const { dispatch, select } = store.getState();
    dispatch({ kind: 'setImage', service: 'weba', container: 'nginx', image: 'nginx:1.28' });
    dispatch({ kind: 'moveNodes', moves: [{ id: 'service:weba', x: 40, y: 40 }] }, { transient: true });
    select(['service:weba']);
    expect(a).not.toHaveBeenCalled();
    store.getState().setLiveStream('live', 'demo');
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    store.setState({ builds: { ...store.getState().builds } });
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(2);
    offA();
    store.getState().setLiveStream('reconnecting');
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(3);
  });

  it('leaves the store once its last listener is gone, and comes back with the next', () => {
    const store = createAppStore(templateBlueprint('seed-compose'));
    const subscribe = vi.spyOn(store, 'subscribe');
    const source = nodeLiveSource(store);
    const off = source.subscribe(() => undefined);
    source.subscribe(() => undefined)();
    off();
    const l = vi.fn();
    source.subscribe(l);
    store.getState().setLiveStream('live', 'demo');
    expect(l).toHaveBeenCalledTimes(1);
    expect(subscribe).toHaveBeenCalledTimes(2);
  });
});
