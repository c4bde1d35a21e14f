import { createContext } from 'react';
import type { KeyValueStorage } from '../persistence/autosave';
import type { AnalysisSource } from '../worker/analysis-source';
import type { DocumentService } from '../worker/connect';
import type { AppStore } from './store';

/** The store, the analysis and the autosave storage, provided once at the root (composition root: main.tsx). */
export interface AppContextValue {
  store: AppStore;
  /** Problems and compiled targets of the document, computed off the main thread (worker/). */
  analysis: AnalysisSource;
  /** Templates (and the autosaved document) loaded by the worker. */
  documents: DocumentService;
  /** Where the document is autosaved; absent when the browser has no usable storage. */
  storage: KeyValueStorage | undefined;
}

export const AppContext = createContext<AppContextValue | null>(null);
