import type { Diagnostic, DiagnosticCode, Severity } from '@blaupause/model';

/**
 * Diagnostics as the CLI reports them: the model's diagnostics plus the file the user named.
 * FILE_UNREADABLE and ENV_FILE_SYNTAX are met only on a command line, but live in the one list of codes.
 */
export type Reported = Omit<Diagnostic, 'code'> & { code: DiagnosticCode; file: string };

export function reported(file: string, ds: readonly (Diagnostic | Omit<Reported, 'file'>)[]): Reported[] {
  return ds.map((d) => ({ ...d, file }));
}

export function fileProblem(file: string, code: Reported['code'], message: string, hint?: string): Reported {
  return { code, severity: 'error', path: [], message, file, ...(hint ? { hint } : {}) };
}

export const isError = (d: { severity: Severity }) => d.severity === 'error';
