import type { Severity, Target } from '@blaupause/model';
import { memo } from 'react';
import { type NoteView, notesText } from '../flow/marks';

interface Props {
  severity: Severity | undefined;
  problems: readonly string[];
  notes: readonly NoteView[];
}

const SHORT: Record<Target, string> = { compose: 'Compose', swarm: 'Swarm', kubernetes: 'K8s' };

/**
 * Corner badges: problems (worst severity) and fidelity notes (what a target cannot express, and
 * which targets), with the messages as tooltip and accessible name, grouped by target.
 */
export const MarkBadges = memo(function MarkBadges({ severity, problems, notes }: Props) {
  if (problems.length === 0 && notes.length === 0) return null;
  const problemText = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  return (
    <div className="mark-badges">
      {problems.length > 0 && (
        <span
          className={`mark mark-${severity ?? 'info'}`}
          role="note"
          aria-label={`${problemText}: ${problems.join('; ')}`}
          title={problems.join('\n')}
        >
          {problemText}
        </span>
      )}
      <NotesMark notes={notes} />
    </div>
  );
});

/**
 * The fidelity-note badge alone: "2 notes · Swarm, K8s", the notes grouped by target as tooltip and
 * name. Where room is short (a link's label in a tight gap, styles/canvas.css) it shows the count
 * alone; `hidden`: out of sight, for screen readers only (a link's badge has the words as tooltip).
 */
export function NotesMark({ notes, hidden = false }: { notes: readonly NoteView[]; hidden?: boolean }) {
  if (notes.length === 0) return null;
  const noun = notes.length === 1 ? 'note' : 'notes';
  const targets = (['compose', 'swarm', 'kubernetes'] as const).filter((t) => notes.some((n) => n.target === t));
  const grouped = notesText(notes);
  return (
    <span
      className={`mark mark-note${notes.some((n) => n.lost) ? ' is-lost' : ''}${hidden ? ' sr-only' : ''}`}
      role="note"
      aria-label={`${notes.length} fidelity ${noun}. ${grouped.replace(/\n/g, ' ')}`}
      title={grouped}
    >
      {notes.length}
      <span className="mark-noun"> {noun}</span>
      <span className="mark-targets"> · {targets.map((t) => SHORT[t]).join(', ')}</span>
    </span>
  );
}
