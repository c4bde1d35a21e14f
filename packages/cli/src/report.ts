import type { Diagnostic, DiagnosticCode, Severity } from '@blaupause/model';

/**
 * Diagnostics as the CLI reports them: the model's diagnostics plus the file the user named.
 * Two codes are the CLI's own, for what only a command line meets (see README):
 * FILE_UNREADABLE (missing file, a directory, no permission) and ENV_FILE_SYNTAX (--env-file).
 */
export type CliCode = 'FILE_UNREADABLE' | 'ENV_FILE_SYNTAX';
export type Reported = Omit<Diagnostic, 'code'> & { code: DiagnosticCode | CliCode; file: string };

export function reported(file: string, ds: readonly (Diagnostic | Omit<Reported, 'file'>)[]): Reported[] {
  return ds.map((d) => ({ ...d, file }));
}

export function fileProblem(file: string, code: Reported['code'], message: string, hint?: string): Reported {
  return { code, severity: 'error', path: [], message, file, ...(hint ? { hint } : {}) };
}

export const isError = (d: { severity: Severity }) => d.severity === 'error';
