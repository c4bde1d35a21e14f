import { lazyRetry } from '../lazy/retry';
import '../styles/library.css';
import { Suspense, useEffect, useRef, useState } from 'react';
import { LIBRARY_KEY } from '../persistence/keys';
import { useLibrary, useLibraryState } from './LibraryContext';

// The dialog is loaded when first opened: drawing does not need it.
const LibraryDialog = lazyRetry(() => import('./LibraryDialog'));

/** The toolbar's name of the open blueprint; a click opens the library. Library errors show beside it. */
export function LibraryButton({ fallbackName }: { fallbackName: string }) {
  const library = useLibrary();
  const { index, error, notices } = useLibraryState();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The dialog is unmounted, not closed: the browser does not give the focus back by itself. It is
  // given back once the dialog is gone (while the modal dialog shows, the button cannot take it).
  const refocus = useRef(false);
  const close = () => {
    refocus.current = true;
    setOpen(false);
  };
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [open]);
  const title = index.entries.find((e) => e.id === index.current)?.title ?? fallbackName;
  // Another tab of the app changed the library: show its blueprints here too (the storage event fires only in other tabs).
  useEffect(() => {
    if (!library) return;
    const onStorage = (e: StorageEvent) => {
      if (e.key === LIBRARY_KEY || e.key === null) library.refresh();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [library]);
  const message = error ?? notices[0];
  if (!library)
    return (
      <span className="doc-name" title="This browser does not let the app save: blueprints are not kept">
        {fallbackName}
      </span>
    );
  return (
    <>
      <button
        ref={button}
        type="button"
        className="doc-name library-button"
        aria-haspopup="dialog"
        aria-label={`Blueprints (open: ${title})`}
        title="Your blueprints: open, create, rename, duplicate, delete"
        onClick={() => setOpen(true)}
      >
        {title} <span aria-hidden="true">▾</span>
      </button>
      {message && !open && (
        <div className={error ? 'library-alert is-error' : 'library-alert'} role="alert">
          <span>{message}</span>
          <button type="button" className="link-button" onClick={() => library.dismiss()}>
            Dismiss
          </button>
        </div>
      )}
      {open && (
        <Suspense fallback={null}>
          <LibraryDialog library={library} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
