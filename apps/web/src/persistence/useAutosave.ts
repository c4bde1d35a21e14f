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
    // Not during a gesture (a drag changes the document every frame; serialising 1,000 services
    // whenever the pointer rests 400 ms costs frames): once it ends.
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.gestureBase) return;
      if (s.history.present !== prev.history.present || prev.gestureBase) library.scheduleSave();
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
