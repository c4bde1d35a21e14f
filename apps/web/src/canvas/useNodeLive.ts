import { useCallback, useSyncExternalStore } from 'react';
import type { AppState, AppStore } from '../store/store';
import { useAppStore } from '../store/useApp';

/** What a service node shows besides its data: live state and image builds (the store's live slice). */
export type NodeLiveState = Pick<AppState, 'live' | 'builds'>;

interface Source {
  subscribe(listener: () => void): () => void;
}

const sources = new WeakMap<AppStore, Source>();

/**
 * The store's live and build parts, through one subscription to the store that calls its listeners
 * only when one of them changed. Each mounted service node reads three of their selectors; with a
 * subscription of its own each, every store update (an edit, each drag frame) ran ~1,100 of them at
 * 1,000 services, for state that changes only while a deployment streams.
 */
export function nodeLiveSource(store: AppStore): Source {
  let source = sources.get(store);
  if (source) return source;
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;
  source = {
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= store.subscribe((s, before) => {
        if (s.live === before.live && s.builds === before.builds) return;
        for (const l of [...listeners]) l();
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unsubscribe?.();
        unsubscribe = undefined;
      };
    },
  };
  sources.set(store, source);
  return source;
}

/** A selection of the store's live and build parts; the component renders again when it changes. */
export function useNodeLive<T>(selector: (s: NodeLiveState) => T): T {
  const store = useAppStore();
  const { subscribe } = nodeLiveSource(store);
  const snapshot = useCallback(() => selector(store.getState()), [selector, store]);
  return useSyncExternalStore(subscribe, snapshot);
}
