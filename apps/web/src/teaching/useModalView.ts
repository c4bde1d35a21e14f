import { type RefObject, useLayoutEffect } from 'react';

/**
 * Makes a full-screen view modal for the keyboard and assistive technology, as `aria-modal` says:
 * while it is mounted everything beside it (the designer underneath, still mounted) is `inert`, so
 * Tab cannot walk the hidden palette, canvas and panels and Enter cannot press a hidden button;
 * focus moves into the view (its first button) and goes back to where it was when the view closes.
 * Siblings that were inert already are left as they were.
 */
export function useModalView(ref: RefObject<HTMLElement | null>): void {
  // A layout effect: its cleanup runs before the view leaves the DOM, while the focus is still in it.
  useLayoutEffect(() => {
    const view = ref.current;
    const parent = view?.parentElement;
    if (!view || !parent) return;
    const before = document.activeElement instanceof HTMLElement && !view.contains(document.activeElement) ? document.activeElement : null;
    const made: HTMLElement[] = [];
    for (const child of parent.children) {
      if (child === view || !(child instanceof HTMLElement) || child.inert) continue;
      child.inert = true;
      made.push(child);
    }
    if (!view.contains(document.activeElement)) view.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    return () => {
      for (const child of made) child.inert = false;
      const active = document.activeElement;
      if (before?.isConnected && (!active || active === document.body || view.contains(active))) before.focus();
    };
  }, [ref]);
}
