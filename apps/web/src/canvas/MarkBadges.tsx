import type { Severity } from '@blaupause/model';

interface Props {
  severity: Severity | undefined;
  problems: readonly string[];
  notes: readonly string[];
}

/** Corner badges: problems (worst severity) and fidelity notes, with the messages as tooltip. */
export function MarkBadges({ severity, problems, notes }: Props) {
  if (problems.length === 0 && notes.length === 0) return null;
  return (
    <div className="mark-badges">
      {problems.length > 0 && (
        <span className={`mark mark-${severity ?? 'info'}`} title={problems.join('\n')}>
          {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
        </span>
      )}
      {notes.length > 0 && (
        <span className="mark mark-note" title={notes.join('\n')}>
          {notes.length} {notes.length === 1 ? 'note' : 'notes'}
        </span>
      )}
    </div>
  );
}
