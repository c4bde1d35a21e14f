import '../styles/dropdowns.css';
import { useTheme, useThemeChoice } from './ThemeContext';
import { nextChoice, type ThemeChoice } from './theme';

const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const GLYPH: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark; the accessible name says what is shown and what a click does. */
export function ThemeToggle() {
  const [choice, choose] = useThemeChoice();
  const theme = useTheme();
  const next = nextChoice(choice);
  const now = choice === 'system' ? `System (${theme})` : LABEL[choice];
  return (
    <button
      type="button"
      className="button theme-toggle"
      onClick={() => choose(next)}
      aria-label={`Theme: ${now}. Switch to ${LABEL[next].toLowerCase()}`}
      title={`Theme: ${now} — click for ${LABEL[next].toLowerCase()}`}
    >
      <span aria-hidden="true">{GLYPH[choice]}</span>
      <span className="button-label">{LABEL[choice]}</span>
    </button>
  );
}
