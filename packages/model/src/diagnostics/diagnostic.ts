import type { DiagnosticCode } from './codes';

export type Severity = 'error' | 'warning' | 'info';
export type Target = 'compose' | 'swarm' | 'kubernetes';
export type Path = readonly (string | number)[];

/** A position in a source text: 1-based line and column. */
export interface SourcePosition {
  file?: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
}

/** Errors are data: what went wrong, where (path, element, source position), and how to fix it. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Path inside the document, e.g. ['services', 'web', 'containers', 'nginx', 'image']. */
  path: Path;
  /** The canvas element concerned (see ids.ts), when there is one. */
  elementId?: string;
  message: string;
  hint?: string;
  /** Set on fidelity notes: the target whose output this concerns. */
  target?: Target;
  source?: SourcePosition;
}

export function diag(
  code: DiagnosticCode,
  severity: Severity,
  path: Path,
  message: string,
  extra: Partial<Pick<Diagnostic, 'elementId' | 'hint' | 'target' | 'source'>> = {},
): Diagnostic {
  return { code, severity, path: [...path], message, ...extra };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Stable order: by path, then code. Used wherever diagnostics are shown or compared. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.path.join('\u0000')}\u0001${d.code}\u0001${d.target ?? ''}\u0001${d.message}`;
  return [...ds].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A result that carries diagnostics either way; value is absent when an error prevented it. */
export type Result<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };
