/**
 * After a row of `list` left the DOM (or changed): focus the element `selector` finds in the row now
 * at `index`, else in the row before, else `fallback` — never the page (a keyboard user would start
 * over at the toolbar).
 */
export function focusRowAt(
  list: HTMLElement | null,
  index: number,
  selector: string,
  fallback?: () => HTMLElement | null | undefined,
): void {
  requestAnimationFrame(() => {
    if (!list) return;
    const rows = list.querySelectorAll<HTMLElement>(':scope > li');
    const target = (rows[index] ?? rows[index - 1])?.querySelector<HTMLElement>(selector) ?? fallback?.();
    target?.focus();
  });
}
