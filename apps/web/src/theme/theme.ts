/**
 * The colour theme: what the user chose (follow the system, or always light / dark) and what that
 * means right now. The choice is kept in the browser; the CSS reads `data-theme` on <html>.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'blaupause:theme:v1';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export interface ThemeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The saved choice; anything unreadable (absent, garbage, storage refused) means "follow the system". */
export function readChoice(storage: ThemeStorage | undefined): ThemeChoice {
  try {
    const v = storage?.getItem(THEME_KEY);
    return THEME_CHOICES.includes(v as ThemeChoice) ? (v as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

export function saveChoice(storage: ThemeStorage | undefined, choice: ThemeChoice): void {
  try {
    storage?.setItem(THEME_KEY, choice);
  } catch {
    // Storage full or refused: the choice holds for this visit only.
  }
}

export const resolveTheme = (choice: ThemeChoice, systemDark: boolean): Theme =>
  choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;

/** The next choice of the toolbar's toggle: system → light → dark → system. */
export const nextChoice = (choice: ThemeChoice): ThemeChoice =>
  THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] ?? 'system';

export interface ThemeController {
  choice(): ThemeChoice;
  theme(): Theme;
  choose(choice: ThemeChoice): void;
  subscribe(listener: () => void): () => void;
}

/** What the controller needs from the page: the system preference, and where to put the result. */
export interface ThemeEnvironment {
  storage: ThemeStorage | undefined;
  /** `matchMedia('(prefers-color-scheme: dark)')`, or undefined where there is none. */
  media: { matches: boolean; addEventListener(type: 'change', l: () => void): void } | undefined;
  apply(theme: Theme, choice: ThemeChoice): void;
}

/** Follows the choice and, for "system", the system preference as it changes; applies every change. */
export function createThemeController(env: ThemeEnvironment): ThemeController {
  let choice = readChoice(env.storage);
  let theme = resolveTheme(choice, !!env.media?.matches);
  const listeners = new Set<() => void>();
  const update = () => {
    theme = resolveTheme(choice, !!env.media?.matches);
    env.apply(theme, choice);
    for (const l of listeners) l();
  };
  env.media?.addEventListener('change', update);
  env.apply(theme, choice);
  return {
    choice: () => choice,
    theme: () => theme,
    choose(next) {
      choice = next;
      saveChoice(env.storage, next);
      update();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
