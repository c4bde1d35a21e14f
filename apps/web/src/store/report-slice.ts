import type { Diagnostic } from '@blaupause/model';
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

/** What opening or importing a file reported (keys not carried, read errors). UI state, not document. */
export interface FileReport {
  title: string;
  ok: boolean;
  diagnostics: Diagnostic[];
}

export interface ReportSlice {
  report: FileReport | undefined;
  setReport(report: FileReport | undefined): void;
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set) => ({
  report: undefined,
  setReport(report) {
    set({ report });
  },
});
