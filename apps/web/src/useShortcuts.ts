import { useEffect } from 'react';
import { focusNode } from './canvas/focus-node';
import { duplicationCommand } from './canvas/gestures';
import { type AppStore, selectBlueprint } from './store/store';

/** Fields keep their own undo; the document's undo applies everywhere else. */
export function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // The YAML editor (Monaco) has its own undo stack, like any text field.
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('.monaco-editor');
}

/** Duplicates the selected services, selects the copies and focuses the first (arrow keys then move them). */
export function duplicateSelection(store: AppStore): void {
  const state = store.getState();
  const dup = duplicationCommand(selectBlueprint(state), state.selection);
  if (dup && state.dispatch(dup.command)) {
    state.select(dup.ids);
    focusNode(dup.ids[0]);
  }
}

/** Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, Ctrl/⌘+D duplicate. */
export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) store.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') store.getState().redo();
      else if (key === 'd' && !e.shiftKey) duplicateSelection(store);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
