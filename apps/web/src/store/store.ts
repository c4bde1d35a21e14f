import type { Blueprint } from '@blaupause/model';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createLiveSlice, type LiveSlice } from '../deploy/live-slice';
import { createDraftSlice, type DraftSlice } from './draft-slice';
import { createModelSlice, type ModelSlice } from './model-slice';
import { createReportSlice, type ReportSlice } from './report-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

/** One store of typed slices (DESIGN §9.5). Components read it through narrow selectors. */
export type AppState = ModelSlice & SelectionSlice & ReportSlice & DraftSlice & LiveSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(initial: Blueprint): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createModelSlice(initial)(...a),
    ...createSelectionSlice(...a),
    ...createReportSlice(...a),
    ...createDraftSlice(...a),
    ...createLiveSlice(...a),
  }));
}

/** The document currently shown. */
export const selectBlueprint = (s: AppState): Blueprint => s.history.present;
export const selectCanUndo = (s: AppState): boolean => s.history.past.length > 0;
export const selectCanRedo = (s: AppState): boolean => s.history.future.length > 0;
