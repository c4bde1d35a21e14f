/**
 * Moves keyboard focus to a node once React Flow has drawn it, so arrow keys move what was just
 * added or pasted and Shift+F10 opens its menu. React Flow keeps a new node hidden (unfocusable)
 * until it is measured, so this tries again on the next frames until focus lands — unless the user
 * went on typing somewhere (a field of the inspector keeps its focus).
 */
export function focusNode(id: string | undefined, tries = 30): void {
  if (!id) return;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && (active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName))) return;
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    el?.focus({ preventScroll: true });
    if (document.activeElement !== el && tries > 0) focusNode(id, tries - 1);
  });
}

/**
 * After what had focus was deleted (a node, an edge), focus would fall back to the page and the
 * next Tab would start at the toolbar: keep it on the canvas instead, where Tab reaches the nodes.
 */
export function keepFocusOnCanvas(): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.querySelector<HTMLElement>('section.canvas')?.focus({ preventScroll: true });
  });
}
