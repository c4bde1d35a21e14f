import { useReactFlow } from '@xyflow/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FIT_VIEW_ANIMATED } from '../canvas/fit-view';
import { EMPTY_TEMPLATE, TEMPLATE_ENTRIES } from '../templates/catalog';
import { useLibraryState } from './LibraryContext';
import { byRecent, type LibraryEntry, MAX_TITLE } from './library';
import type { LibraryController } from './library-controller';

interface Props {
  library: LibraryController;
  onClose(): void;
}

/**
 * The library: every saved blueprint, newest first; open, rename, duplicate, delete (confirmed),
 * and new ones from a template. A modal <dialog>: focus stays inside, Escape closes.
 */
export default function LibraryDialog({ library, onClose }: Props) {
  const { index, error, notices } = useLibraryState();
  const dialog = useRef<HTMLDialogElement>(null);
  const { fitView } = useReactFlow();
  const [template, setTemplate] = useState<string>(EMPTY_TEMPLATE);
  const [newTitle, setNewTitle] = useState('');

  // No close() on cleanup: StrictMode's trial unmount would fire `close` and end the dialog at once;
  // an unmounted <dialog> leaves the top layer by itself.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  /** After another document is shown: close, and fit the view once React Flow has measured it. */
  const done = (ok: boolean) => {
    if (!ok) return;
    onClose();
    setTimeout(() => void fitView(FIT_VIEW_ANIMATED), 80);
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    // Without a name the new blueprint is called after its document (metadata.name) and follows it.
    done(await library.createFromTemplate(template, newTitle.trim() || undefined));
  };

  return (
    <dialog ref={dialog} className="library-dialog" aria-labelledby="library-title" onClose={onClose} onCancel={onClose}>
      <header className="library-head">
        <h2 id="library-title">Blueprints</h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close the blueprint library">
          Close
        </button>
      </header>
      {(error ?? notices[0]) && (
        <div className={error ? 'library-alert is-error' : 'library-alert'} role="alert">
          <span>{error ?? notices.join(' ')}</span>
          <button type="button" className="link-button" onClick={() => library.dismiss()}>
            Dismiss
          </button>
        </div>
      )}
      <form className="library-new" onSubmit={(e) => void create(e)} aria-label="New blueprint">
        <select aria-label="Template for the new blueprint" value={template} onChange={(e) => setTemplate(e.target.value)}>
          <option value={EMPTY_TEMPLATE}>Empty blueprint</option>
          {TEMPLATE_ENTRIES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
        <input
          aria-label="Name of the new blueprint"
          placeholder="Name (default: the blueprint's own)"
          maxLength={MAX_TITLE}
          value={newTitle}
          onChange={(e) => setNewTitle(e.target.value)}
        />
        <button type="submit" className="button primary">
          New blueprint
        </button>
      </form>
      <ul className="library-list" aria-label="Saved blueprints">
        {byRecent(index.entries).map((entry) => (
          <EntryRow key={entry.id} entry={entry} current={entry.id === index.current} library={library} onOpened={done} />
        ))}
      </ul>
      <p className="muted library-foot">
        Saved in this browser only. To keep or share a blueprint, export it as Blueprint YAML (Export menu).
      </p>
    </dialog>
  );
}

function EntryRow({
  entry,
  current,
  library,
  onOpened,
}: {
  entry: LibraryEntry;
  current: boolean;
  library: LibraryController;
  onOpened(ok: boolean): void;
}) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [title, setTitle] = useState(entry.title);
  const row = useRef<HTMLLIElement>(null);
  // Where the focus goes when a rename or a delete question ends: the form or question had it and is gone.
  const refocus = useRef<string | undefined>(undefined);
  const back = (to: 'view', focus: string) => {
    refocus.current = focus;
    setMode(to);
  };
  useEffect(() => {
    if (mode !== 'view' || !refocus.current) return;
    row.current?.querySelector<HTMLElement>(refocus.current)?.focus();
    refocus.current = undefined;
  }, [mode]);
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (library.rename(entry.id, title)) back('view', '.library-open');
  };
  const remove = async () => {
    // The row goes: the focus moves to the next blueprint (or the one before, or the new-blueprint form).
    const li = row.current;
    const next = (li?.nextElementSibling ?? li?.previousElementSibling)?.querySelector<HTMLElement>('.library-open');
    const fallback = li?.closest('dialog')?.querySelector<HTMLElement>('.library-new select');
    if (!(await library.remove(entry.id))) return;
    (next?.isConnected ? next : fallback)?.focus();
    setMode('view');
  };
  return (
    <li ref={row} className={current ? 'library-entry is-current' : 'library-entry'} aria-current={current ? 'true' : undefined}>
      {mode === 'rename' ? (
        <form className="library-rename" onSubmit={rename}>
          <input
            aria-label={`New name for ${entry.title}`}
            value={title}
            maxLength={MAX_TITLE}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this entry
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button">
            Save name
          </button>
          <button type="button" className="button" onClick={() => back('view', '.library-rename-button')}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="library-open"
          aria-label={`Open ${entry.title}`}
          onClick={async () => onOpened(current || (await library.open(entry.id)))}
        >
          <span className="library-entry-title">{entry.title}</span>
          <span className="library-entry-meta">
            {current ? 'open now · ' : ''}changed {relativeTime(entry.updatedAt)}
          </span>
        </button>
      )}
      {mode === 'confirm-delete' ? (
        <fieldset className="library-confirm" aria-label={`Delete ${entry.title}?`}>
          <span>Delete “{entry.title}”? This cannot be undone.</span>
          <button type="button" className="button danger" onClick={() => void remove()}>
            Delete
          </button>
          {/* biome-ignore lint/a11y/noAutofocus: the safe answer gets the focus when the question appears */}
          <button type="button" className="button" autoFocus onClick={() => back('view', '.library-delete-button')}>
            Keep
          </button>
        </fieldset>
      ) : (
        mode === 'view' && (
          <div className="library-actions">
            <button
              type="button"
              className="link-button library-rename-button"
              aria-label={`Rename ${entry.title}`}
              onClick={() => setMode('rename')}
            >
              Rename
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={`Duplicate ${entry.title}`}
              onClick={async () => onOpened(await library.duplicate(entry.id))}
            >
              Duplicate
            </button>
            <button
              type="button"
              className="link-button danger-link library-delete-button"
              aria-label={`Delete ${entry.title}`}
              onClick={() => setMode('confirm-delete')}
            >
              Delete
            </button>
          </div>
        )
      )}
    </li>
  );
}

const FORMAT = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function relativeTime(ms: number): string {
  const s = (ms - Date.now()) / 1000;
  if (Math.abs(s) < 45) return 'just now';
  if (Math.abs(s) < 3600) return FORMAT.format(Math.round(s / 60), 'minute');
  if (Math.abs(s) < 86400) return FORMAT.format(Math.round(s / 3600), 'hour');
  return FORMAT.format(Math.round(s / 86400), 'day');
}
