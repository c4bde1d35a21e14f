import type { Blueprint } from '@blaupause/model';
import { createContext } from 'react';
import type { Analysis } from '../analysis/analyze';
import type { AppStore } from './store';

/** The store and the analyzer that goes with it, provided once at the root (composition root: main.tsx). */
export interface AppContextValue {
  store: AppStore;
  analyze: (bp: Blueprint) => Analysis;
}

export const AppContext = createContext<AppContextValue | null>(null);
