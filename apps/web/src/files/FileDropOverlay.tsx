import { useEffect, useRef, useState } from 'react';
import { useOpenFile } from './useOpenFile';

/** A drag that carries files from outside the page (not the palette's, not text or a link). */
const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * While a file is dragged over the window, a sheet over the designer says what dropping it does;
 * the sheet takes the drop (anywhere in the window) and opens the file as the canvas did
 * (useOpenFile). Gone when the drag leaves the window, is cancelled or dropped. A drag from the
 * palette carries no files: it never shows, the canvas takes that drop as before.
 */
export function FileDropOverlay() {
  const [shown, setShown] = useState(false);
  const sheet = useRef<HTMLDivElement>(null);
  const openFile = useOpenFile();
  useEffect(() => {
    const onEnter = (e: DragEvent) => {
      if (carriesFiles(e)) setShown(true);
    };
    window.addEventListener('dragenter', onEnter);
    return () => window.removeEventListener('dragenter', onEnter);
  }, []);
  useEffect(() => {
    if (!shown) return;
    // The sheet covers the window and its contents take no pointer events: what it receives is
    // the whole drag, and leaving it is leaving the window (or Escape).
    const onOver = (e: DragEvent) => {
      if (e.target !== sheet.current || !e.dataTransfer) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (e.target === sheet.current) setShown(false);
    };
    const onDrop = (e: DragEvent) => {
      setShown(false);
      if (e.target !== sheet.current) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('dragend', onLeave);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', onLeave);
    };
  }, [shown, openFile]);
  if (!shown) return null;
  return (
    <div ref={sheet} className="file-drop">
      <p className="file-drop-hint">Drop a Compose, Kubernetes or blueprint file to open it</p>
    </div>
  );
}
