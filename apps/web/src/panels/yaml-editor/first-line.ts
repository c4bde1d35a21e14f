/** How long the workers wait at most for the editor to show its first lines (an editor that never mounts). */
const LATEST_MS = 2000;

let shown: () => void = () => undefined;

/**
 * Resolves once the YAML editor has painted its first lines (or LATEST_MS after Monaco loaded):
 * Monaco's workers start then, not while the editor itself is starting.
 */
export const afterFirstLine = new Promise<void>((resolve) => {
  shown = resolve;
  setTimeout(resolve, LATEST_MS);
});

/** Called when the editor has mounted: its lines are painted in the next frame. */
export function editorMounted(): void {
  requestAnimationFrame(() => setTimeout(shown, 0));
}
