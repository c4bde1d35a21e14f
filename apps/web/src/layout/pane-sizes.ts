/**
 * The sizes of the designer's resizable panes (PaneSeparator.tsx): pure rules, unit-tested.
 *
 * Three splits: the canvas | the sidebar (the sidebar's width in px), in the sidebar the inspector
 * over the YAML panel (the inspector's share of the sidebar's height in %), and the canvas over the
 * problems list (the list's height in px, never by its content: problems come and go as one types,
 * the canvas must not jump). A size is kept within its limits for the room there is (the window's
 * width, the sidebar's and the workspace's height); the CSS
 * (app.css) applies the same limits, so a window made smaller later keeps them too.
 */

/** The canvas's least width (px): the zoom controls, a minimap of 120 px and room for a graph. */
export const CANVAS_MIN_PX = 400;
/** The sidebar's least width when open (px): the inspector's fields and the YAML tabs with their arrows. */
export const SIDEBAR_MIN_PX = 280;
/** The inspector's share of the sidebar by default: the YAML panel keeps 58 % of it, as before the panes. */
export const INSPECTOR_DEFAULT_PCT = 42;
/** Least heights (px): the inspector's title and a line of its form; the YAML tabs and a few lines. */
export const INSPECTOR_MIN_PX = 96;
export const YAML_MIN_PX = 160;
/** The problems list under the canvas: 26 % of the workspace and at least 96 px by default, as before its separator. */
export const PROBLEMS_DEFAULT_PCT = 26;
export const PROBLEMS_DEFAULT_MIN_PX = 96;
/** Least heights (px): the problems list's header (title and counts); the canvas above it. */
export const PROBLEMS_MIN_PX = 64;
export const CANVAS_MIN_HEIGHT_PX = 200;

export interface Limits {
  min: number;
  max: number;
}

/** One split's rules. `room` is the space the two panes share (px). */
export interface PaneRules {
  /** Where it is kept (localStorage), one entry per split. */
  storageKey: string;
  /** The size when nothing was chosen, and after a double-click. */
  initial(room: number, viewport: number): number;
  limits(room: number): Limits;
  /** Arrow key step (Shift: four times). */
  step: number;
}

export const SIDEBAR: PaneRules = {
  storageKey: 'blaupause.pane.sidebar',
  // 32 % of the window and at least 360 px, as the grid's minmax(360px, 32vw) before the panes.
  initial: (room, viewport) => clamp(Math.round(Math.max(360, viewport * 0.32)), SIDEBAR.limits(room)),
  limits: (room) => ({ min: SIDEBAR_MIN_PX, max: Math.max(SIDEBAR_MIN_PX, Math.floor(room - CANVAS_MIN_PX)) }),
  step: 24,
};

export const INSPECTOR: PaneRules = {
  storageKey: 'blaupause.pane.inspector',
  initial: (room) => clamp(INSPECTOR_DEFAULT_PCT, INSPECTOR.limits(room)),
  limits: (room) => {
    if (room <= INSPECTOR_MIN_PX + YAML_MIN_PX) return { min: 0, max: 100 * (INSPECTOR_MIN_PX / Math.max(room, 1)) };
    return { min: (100 * INSPECTOR_MIN_PX) / room, max: (100 * (room - YAML_MIN_PX)) / room };
  },
  step: 5,
};

export const PROBLEMS: PaneRules = {
  storageKey: 'blaupause.pane.problems',
  initial: (room) => clamp(Math.round(Math.max(PROBLEMS_DEFAULT_MIN_PX, (room * PROBLEMS_DEFAULT_PCT) / 100)), PROBLEMS.limits(room)),
  limits: (room) => ({ min: PROBLEMS_MIN_PX, max: Math.max(PROBLEMS_MIN_PX, Math.floor(room - CANVAS_MIN_HEIGHT_PX)) }),
  step: 24,
};

export const clamp = (value: number, { min, max }: Limits) => Math.min(Math.max(value, min), Math.max(min, max));

/** A split's state: its size (px or %) and whether its primary pane (the sidebar; the inspector) is collapsed. */
export interface PaneState {
  size: number | undefined;
  collapsed: boolean;
}

/**
 * The WAI-ARIA window splitter's keys. `forward` is the key that makes the primary pane larger
 * (ArrowLeft for the sidebar on the right, ArrowDown for the inspector on top). Home and End put it
 * at its least and largest size, Enter collapses it or restores it. Undefined: not a splitter key.
 */
export function keyToState(
  key: string,
  shift: boolean,
  state: PaneState,
  size: number,
  rules: PaneRules,
  room: number,
  keys: { grow: string; shrink: string },
): PaneState | undefined {
  const limits = rules.limits(room);
  const step = rules.step * (shift ? 4 : 1);
  if (key === 'Enter') return { size: state.size, collapsed: !state.collapsed };
  if (key === 'Home') return { size: limits.min, collapsed: false };
  if (key === 'End') return { size: limits.max, collapsed: false };
  // Collapsed, the grow key restores the size it had.
  if (key === keys.grow) return { size: clamp(state.collapsed ? size : size + step, limits), collapsed: false };
  if (key === keys.shrink) return state.collapsed ? state : { size: clamp(size - step, limits), collapsed: false };
  return undefined;
}

/** The stored state of a split; a missing, broken or unreadable entry is the default. */
export function readState(storage: Pick<Storage, 'getItem'> | undefined, key: string): PaneState {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return { size: undefined, collapsed: false };
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null) return { size: undefined, collapsed: false };
    const { size, collapsed } = v as { size?: unknown; collapsed?: unknown };
    return { size: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : undefined, collapsed: collapsed === true };
  } catch {
    return { size: undefined, collapsed: false };
  }
}

export function writeState(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, key: string, state: PaneState): void {
  try {
    if (state.size === undefined && !state.collapsed) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(state));
  } catch {
    /* storage blocked or full: the size lasts the page's life */
  }
}
