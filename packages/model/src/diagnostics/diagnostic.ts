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

/**
 * sortDiagnostics() of the lists' concatenation, made by merging when every list is sorted already
 * (the compilers' notes are, per target): n comparisons instead of n log n. A list found out of
 * order falls back to the sort.
 */
export function mergeSortedDiagnostics(lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  for (const list of lists)
    for (let i = 1; i < list.length; i++)
      if (compareDiagnostics(list[i - 1] as Diagnostic, list[i] as Diagnostic) > 0) return sortDiagnostics(lists.flat());
  let out: Diagnostic[] = [];
  for (const list of lists) out = mergeTwo(out, list);
  return out;
}

/** Merges two sorted lists; on ties `a`'s item first, as the stable sort of a's items followed by b's. */
function mergeTwo(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: Diagnostic[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = compareDiagnostics(b[j] as Diagnostic, a[i] as Diagnostic) < 0 ? (b[j++] as Diagnostic) : (a[i++] as Diagnostic);
  while (i < a.length) out[k++] = a[i++] as Diagnostic;
  while (j < b.length) out[k++] = b[j++] as Diagnostic;
  return out;
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
