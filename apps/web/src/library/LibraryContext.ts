import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LibraryController, LibraryState } from './library-controller';

/** The library, created in the composition root (main.tsx); absent when the browser has no usable storage. */
export const LibraryContext = createContext<LibraryController | undefined>(undefined);

export function useLibrary(): LibraryController | undefined {
  return useContext(LibraryContext);
}

const NO_STATE: LibraryState = { index: { current: undefined, entries: [] }, error: undefined, notices: [] };
const noop = () => () => {};

export function useLibraryState(): LibraryState {
  const library = useLibrary();
  return useSyncExternalStore(library?.subscribe ?? noop, library?.state ?? (() => NO_STATE));
}
