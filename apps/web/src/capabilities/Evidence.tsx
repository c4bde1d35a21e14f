import type { CapabilityCell, Column } from '@blaupause/compiler';

/** The compiler's fidelity notes behind a cell (or where the Docker column's facts come from). */
export function Evidence({ cell, column }: { cell: CapabilityCell; column: Column }) {
  if (column === 'docker')
    return (
      <p className="cap-source muted">
        Source: the Docker driver and orchestrator documentation (packages/engine); the compiler writes no notes for it.
      </p>
    );
  if (!cell.evidence.length) return <p className="cap-source muted">The compiler notes no difference here for this blueprint.</p>;
  return (
    <>
      <h5 className="cap-evidence-title">Evidence: the compiler’s notes</h5>
      <ul className="cap-evidence">
        {cell.evidence.map((d) => (
          <li key={`${d.code} ${d.path.join('.')} ${d.message}`} className={d.code === 'FIDELITY_LOST' ? 'is-lost' : 'is-approx'}>
            <span className="cap-note-kind">{d.code === 'FIDELITY_LOST' ? 'lost' : 'approximated'}</span>{' '}
            <code className="cap-note-path">{d.path.join('.')}</code>
            <span className="cap-note-message">{d.message}</span>
            {d.hint ? <span className="cap-note-hint muted">{d.hint}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
