import { type Diagnostic, elementKind } from '@blaupause/model';
import { memo } from 'react';
import type { Analysis } from '../analysis/analyze';
import { useAnalysisPart } from '../analysis/useAnalysis';
import { useFocusElement } from '../canvas/useFocusElement';
import { useElementExists } from '../store/element-set';
import { useApp } from '../store/useApp';
import { FileReportView } from './FileReportView';
import { onListKeyDown } from './list-keys';
import { canvasElement } from './yaml-lines';

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
const key = (d: Diagnostic) => `${d.code}:${d.path.join('.')}:${d.source?.line ?? ''}:${d.message}`;
const selectProblems = (a: Analysis) => a.problems;

/**
 * The blueprint's diagnostics (validate()); clicking one selects the element it concerns and brings
 * it into view. Above them, while the Blueprint YAML tab holds text that could not be applied, why
 * not: clicking one of those shows its line in the editor. Arrow keys move through the list.
 */
export function ProblemsPanel() {
  // The problems only: an analysis that changed the compiled texts alone (most edits) does not render the panel.
  const problems = useAnalysisPart(selectProblems);
  const draft = useApp((s) => s.draftProblems);
  const revealDraft = useApp((s) => s.revealDraft);
  // Whether a problem's element exists, not the document: an edit of an image does not render the panel.
  const exists = useElementExists();
  const focus = useFocusElement();
  const errors = problems.filter((d) => d.severity === 'error').length;
  const warnings = problems.filter((d) => d.severity === 'warning').length;
  const target = (d: Diagnostic) => {
    const id = d.elementId && elementKind(d.elementId) !== 'blueprint' ? canvasElement(d.elementId) : undefined;
    return id && exists(id) ? id : undefined;
  };
  return (
    <section className="problems" id="problems" aria-label="Problems">
      <h2 className="panel-title">
        Problems <span className={errors ? 'count count-error' : 'count'}>{plural(errors, 'error')}</span>{' '}
        <span className={warnings ? 'count count-warning' : 'count'}>{plural(warnings, 'warning')}</span>
        {draft.length > 0 && (
          <span className="count count-error" title="The Blueprint YAML tab holds text that was not applied">
            {plural(draft.length, 'YAML draft problem')}
          </span>
        )}
      </h2>
      <FileReportView />
      {draft.length > 0 && (
        <>
          <h3 className="problems-group">Blueprint YAML — not applied; the canvas shows the last valid version</h3>
          <ul className="problem-list" aria-label="YAML draft problems" onKeyDown={onListKeyDown}>
            {draft.map((d) => {
              const line = d.source?.line ?? 1;
              return (
                <li key={key(d)}>
                  <button
                    type="button"
                    data-list-item=""
                    className={`problem severity-${d.severity}`}
                    onClick={() => revealDraft(line, d.source?.col ?? 1)}
                    aria-label={`${d.severity} on line ${line} of the Blueprint YAML: ${d.message}`}
                  >
                    <span className={`severity-dot severity-${d.severity}`} aria-hidden="true" />
                    <span className="problem-code">line {line}</span>
                    <span className="problem-message">{d.message}</span>
                    {d.hint && <span className="problem-hint">{d.hint}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {problems.length === 0 ? (
        <p className="muted empty">
          {draft.length > 0 ? 'No problems in the blueprint as applied.' : 'No problems. The blueprint compiles to every target.'}
        </p>
      ) : (
        <ul className="problem-list" aria-label="Blueprint problems" onKeyDown={onListKeyDown}>
          {problems.map((d) => (
            <ProblemRow key={key(d)} problem={d} id={target(d)} focus={focus} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One problem; memoised: an edit renders the panel again (its document changed) but the rows of
 * unchanged problems whose element still exists are the same (hundreds at 1,000 services).
 */
const ProblemRow = memo(function ProblemRow({
  problem: d,
  id,
  focus,
}: {
  problem: Diagnostic;
  id: string | undefined;
  focus: (id: string) => void;
}) {
  return (
    <li>
      <button
        type="button"
        data-list-item=""
        className={`problem severity-${d.severity}`}
        aria-disabled={id ? undefined : true}
        onClick={() => id && focus(id)}
      >
        <span className={`severity-dot severity-${d.severity}`} aria-hidden="true" />
        <span className="sr-only">{d.severity}</span>
        <span className="problem-code">{d.code}</span>
        <span className="problem-message">{d.message}</span>
        {d.hint && <span className="problem-hint">{d.hint}</span>}
      </button>
    </li>
  );
});
