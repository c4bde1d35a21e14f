import { useEffect } from 'react';
import { useClipboardEvents } from '../clipboard/useClipboardEvents';
import { inTextField } from '../useShortcuts';

/**
 * The canvas's own shortcuts (they need React Flow, so they live under its provider; undo, redo and
 * duplicate are App-wide in useShortcuts): Ctrl+A select all, Ctrl+Shift+L auto layout, and the
 * browser's copy / cut / paste events.
 */
export function useCanvasShortcuts(actions: {
  selectAll(): void;
  autoLayout(): Promise<void>;
  pasteText(text: string): Promise<void>;
}): void {
  const { selectAll, autoLayout, pasteText } = actions;
  useClipboardEvents(pasteText);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'a' && !e.shiftKey) selectAll();
      else if (key === 'l' && e.shiftKey) void autoLayout();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectAll, autoLayout]);
}
