import { useEffect } from 'react';
import { useAppStore } from '../store/useApp';
import { copyText, cutSelection, MAX_FILE_BYTES, remembered } from './clipboard-state';

/** Fields, the YAML editor and selected text keep the browser's own copy and paste. */
function browserOwns(e: ClipboardEvent): boolean {
  const t = e.target;
  if (
    t instanceof HTMLElement &&
    (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('.monaco-editor'))
  )
    return true;
  const selected = document.getSelection();
  return e.type !== 'paste' && !!selected && !selected.isCollapsed;
}

/**
 * Ctrl+C / Ctrl+X / Ctrl+V anywhere but in a text field: the browser's copy, cut and paste events,
 * which read and write the system clipboard without a permission prompt.
 */
export function useClipboardEvents(pasteText: (text: string) => Promise<void>): void {
  const store = useAppStore();
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      if (browserOwns(e)) return;
      const text = copyText(store);
      if (!text) return;
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      if (e.type === 'cut') cutSelection(store);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (browserOwns(e)) return;
      // A file copied in a file manager (a compose.yaml) pastes like its text.
      const file = e.clipboardData?.files[0];
      if (file && file.size <= MAX_FILE_BYTES) {
        e.preventDefault();
        void file.text().then(pasteText);
        return;
      }
      const text = e.clipboardData?.getData('text/plain') || remembered();
      if (!text) return;
      e.preventDefault();
      void pasteText(text);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, pasteText]);
}
