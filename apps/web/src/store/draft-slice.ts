import type { Diagnostic } from '@blaupause/model';
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

/** A request to show a position of the Blueprint tab's text; `seq` makes a repeated request a new one. */
export interface DraftReveal {
  line: number;
  col: number;
  seq: number;
}

/**
 * The Blueprint tab's text while it differs from the document: the editor reports why it was not
 * applied (read and validation errors); the problems panel lists them and asks the editor to show
 * one. UI state, never part of the document.
 */
export interface DraftSlice {
  draftProblems: Diagnostic[];
  draftReveal: DraftReveal | undefined;
  setDraftProblems(problems: readonly Diagnostic[]): void;
  revealDraft(line: number, col: number): void;
}

export const createDraftSlice: StateCreator<AppState, [], [], DraftSlice> = (set, get) => ({
  draftProblems: [],
  draftReveal: undefined,
  setDraftProblems(problems) {
    if (problems.length === 0 && get().draftProblems.length === 0) return;
    set({ draftProblems: [...problems] });
  },
  revealDraft(line, col) {
    set({ draftReveal: { line, col, seq: (get().draftReveal?.seq ?? 0) + 1 } });
  },
});
