import { useEffect, useRef } from 'react';
import { inTextField } from '../useShortcuts';
import { SHORTCUTS } from './shortcuts';

/** The toolbar's "?" button and the keyboard shortcuts dialog it opens (also the `?` key). A native modal dialog: focus stays inside, Escape closes. */
export function ShortcutsHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || inTextField(e.target)) return;
      e.preventDefault();
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={open}
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
        <header className="shortcuts-header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" className="button" onClick={() => dialog.current?.close()} aria-label="Close keyboard shortcuts">
            ✕
          </button>
        </header>
        {groups.map((g) => (
          <section key={g} aria-label={g}>
            <h3>{g}</h3>
            <dl className="shortcuts-list">
              {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                <div key={s.what} className="shortcut">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' / '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </dialog>
    </>
  );
}
