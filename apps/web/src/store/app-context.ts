import type { Blueprint } from '@blaupause/model';
import { createContext } from 'react';
import type { Analysis } from '../analysis/analyze';
import type { KeyValueStorage } from '../persistence/autosave';
import type { AppStore } from './store';

/** The store, the analyzer and the autosave storage, provided once at the root (composition root: main.tsx). */
export interface AppContextValue {
  store: AppStore;
  analyze: (bp: Blueprint) => Analysis;
  /** Where the document is autosaved; absent when the browser has no usable storage. */
  storage: KeyValueStorage | undefined;
}

export const AppContext = createContext<AppContextValue | null>(null);
