import type { Diagnostic } from '@blaupause/model';
import { useApp } from '../store/useApp';

const WORDS = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'] } as const;

/**
 * The report's count by severity, e.g. "1 error" or "2 warnings · 1 note": a file that could not be
 * opened because of a syntax error does not say "1 note".
 */
export function reportSummary(diagnostics: readonly Pick<Diagnostic, 'severity'>[]): string {
  return (['error', 'warning', 'info'] as const)
    .map((sev) => {
      const n = diagnostics.filter((d) => d.severity === sev).length;
      return n === 0 ? '' : `${n} ${WORDS[sev][n === 1 ? 0 : 1]}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** The report of the last file opened, until dismissed. */
export function FileReportView() {
  const report = useApp((s) => s.report);
  const setReport = useApp((s) => s.setReport);
  if (!report) return null;
  return (
    <div className={report.ok ? 'file-report' : 'file-report is-failed'} role="status">
      <div className="file-report-head">
        <strong>{report.title}</strong>
        {report.diagnostics.length > 0 && <span className="muted">{reportSummary(report.diagnostics)}</span>}
        <button type="button" className="link-button" onClick={() => setReport(undefined)} aria-label="Dismiss the file report">
          dismiss
        </button>
      </div>
      <ul className="file-report-list">
        {report.diagnostics.map((d) => (
          <li key={`${d.code}:${d.path.join('.')}:${d.message}`}>
            <span className={`severity-dot severity-${d.severity}`} aria-hidden="true" />
            <span className="sr-only">{d.severity === 'info' ? 'note' : d.severity}</span>
            <span className="problem-code">{d.code}</span> {d.source ? `line ${d.source.line}: ` : ''}
            {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
