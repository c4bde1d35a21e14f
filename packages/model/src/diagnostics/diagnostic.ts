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

/** Stable order: by path (segment by segment, indexes numerically, parents first), then code. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(compareDiagnostics);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const c = compareSegment(a.path[i] as string | number, b.path[i] as string | number);
    if (c !== 0) return c;
  }
  if (a.path.length !== b.path.length) return a.path.length - b.path.length;
  return compareText(a.code, b.code) || compareText(a.target ?? '', b.target ?? '') || compareText(a.message, b.message);
}

function compareSegment(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareText(a, b);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A result that carries diagnostics either way; value is absent when an error prevented it. */
export type Result<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };
