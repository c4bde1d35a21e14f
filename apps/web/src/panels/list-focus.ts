/**
 * Where the keyboard focus goes when a row of an inspector list is removed by one of its buttons
 * (or a form inside the row closes): the row, and the focused button with it, leave the DOM, and
 * the browser would drop the focus onto the page — a keyboard user then starts over from the top.
 */

/** The same button of the next row, else of the row before, else the first field of the form after the list. */
export function focusTargetAfterRemoval(button: HTMLElement): HTMLElement | undefined {
  const row = button.closest('li');
  if (!row) return undefined;
  const index = [...row.querySelectorAll('button')].indexOf(button as HTMLButtonElement);
  for (const sibling of [row.nextElementSibling, row.previousElementSibling]) {
    const same = sibling?.querySelectorAll<HTMLElement>('button')[index];
    if (same) return same;
  }
  const after = row.closest('ul')?.nextElementSibling;
  return after?.querySelector<HTMLElement>('input, select, button:not(:disabled)') ?? undefined;
}

/** Runs `remove` (true when it removed the row) and then moves the focus as above. */
export function removeRow(button: HTMLElement, remove: () => boolean): void {
  const target = focusTargetAfterRemoval(button);
  if (remove()) target?.focus();
}
