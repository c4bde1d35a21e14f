import { createThemeController, type ThemeController, type ThemeStorage } from './theme';
import { TOKENS } from './tokens';

/**
 * The page's theme controller: the choice from `storage`, the system preference from matchMedia;
 * the theme's colours become custom properties on <html> (set through the CSSOM, which the app's
 * Content-Security-Policy allows, unlike an injected <style>), with data-theme for selectors and
 * color-scheme for form controls and scrollbars.
 */
export function browserThemeController(storage: ThemeStorage | undefined): ThemeController {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  return createThemeController({
    storage,
    media,
    apply(theme, choice) {
      const root = document.documentElement;
      root.dataset.theme = theme;
      root.dataset.themeChoice = choice;
      root.style.colorScheme = theme;
      for (const [name, value] of Object.entries(TOKENS[theme])) root.style.setProperty(`--${name}`, value);
    },
  });
}
