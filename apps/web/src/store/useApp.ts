import { useContext } from 'react';
import { useStore } from 'zustand';
import { AppContext, type AppContextValue } from './app-context';
import type { AppState } from './store';

function useAppContext(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <AppContext>');
  return ctx;
}

/** Reads the store through a narrow selector: the component re-renders only when that slice changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useAppStore() {
  return useAppContext().store;
}

export function useAnalysisSource() {
  return useAppContext().analysis;
}

export function useDocuments() {
  return useAppContext().documents;
}

export function useStorage() {
  return useAppContext().storage;
}
