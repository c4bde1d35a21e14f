import type { Blueprint } from '@blaupause/model';
import { useCallback } from 'react';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';
import { useLibrary } from './LibraryContext';

/** Nothing of the user's in it: no service, volume, network, config or secret (an empty canvas). */
export function isBlank(bp: Blueprint): boolean {
  return (
    Object.keys(bp.services).length === 0 &&
    Object.keys(bp.volumes ?? {}).length === 0 &&
    Object.keys(bp.networks ?? {}).length === 0 &&
    Object.keys(bp.configs ?? {}).length === 0 &&
    Object.keys(bp.secrets ?? {}).length === 0
  );
}

/** How a document opened: in place of a blank one, or as a new blueprint beside the one kept. */
export type OpenedAs = 'replaced' | 'new' | 'failed';

/**
 * Opens a whole new document (a template picked in the toolbar, an imported or opened file) without
 * losing the one on the canvas: a blueprint with anything in it stays in the library as it is and
 * the document opens as a new blueprint (with its own undo history); a blank one is replaced (one
 * undoable step). Replacing in place lost the earlier work at the next reload — the library saves
 * the current document into the current entry, and the undo history is not kept across reloads.
 * Without a library (no usable storage) the document replaces the current one as before.
 */
export function useOpenDocument(): (blueprint: Blueprint) => OpenedAs {
  const store = useAppStore();
  const library = useLibrary();
  return useCallback(
    (blueprint: Blueprint) => {
      const state = store.getState();
      if (library && !isBlank(selectBlueprint(state))) return library.createFromDocument(blueprint) ? 'new' : 'failed';
      state.dispatch({ kind: 'replaceDocument', blueprint });
      return 'replaced';
    },
    [store, library],
  );
}
