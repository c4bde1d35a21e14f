import { useEffect } from 'react';
import type { LibraryController } from '../library/library-controller';
import type { AppStore } from '../store/store';

/**
 * Saves the document into the library's current blueprint shortly after every change, and at
 * once when the page is hidden or left, so a reload or a closed tab loses nothing.
 */
export function useAutosave(store: AppStore, library: LibraryController | undefined): void {
  useEffect(() => {
    if (!library) return;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.history.present !== prev.history.present) library.scheduleSave();
    });
    const onHide = () => {
      if (document.visibilityState === 'hidden') library.flush();
    };
    const onLeave = () => library.flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      library.flush();
    };
  }, [store, library]);
}
