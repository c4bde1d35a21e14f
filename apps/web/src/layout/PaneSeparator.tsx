import { type KeyboardEvent, type PointerEvent, useLayoutEffect, useRef, useState } from 'react';
import { clamp, INSPECTOR, keyToState, type PaneRules, type PaneState, PROBLEMS, readState, SIDEBAR, writeState } from './pane-sizes';

/**
 * A WAI-ARIA window splitter between two panes: role="separator", focusable, aria-valuenow/min/max
 * (the primary pane's size) and aria-controls (that pane). Drag it with the pointer; Arrow keys move
 * it (Shift: four steps), Home/End to the primary pane's least and largest size, Enter collapses the
 * primary pane or restores it, a double-click puts the default size back. The chosen size is kept in
 * localStorage (one entry per split) and comes back on a reload.
 *
 * Written here rather than taken from react-resizable-panels (4.24.0, which does all of this): it
 * added 15.8 KiB gzip to the canvas route's initial JavaScript (188.8 -> 204.6 KiB, budget 200).
 *
 * The size is a CSS custom property on the panes' common parent (app.css clamps it again, so a
 * window made smaller later keeps the limits): a drag re-renders this element only, not the
 * designer, and the canvas (React Flow's ResizeObserver), the minimap and Monaco (automaticLayout)
 * follow the new box.
 */

interface Split {
  rules: PaneRules;
  /** The line's direction: 'vertical' between side-by-side panes. */
  orientation: 'vertical' | 'horizontal';
  keys: { grow: string; shrink: string };
  /** The element the two panes share (measured; marked while dragged). */
  host: (separator: HTMLElement) => HTMLElement | null;
  /** The element carrying the size property and the collapsed attribute. */
  target: (host: HTMLElement) => HTMLElement;
  /** The room (px) the two panes share. */
  room: (host: HTMLElement) => number;
  /** The size for a pointer at (x, y). */
  fromPointer: (host: HTMLElement, x: number, y: number) => number;
  property: string;
  unit: 'px' | '%';
  collapsedAttribute: string;
  /** The primary pane (hidden and inert while collapsed). */
  paneId: string;
  label: string;
  valueText: (size: number, collapsed: boolean) => string;
}

const paneRoom = (host: HTMLElement) => {
  const workspace = host.querySelector('.workspace');
  const right = host.getBoundingClientRect().right;
  return right - (workspace?.getBoundingClientRect().left ?? 0);
};

export const SIDEBAR_SPLIT: Split = {
  rules: SIDEBAR,
  orientation: 'vertical',
  keys: { grow: 'ArrowLeft', shrink: 'ArrowRight' },
  host: (el) => el.closest('.app'),
  // The root: the deploy dock and the Monitor panel follow the sidebar's width too.
  target: () => document.documentElement,
  room: paneRoom,
  fromPointer: (host, x) => host.getBoundingClientRect().right - x,
  property: '--sidebar-width',
  unit: 'px',
  collapsedAttribute: 'data-sidebar-collapsed',
  paneId: 'sidebar',
  label: 'Resize the sidebar',
  valueText: (size, collapsed) => (collapsed ? 'Sidebar collapsed' : `Sidebar ${Math.round(size)} pixels wide`),
};

export const INSPECTOR_SPLIT: Split = {
  rules: INSPECTOR,
  orientation: 'horizontal',
  keys: { grow: 'ArrowDown', shrink: 'ArrowUp' },
  host: (el) => el.closest('.sidebar'),
  target: (host) => host,
  room: (host) => host.clientHeight,
  fromPointer: (host, _x, y) => {
    const r = host.getBoundingClientRect();
    return (100 * (y - r.top)) / Math.max(r.height, 1);
  },
  property: '--inspector-share',
  unit: '%',
  collapsedAttribute: 'data-inspector-collapsed',
  paneId: 'inspector',
  label: 'Resize the inspector and the YAML panel',
  valueText: (size, collapsed) => (collapsed ? 'Inspector collapsed' : `Inspector ${Math.round(size)} % of the sidebar`),
};

export const PROBLEMS_SPLIT: Split = {
  rules: PROBLEMS,
  orientation: 'horizontal',
  // The problems list is below: the separator going up makes it taller.
  keys: { grow: 'ArrowUp', shrink: 'ArrowDown' },
  host: (el) => el.closest('.workspace'),
  target: (host) => host,
  room: (host) => host.clientHeight,
  fromPointer: (host, _x, y) => host.getBoundingClientRect().bottom - y,
  property: '--problems-height',
  unit: 'px',
  collapsedAttribute: 'data-problems-collapsed',
  paneId: 'problems',
  label: 'Resize the problems list',
  valueText: (size, collapsed) => (collapsed ? 'Problems list collapsed' : `Problems list ${Math.round(size)} pixels high`),
};

const localStore = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/** Puts a state on the page: the size property, the collapsed attribute, the pane hidden or not. */
function apply(split: Split, host: HTMLElement, state: PaneState) {
  const target = split.target(host);
  if (state.size === undefined) target.style.removeProperty(split.property);
  else target.style.setProperty(split.property, `${Math.round(state.size * 100) / 100}${split.unit}`);
  target.toggleAttribute(split.collapsedAttribute, state.collapsed);
  const pane = document.getElementById(split.paneId);
  if (pane) {
    pane.hidden = state.collapsed;
    pane.inert = state.collapsed;
  }
}

export function PaneSeparator({ split }: { split: Split }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PaneState>(() => readState(localStore(), split.rules.storageKey));
  const [room, setRoom] = useState(0);
  const drag = useRef<{ pointer: number } | undefined>(undefined);

  // Before the first paint: the stored size, then the room, again whenever it changes.
  useLayoutEffect(() => {
    const host = ref.current && split.host(ref.current);
    if (!host) return;
    apply(split, host, state);
  }, [split, state]);
  useLayoutEffect(() => {
    const host = ref.current && split.host(ref.current);
    if (!host) return;
    const measure = () => setRoom(split.room(host));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(host);
    return () => ro.disconnect();
  }, [split]);

  const limits = split.rules.limits(room);
  const viewport = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const size = clamp(state.size ?? split.rules.initial(room, viewport), limits);
  const change = (next: PaneState, save: boolean) => {
    setState(next);
    if (save) writeState(localStore(), split.rules.storageKey, next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const next = keyToState(e.key, e.shiftKey, state, size, split.rules, room, split.keys);
    if (!next) return;
    e.preventDefault();
    change(next, true);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointer: e.pointerId };
    split.host(e.currentTarget)?.setAttribute('data-resizing', '');
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer !== e.pointerId) return;
    const host = split.host(e.currentTarget);
    if (!host) return;
    const r = split.room(host);
    change({ size: clamp(split.fromPointer(host, e.clientX, e.clientY), split.rules.limits(r)), collapsed: false }, false);
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer !== e.pointerId) return;
    drag.current = undefined;
    split.host(e.currentTarget)?.removeAttribute('data-resizing');
    writeState(localStore(), split.rules.storageKey, state);
  };

  const valueNow = state.collapsed ? 0 : size;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter; <hr> cannot take focus or a value.
    <div
      ref={ref}
      role="separator"
      tabIndex={0}
      className={`pane-separator pane-separator-${split.orientation}`}
      aria-label={split.label}
      aria-orientation={split.orientation}
      aria-controls={split.paneId}
      aria-valuenow={Math.round(valueNow)}
      aria-valuemin={state.collapsed ? 0 : Math.round(limits.min)}
      aria-valuemax={Math.round(limits.max)}
      aria-valuetext={split.valueText(size, state.collapsed)}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={() => change({ size: undefined, collapsed: false }, true)}
    />
  );
}
