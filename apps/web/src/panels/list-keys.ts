import type { KeyboardEvent } from 'react';

/** Where focus goes in a list of `count` items on a key: arrows step (wrapping), Home/End jump; undefined for other keys. */
export function nextIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * Arrow-key navigation between the buttons of a list (`[data-list-item]` inside the element that
 * has the handler): Tab reaches the list, arrows, Home and End move within it.
 */
export function onListKeyDown(e: KeyboardEvent<HTMLElement>): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-list-item]')];
  const current = items.indexOf(document.activeElement as HTMLElement);
  const next = nextIndex(e.key, Math.max(current, 0), items.length);
  if (next === undefined || current < 0) return;
  e.preventDefault();
  items[next]?.focus();
}
