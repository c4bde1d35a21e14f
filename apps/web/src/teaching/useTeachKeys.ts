import { useEffect } from 'react';

interface Keys {
  next(): void;
  prev(): void;
  /** Esc: leave the innermost mode (presentation, then the tour, then the view). */
  leave(): void;
}

/**
 * The teaching view's keyboard, on the window's capture phase: → and ← step the tour, Esc
 * leaves. The view is modal, so no key reaches the designer underneath (React Flow would delete
 * its selected nodes on Backspace, move them on arrow keys).
 */
export function useTeachKeys({ next, prev, leave }: Keys): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      e.stopPropagation();
      const t = e.target instanceof HTMLElement ? e.target : null;
      if (t && (['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName) || t.isContentEditable)) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight') next();
      else if (e.key === 'ArrowLeft') prev();
      else if (e.key === 'Escape') leave();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [next, prev, leave]);
}
