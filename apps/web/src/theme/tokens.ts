import type { Theme } from './theme';

/**
 * The colours of the visual language, per theme. They become CSS custom properties (`--surface`,
 * `--role-sidecar`, …) on <html> (browser-theme.ts); stylesheets use only the properties. They live
 * here rather than in a stylesheet so that their contrast is unit-tested (contrast.test.ts) and
 * the exported diagram reuses the light set (export/palette.ts) instead of a copy.
 */
export const LIGHT = {
  bg: '#f4f6fa',
  surface: '#ffffff',
  'surface-muted': '#f8f9fc',
  border: '#dde2eb',
  'border-strong': '#c3cad8',
  text: '#1c2433',
  'text-muted': '#5f6b80',
  accent: '#2357d9',
  'accent-soft': '#e6edfd',
  /** Text on a filled accent button. */
  'on-accent': '#ffffff',
  focus: '#2357d9',

  error: '#c62828',
  'error-soft': '#fdecec',
  warning: '#9a5800',
  'warning-soft': '#fff4e0',
  info: '#2f6fb3',
  'info-soft': '#e8f1fb',
  /** Text on a filled error / warning badge. */
  'on-error': '#ffffff',
  'on-warning': '#ffffff',

  'role-main': '#2357d9',
  'role-sidecar': '#16803c',
  'role-ambassador': '#7b3fc4',
  'role-adapter': '#b3541e',
  'role-init': '#5f6b80',
  /** Network segments and membership edges. */
  network: '#a23a8c',

  edge: '#7d889c',
  'edge-mount': '#16803c',
  'edge-healthy': '#0e7490',
  'edge-completed': '#7b3fc4',
  'canvas-bg': '#fbfcfe',
  'canvas-dots': '#cfd6e3',
  'highlight-line': '#fff3c4',

  shadow: '0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 10%)',
  'shadow-raised': '0 4px 12px rgb(16 24 40 / 14%)',
};

export type Tokens = typeof LIGHT;

export const DARK: Tokens = {
  bg: '#0e121a',
  surface: '#171c26',
  'surface-muted': '#1d2331',
  border: '#2b3345',
  'border-strong': '#3c475d',
  text: '#e4e9f2',
  'text-muted': '#9ba6b9',
  accent: '#7ba3ff',
  'accent-soft': '#1e2b4b',
  'on-accent': '#0e121a',
  focus: '#7ba3ff',

  error: '#ff7b7b',
  'error-soft': '#3b1d22',
  warning: '#f2a93b',
  'warning-soft': '#3a2c14',
  info: '#6fb3f7',
  'info-soft': '#15283e',
  'on-error': '#1b0c0e',
  'on-warning': '#1b1204',

  'role-main': '#7ba3ff',
  'role-sidecar': '#4fc58c',
  'role-ambassador': '#b896f7',
  'role-adapter': '#f2955c',
  'role-init': '#9ba6b9',
  network: '#e07cc8',

  edge: '#75819a',
  'edge-mount': '#4fc58c',
  'edge-healthy': '#3fc6da',
  'edge-completed': '#b896f7',
  'canvas-bg': '#11151d',
  'canvas-dots': '#2c3445',
  'highlight-line': '#3d3516',

  shadow: '0 1px 2px rgb(0 0 0 / 35%), 0 1px 3px rgb(0 0 0 / 45%)',
  'shadow-raised': '0 4px 14px rgb(0 0 0 / 55%)',
};

export const TOKENS: Record<Theme, Tokens> = { light: LIGHT, dark: DARK };
