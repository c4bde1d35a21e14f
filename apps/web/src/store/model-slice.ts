import type { Blueprint } from '@blaupause/model';
import type { StateCreator } from 'zustand/vanilla';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { amend, type History, initHistory, push, redo, settle, undo } from './history';
import { reconcileSelection } from './selection';
import type { AppState } from './store';

export interface DispatchOptions {
  /** A step of a gesture (dragging): no undo entry until endGesture(). */
  transient?: boolean;
}

/** The document is the one source of truth (DESIGN §1); every edit is a command through dispatch. */
export interface ModelSlice {
  history: History<Blueprint>;
  /** Why the last command was refused; cleared by the next one that applies. */
  lastError: string | undefined;
  /** Where the running gesture began, while one runs. */
  gestureBase: Blueprint | undefined;
  dispatch(cmd: Command, opts?: DispatchOptions): boolean;
  endGesture(): void;
  undo(): void;
  redo(): void;
  /** Opens another document (a template, an import): a fresh history. */
  openDocument(bp: Blueprint): void;
}

export const createModelSlice =
  (initial: Blueprint): StateCreator<AppState, [], [], ModelSlice> =>
  (set, get) => ({
    history: initHistory(initial),
    lastError: undefined,
    gestureBase: undefined,
    dispatch(cmd, opts = {}) {
      const { history, gestureBase, selection } = get();
      const r = applyCommand(history.present, cmd);
      if (!r.ok) {
        set({ lastError: r.error });
        return false;
      }
      if (opts.transient) {
        set({ history: amend(history, r.value), gestureBase: gestureBase ?? history.present, lastError: undefined });
        return true;
      }
      // A normal edit during a gesture first closes the gesture, so both stay undoable.
      const base = gestureBase ? settle(history, gestureBase) : history;
      set({
        history: push(base, r.value),
        gestureBase: undefined,
        lastError: undefined,
        selection: reconcileSelection(selection, r.value, cmd),
      });
      return true;
    },
    endGesture() {
      const { history, gestureBase } = get();
      if (gestureBase) set({ history: settle(history, gestureBase), gestureBase: undefined });
    },
    undo() {
      get().endGesture();
      const history = undo(get().history);
      set({ history, selection: reconcileSelection(get().selection, history.present), lastError: undefined });
    },
    redo() {
      const history = redo(get().history);
      set({ history, selection: reconcileSelection(get().selection, history.present), lastError: undefined });
    },
    openDocument(bp) {
      set({ history: initHistory(bp), gestureBase: undefined, lastError: undefined, selection: [] });
    },
  });
