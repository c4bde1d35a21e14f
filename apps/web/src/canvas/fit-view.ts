/**
 * How the canvas fits a blueprint into the view (React Flow's fitView): every fit — the first one,
 * the zoom controls' fit button, a template, an opened file, auto layout — keeps the nodes clear of
 * what floats over the canvas (styles/canvas.css, deploy/DeployDock):
 * - the bottom strip holds the minimap (bottom right, 150 px + React Flow's 15 px panel margin) and
 *   the zoom controls (bottom left, 130 px + 15 px): BOTTOM reserves it whole, so neither corner
 *   covers a node whatever the graph's shape. A strip rather than the minimap's column on the
 *   right: blueprints are laid out left to right (ELK's direction RIGHT), so a fit is mostly limited
 *   by the width, and the height the strip takes would have stayed empty anyway;
 * - the top strip holds the deploy dock (top right, ≈ 45 px).
 * Pixels, not a fraction of the view: the parts that float keep their size when the window shrinks.
 */
export const FIT_PADDING = { top: '64px', right: '48px', bottom: '184px', left: '48px' } as const;

/**
 * A module constant, as every prop React Flow tracks (StoreUpdater): a new object per render is
 * written into its store, and every mounted node wrapper checks the store again (~17 ms per
 * render at 1,000 services).
 */
export const FIT_VIEW = { padding: FIT_PADDING, maxZoom: 1, includeHiddenNodes: true };

/** The same fit, animated: a fit after a template, a file or a layout changed what the canvas shows. */
export const FIT_VIEW_ANIMATED = { padding: FIT_PADDING, maxZoom: 1, duration: 200 };
