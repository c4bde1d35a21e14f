import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Theme, ThemeChoice, ThemeController } from './theme';

/** The theme controller, created in the composition root (main.tsx) and provided once. */
export const ThemeContext = createContext<ThemeController | null>(null);

function useController(): ThemeController {
  const c = useContext(ThemeContext);
  if (!c) throw new Error('theme hooks outside <ThemeContext>');
  return c;
}

/** The theme shown now ('light' | 'dark'): what Monaco and React Flow need. */
export function useTheme(): Theme {
  const c = useController();
  return useSyncExternalStore(c.subscribe, c.theme);
}

export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const c = useController();
  return [useSyncExternalStore(c.subscribe, c.choice), c.choose];
}
