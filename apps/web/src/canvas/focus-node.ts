/**
 * Moves keyboard focus to a node once React Flow has drawn it, so arrow keys move what was just
 * added or pasted and Shift+F10 opens its menu. (React Flow's nodes are focusable elements.)
 */
export function focusNode(id: string | undefined, tries = 10): void {
  if (!id) return;
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (el) el.focus({ preventScroll: true });
    else if (tries > 0) focusNode(id, tries - 1);
  });
}
