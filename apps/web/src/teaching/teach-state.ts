import { useSyncExternalStore } from 'react';

/**
 * Whether the teaching view is open. It lives here (not in the document store: opening it is
 * not an edit) and in the URL hash `#teach`, so a link opens it and Back closes it.
 */
const listeners = new Set<() => void>();
const HASH = '#teach';

function isOpen(): boolean {
  return typeof location !== 'undefined' && location.hash === HASH;
}

export function setTeachingOpen(open: boolean): void {
  if (open === isOpen()) return;
  if (open) location.hash = HASH;
  else history.replaceState(null, '', `${location.pathname}${location.search}`);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

export function useTeachingOpen(): boolean {
  return useSyncExternalStore(subscribe, isOpen, () => false);
}
