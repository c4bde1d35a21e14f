import { useSyncExternalStore } from 'react';

/**
 * Whether the teaching view is open. It lives here (opening it is not an edit) and in the URL
 * fragment `#teach` when the fragment is free, so a link opens the view and Back closes it. A
 * fragment that holds something else (the server's `#token=…` before the deploy side takes it)
 * is never overwritten.
 */
const listeners = new Set<() => void>();
const HASH = '#teach';
let open = typeof location !== 'undefined' && location.hash === HASH;

function notify(): void {
  for (const l of listeners) l();
}

export function setTeachingOpen(next: boolean): void {
  if (next === open) return;
  open = next;
  if (next && location.hash === '') history.pushState(history.state, '', HASH);
  if (!next && location.hash === HASH) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  notify();
}

/** Back and Forward (and a typed `#teach`) move the view with the fragment. */
function onNavigate(): void {
  const next = location.hash === HASH;
  if (next === open) return;
  open = next;
  notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('hashchange', onNavigate);
    window.addEventListener('popstate', onNavigate);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('hashchange', onNavigate);
      window.removeEventListener('popstate', onNavigate);
    }
  };
}

export function useTeachingOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
}
