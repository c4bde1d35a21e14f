import { type ReactFlowState, useStoreApi } from '@xyflow/react';
import { useLayoutEffect } from 'react';

/**
 * How the canvas fits a blueprint into the view (React Flow's fitView): every fit — the first one,
 * the zoom controls' fit button, a template, an opened file, auto layout — keeps the nodes clear of
 * what floats over the canvas (styles/canvas.css, deploy/DeployDock): the minimap (bottom right,
 * minimapSize below + React Flow's 15 px panel margin), the zoom controls (bottom left, 26×130 px +
 * 15 px) and the deploy dock (top right, ≈ 100×33 px + 12 px). Two ways to keep clear of them:
 * - strip: the bottom strip (minimap and controls) and the top one (dock) stay empty, the graph has
 *   the whole width. For wide graphs — blueprints are laid out left to right (ELK's direction
 *   RIGHT), so most fits are limited by the width.
 * - columns: the right column (minimap and dock) and the left one (controls) stay empty, the graph
 *   has the whole height. For tall graphs (many services side by side in one layer): with the strip
 *   they got 308 of 556 px of height at 1280×800 and 234 of 482 at 1024×700.
 * Each fit takes the one that shows the graph larger (the strip when both are the same, e.g. both
 * at the least or the most zoom). The room is the minimap's real size for the view's size.
 */

/** The minimap's largest and least size (4:3), and the share of the canvas it may take. */
export const MINIMAP_MAX = { width: 200, height: 150 } as const;
export const MINIMAP_MIN = { width: 120, height: 90 } as const;
const MINIMAP_SHARE = 0.25;

/**
 * The minimap's size on a `width`×`height` canvas: at most a quarter of its width and of its
 * height, 200×150 px on a large canvas, never under 120×90 px. A fixed 200×150 took 42 % of the
 * canvas's width at a 1024×700 window (476 px) and limited every fit.
 */
export function minimapSize(width: number, height: number): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return MINIMAP_MAX;
  const w = Math.min(width * MINIMAP_SHARE, ((height * MINIMAP_SHARE) / MINIMAP_MAX.height) * MINIMAP_MAX.width);
  const clamped = Math.round(Math.min(MINIMAP_MAX.width, Math.max(MINIMAP_MIN.width, w)));
  return { width: clamped, height: Math.round((clamped * MINIMAP_MAX.height) / MINIMAP_MAX.width) };
}

/** React Flow's margin around a panel, the zoom controls' height, the deploy dock's width, and a gap beyond them. */
const PANEL_MARGIN = 15;
const CONTROLS_HEIGHT = 130;
const DOCK_WIDTH = 100;
const GAP = 19;

/** The strip's sides on a `width`×`height` canvas: the bottom clear of the minimap and the zoom controls. */
export function stripSides(width: number, height: number): Sides {
  const m = minimapSize(width, height);
  return { top: 64, right: 48, bottom: Math.max(m.height, CONTROLS_HEIGHT) + PANEL_MARGIN + GAP, left: 48 };
}

/** The columns' sides on a `width`×`height` canvas: the right clear of the minimap and the deploy dock. */
export function columnSides(width: number, height: number): Sides {
  const m = minimapSize(width, height);
  return { top: 32, right: Math.max(m.width, DOCK_WIDTH) + PANEL_MARGIN + 17, bottom: 32, left: 64 };
}

export type Sides = { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
type Bounds = { width: number; height: number };

/** The zoom React Flow's fit gives `bounds` in a `width`×`height` view with `p` kept free (getViewportForBounds). */
export function fitZoom(p: Sides, bounds: Bounds, width: number, height: number, minZoom: number, maxZoom: number): number {
  const zoom = Math.min((width - p.left - p.right) / bounds.width, (height - p.top - p.bottom) / bounds.height);
  return Math.min(Math.max(zoom, minZoom), maxZoom);
}

/** The padding that shows `bounds` larger: the columns only when they zoom in further than the strip. */
export function fitSides(bounds: Bounds | undefined, width: number, height: number, minZoom: number, maxZoom: number): Sides {
  const strip = stripSides(width, height);
  if (!bounds || !(bounds.width > 0) || !(bounds.height > 0) || !(width > 0) || !(height > 0)) return strip;
  const columns = columnSides(width, height);
  const stripZoom = fitZoom(strip, bounds, width, height, minZoom, maxZoom);
  const columnsZoom = fitZoom(columns, bounds, width, height, minZoom, maxZoom);
  return columnsZoom > stripZoom * 1.001 ? columns : strip;
}

/** The bounds React Flow fits: every node with a size (the app's fits include the far view's hidden nodes, far-live.ts). */
function nodeBounds(s: Pick<ReactFlowState, 'nodeLookup'>): Bounds | undefined {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const n of s.nodeLookup.values()) {
    const w = n.measured.width ?? n.width ?? 0;
    const h = n.measured.height ?? n.height ?? 0;
    if (!w || !h) continue;
    const { x, y } = n.internals.positionAbsolute;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
  }
  return x1 > x0 ? { width: x1 - x0, height: y1 - y0 } : undefined;
}

/** The canvas's React Flow store while the canvas is mounted (useFitPadding). */
let fitStore: { getState(): ReactFlowState } | undefined;

function side(key: keyof Sides): `${number}px` {
  const s = fitStore?.getState();
  const sides = s ? fitSides(nodeBounds(s), s.width, s.height, s.minZoom, Math.min(s.maxZoom, 1)) : stripSides(0, 0);
  return `${sides[key]}px`;
}

/**
 * The fit's padding. React Flow reads it (getViewportForBounds) when the fit runs — for a queued fit
 * (a template, a file, the first fit) after the new nodes have their sizes — so each side is chosen
 * then, from the nodes' bounds and the view's size in the canvas's store.
 */
export const FIT_PADDING = {
  get top() {
    return side('top');
  },
  get right() {
    return side('right');
  },
  get bottom() {
    return side('bottom');
  },
  get left() {
    return side('left');
  },
};

/** Lets FIT_PADDING see the canvas's nodes and size; in the component that renders <ReactFlow>, before its effects. */
export function useFitPadding(): void {
  const api = useStoreApi();
  useLayoutEffect(() => {
    fitStore = api;
    return () => {
      if (fitStore === api) fitStore = undefined;
    };
  }, [api]);
}

/**
 * A module constant, as every prop React Flow tracks (StoreUpdater): a new object per render is
 * written into its store, and every mounted node wrapper checks the store again (~17 ms per
 * render at 1,000 services).
 */
export const FIT_VIEW = { padding: FIT_PADDING, maxZoom: 1, includeHiddenNodes: true };

/** The same fit, animated: a fit after a template, a file or a layout changed what the canvas shows. */
export const FIT_VIEW_ANIMATED = { padding: FIT_PADDING, maxZoom: 1, duration: 200 };
