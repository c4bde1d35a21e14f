import { type Diagnostic, elementKind } from '@blaupause/model';
import { memo, useState } from 'react';
import { useFocusElement } from '../canvas/useFocusElement';
import type { ElementExists } from '../store/element-set';
import { onListKeyDown } from './list-keys';
import { canvasElement } from './yaml-lines';

/** The canvas element a note is about, when it still exists (blueprint-wide notes have none). */
export function noteElement(exists: ElementExists, d: Diagnostic): string | undefined {
  if (!d.elementId || elementKind(d.elementId) === 'blueprint') return undefined;
  const id = canvasElement(d.elementId);
  return exists(id) ? id : undefined;
}

/** A short name for the element a note is about: `web`, `web → redis`, `backend`. */
const elementLabel = (id: string) => id.slice(id.indexOf(':') + 1).replace('->', ' → ');

/**
 * The active target's fidelity notes under its YAML: what that target cannot express. Clicking one
 * (or Enter) selects its element on the canvas and brings it into view, which also highlights the
 * YAML lines it produced; arrows move between notes.
 */
/** How many notes the strip lists before "Show all". */
export const NOTES_SHOWN = 200;

/**
 * Memoised: its props change with the notes and the document's elements (useElementExists), not
 * with every drag frame or an edit of an image.
 * Each note is a memoised row, and a long list shows its first NOTES_SHOWN notes until "Show all":
 * at 1,000 services a target has ~1,500 notes (~9,000 at 5,000), and an edit of one service
 * rendered and committed every row again (~20 ms per edit at 1,000).
 */
export const NotesStrip = memo(function NotesStrip({
  exists,
  notes,
  target,
}: {
  exists: ElementExists;
  notes: readonly Diagnostic[];
  target: string;
}) {
  const focus = useFocusElement();
  const [all, setAll] = useState<string | undefined>(undefined);
  if (notes.length === 0) return null;
  const shown = all === target || notes.length <= NOTES_SHOWN ? notes : notes.slice(0, NOTES_SHOWN);
  return (
    <>
      <ul className="notes" aria-label={`Fidelity notes: ${target}`} onKeyDown={onListKeyDown}>
        {shown.map((d) => (
          <NoteRow key={`${d.code}:${d.path.join('.')}:${d.message}`} note={d} id={noteElement(exists, d)} focus={focus} />
        ))}
      </ul>
      {shown.length < notes.length && (
        <button type="button" className="notes-more" onClick={() => setAll(target)}>
          Show all {notes.length} notes ({notes.length - shown.length} more)
        </button>
      )}
    </>
  );
});

/**
 * A note's tooltip: its whole message (the strip shows one line of it, app's panels.css; the full
 * text stays the button's accessible name and shows whole while the note has the keyboard's focus)
 * and its hint.
 */
export const noteTitle = (d: Diagnostic) => (d.hint ? `${d.message}\n${d.hint}` : d.message);

const NoteRow = memo(function NoteRow({ note: d, id, focus }: { note: Diagnostic; id: string | undefined; focus: (id: string) => void }) {
  return (
    <li>
      <button
        type="button"
        data-list-item=""
        className={`note note-${d.severity}`}
        aria-disabled={id ? undefined : true}
        title={noteTitle(d)}
        onClick={() => id && focus(id)}
      >
        <span className="note-code">{d.code === 'FIDELITY_LOST' ? 'lost' : 'approx.'}</span>
        {id && <span className="note-element">{elementLabel(id)}</span>}
        <span className="note-message">{d.message}</span>
      </button>
    </li>
  );
});
