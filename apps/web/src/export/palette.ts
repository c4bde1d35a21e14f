import { LIGHT } from '../theme/tokens';

/**
 * Colours of an exported diagram. Exports are for documents (white pages, printers), so they use
 * the light theme whatever theme the app shows, as plain values: an SVG opened in Word or Inkscape
 * cannot read the app's CSS custom properties.
 */
export interface Palette {
  background: string;
  surface: string;
  surfaceMuted: string;
  border: string;
  borderStrong: string;
  text: string;
  textMuted: string;
  accent: string;
  accentSoft: string;
  error: string;
  warning: string;
  edge: string;
  edgeMount: string;
  edgeHealthy: string;
  edgeCompleted: string;
  network: string;
  roles: Record<string, string>;
}

export const LIGHT_PALETTE: Palette = {
  background: '#ffffff',
  surface: LIGHT.surface,
  surfaceMuted: LIGHT['surface-muted'],
  border: LIGHT.border,
  borderStrong: LIGHT['border-strong'],
  text: LIGHT.text,
  textMuted: LIGHT['text-muted'],
  accent: LIGHT.accent,
  accentSoft: LIGHT['accent-soft'],
  error: LIGHT.error,
  warning: LIGHT.warning,
  edge: LIGHT.edge,
  edgeMount: LIGHT['edge-mount'],
  edgeHealthy: LIGHT['edge-healthy'],
  edgeCompleted: LIGHT['edge-completed'],
  network: LIGHT.network,
  roles: {
    main: LIGHT['role-main'],
    sidecar: LIGHT['role-sidecar'],
    ambassador: LIGHT['role-ambassador'],
    adapter: LIGHT['role-adapter'],
    init: LIGHT['role-init'],
  },
};

/** Font stacks that exist offline on every system (no web fonts: nothing may be fetched). */
export const FONT_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const FONT_MONO = 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace';

/**
 * Text is fitted without a DOM to measure it: an average advance per character (em fractions
 * that hold for the usual sans and mono faces) and an ellipsis when the text would overflow.
 */
export function fitText(text: string, maxWidth: number, fontSize: number, mono = false): string {
  const advance = fontSize * (mono ? 0.62 : 0.58);
  const max = Math.floor(maxWidth / advance);
  const chars = [...text];
  if (chars.length <= max) return text;
  return max <= 1 ? '…' : `${chars.slice(0, max - 1).join('')}…`;
}

export function textWidth(text: string, fontSize: number, mono = false): number {
  return [...text].length * fontSize * (mono ? 0.62 : 0.58);
}
