import { type Diagnostic, elementKind } from '@blaupause/model';
import { useAnalysis } from '../analysis/useAnalysis';
import { useFocusElement } from '../canvas/useFocusElement';
import { elementExists } from '../store/selection';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { FileReportView } from './FileReportView';
import { canvasElement } from './yaml-lines';

/** Diagnostics of validate(); clicking one selects the element it concerns and brings it into view. */
export function ProblemsPanel() {
  const { problems } = useAnalysis();
  const bp = useApp(selectBlueprint);
  const focus = useFocusElement();
  const errors = problems.filter((d) => d.severity === 'error').length;
  const warnings = problems.filter((d) => d.severity === 'warning').length;
  const target = (d: Diagnostic) => {
    const id = d.elementId && elementKind(d.elementId) !== 'blueprint' ? canvasElement(d.elementId) : undefined;
    return id && elementExists(bp, id) ? id : undefined;
  };
  return (
    <section className="problems" aria-label="Problems">
      <h2 className="panel-title">
        Problems{' '}
        <span className={errors ? 'count count-error' : 'count'}>
          {errors} {errors === 1 ? 'error' : 'errors'}
        </span>{' '}
        <span className={warnings ? 'count count-warning' : 'count'}>
          {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
      </h2>
      <FileReportView />
      {problems.length === 0 ? (
        <p className="muted empty">No problems. The blueprint compiles to every target.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((d) => {
            const id = target(d);
            return (
              <li key={`${d.code}:${d.path.join('.')}:${d.message}`}>
                <button type="button" className={`problem severity-${d.severity}`} disabled={!id} onClick={() => id && focus(id)}>
                  <span className={`severity-dot severity-${d.severity}`} aria-hidden="true" />
                  <span className="sr-only">{d.severity}</span>
                  <span className="problem-code">{d.code}</span>
                  <span className="problem-message">{d.message}</span>
                  {d.hint && <span className="problem-hint">{d.hint}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
