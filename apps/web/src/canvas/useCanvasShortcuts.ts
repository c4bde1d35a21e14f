import { useEffect } from 'react';
import { useClipboardEvents } from '../clipboard/useClipboardEvents';
import { useAppStore } from '../store/useApp';
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
  const store = useAppStore();
  useEffect(() => {
    // Escape on a focused node or edge: React Flow unselects it and blurs it (a frame later), so the focus fell to
    // <body> — or it selects an unselected node. Clear the selection and keep the focus where it was.
    const onEscape = (e: KeyboardEvent) => {
      const t = e.target;
      if (
        e.key !== 'Escape' ||
        !(t instanceof HTMLElement || t instanceof SVGElement) ||
        !t.matches('.react-flow__node, .react-flow__edge')
      )
        return;
      store.getState().select([]);
      requestAnimationFrame(() => t.isConnected && t.focus({ preventScroll: true }));
    };
    window.addEventListener('keydown', onEscape);
    return () => window.removeEventListener('keydown', onEscape);
  }, [store]);
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
