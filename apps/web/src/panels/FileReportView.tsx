import { useApp } from '../store/useApp';

/** The report of the last file opened, until dismissed. */
export function FileReportView() {
  const report = useApp((s) => s.report);
  const setReport = useApp((s) => s.setReport);
  if (!report) return null;
  return (
    <div className={report.ok ? 'file-report' : 'file-report is-failed'} role="status">
      <div className="file-report-head">
        <strong>{report.title}</strong>
        {report.diagnostics.length > 0 && (
          <span className="muted">
            {report.diagnostics.length} {report.diagnostics.length === 1 ? 'note' : 'notes'}
          </span>
        )}
        <button type="button" className="link-button" onClick={() => setReport(undefined)} aria-label="Dismiss the file report">
          dismiss
        </button>
      </div>
      <ul className="file-report-list">
        {report.diagnostics.map((d) => (
          <li key={`${d.code}:${d.path.join('.')}:${d.message}`}>
            <span className={`severity-dot severity-${d.severity}`} aria-hidden="true" />
            <span className="problem-code">{d.code}</span> {d.source ? `line ${d.source.line}: ` : ''}
            {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
