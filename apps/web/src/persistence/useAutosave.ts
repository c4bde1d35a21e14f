import { useEffect } from 'react';
import type { AppStore } from '../store/store';
import { type KeyValueStorage, saveDocument } from './autosave';

const DELAY_MS = 400;

/** Saves the document shortly after every change (and when the page is hidden), so a reload loses nothing. */
export function useAutosave(store: AppStore, storage: KeyValueStorage | undefined): void {
  useEffect(() => {
    if (!storage) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      saveDocument(storage, store.getState().history.present);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.history.present === prev.history.present) return;
      clearTimeout(timer);
      timer = setTimeout(flush, DELAY_MS);
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden' && timer !== undefined) flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      if (timer !== undefined) flush();
    };
  }, [store, storage]);
}
