import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

/** What is selected on the canvas: UI state only, never part of the document. */
export interface SelectionSlice {
  /** Element ids (ids.ts), in the order they were selected. */
  selection: string[];
  select(ids: readonly string[]): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: [],
  select(ids) {
    const current = get().selection;
    if (ids.length === current.length && ids.every((id, i) => id === current[i])) return;
    set({ selection: [...ids] });
  },
});
