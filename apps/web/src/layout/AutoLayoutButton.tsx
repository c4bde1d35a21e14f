import { useEffect, useState } from 'react';
import { warmLayout } from './auto-layout';
import { useAutoLayout } from './useAutoLayout';

/** The toolbar's "Auto layout" (also Ctrl+Shift+L and the canvas's context menus). */
export function AutoLayoutButton() {
  const autoLayout = useAutoLayout();
  // Large blueprints take ELK a moment (in its worker): say so instead of looking dead.
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await autoLayout();
    } finally {
      setBusy(false);
    }
  };
  // ELK starts in the background at the first click or key press: by the time someone opens a
  // template or imports a file it is ready. Not at load: the page's start stays light.
  useEffect(() => {
    const opts = { once: true, capture: true } as const;
    window.addEventListener('pointerdown', warmLayout, opts);
    window.addEventListener('keydown', warmLayout, opts);
    return () => {
      window.removeEventListener('pointerdown', warmLayout, opts);
      window.removeEventListener('keydown', warmLayout, opts);
    };
  }, []);
  return (
    <button
      type="button"
      className="button"
      onClick={() => void run()}
      aria-busy={busy}
      aria-label="Auto layout"
      aria-keyshortcuts="Control+Shift+L"
      title="Arrange by dependency, left to right (Ctrl+Shift+L)"
    >
      <span aria-hidden="true">⇶</span>
      <span className="button-label">{busy ? 'Arranging…' : 'Auto layout'}</span>
    </button>
  );
}
