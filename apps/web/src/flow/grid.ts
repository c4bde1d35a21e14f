/** The canvas grid: nodes snap to it, positions the app computes are multiples of it. */
export const GRID = 20;
