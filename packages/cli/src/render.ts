import type { Path, Severity } from '@blaupause/model';
import type { Reported } from './report';

/**
 * Text output for people: `file:line:col: severity CODE: message`, a `  hint:` line under it,
 * sorted by position, and a summary line. The same shape compilers use, so editors and
 * terminals can jump to the position.
 */

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Order: files as the user named them, positioned diagnostics by line and column, then the rest. */
export function sortReported(ds: readonly Reported[], files: readonly string[]): Reported[] {
  const fileRank = (d: Reported) => {
    const i = files.indexOf(d.file);
    return i < 0 ? files.length : i;
  };
  const key = (d: Reported): (number | string)[] => [
    fileRank(d),
    d.source ? 0 : 1,
    d.source?.line ?? 0,
    d.source?.col ?? 0,
    SEVERITY_RANK[d.severity],
    pathText(d.path),
    d.code,
    d.message,
  ];
  return [...ds].sort((a, b) => compareKeys(key(a), key(b)));
}

function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** services.web.ports[0].publish */
export function pathText(path: Path): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

// File content reaches messages (key names, values): never let it drive the terminal.
// A newline would also break the one-line-per-diagnostic format that editors parse.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export const sanitize = (s: string): string => s.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  severity(sev: Severity, s: string): string;
}

const plain: Paint = { bold: (s) => s, dim: (s) => s, severity: (_, s) => s };
const ansi: Paint = {
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
  severity: (sev, s) => `\u001b[${sev === 'error' ? '31' : sev === 'warning' ? '33' : '36'}m\u001b[1m${s}\u001b[22m\u001b[39m`,
};

export function formatDiagnostic(d: Reported, color: boolean): string {
  const p = color ? ansi : plain;
  const where = d.source ? `${d.file}:${d.source.line}:${d.source.col}` : d.file;
  // Without a position, the document path is the only way to find the place.
  const at = !d.source && d.path.length ? ` (at ${pathText(d.path)})` : '';
  const head = `${p.bold(sanitize(where))}: ${p.severity(d.severity, d.severity)} ${p.dim(d.code)}: ${sanitize(d.message)}${sanitize(at)}`;
  return d.hint ? `${head}\n  ${p.dim('hint:')} ${sanitize(d.hint)}` : head;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning" (+ ", 3 info" when there are notes; + " in 2 files" for several files). */
export function summary(ds: readonly Reported[], fileCount: number): string {
  const count = (s: Severity) => ds.filter((d) => d.severity === s).length;
  const info = count('info');
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), ...(info ? [`${info} info`] : [])];
  return `${parts.join(', ')}${fileCount > 1 ? ` in ${fileCount} files` : ''}`;
}

/** All diagnostics, sorted, then the summary line; empty list → only the summary. */
export function formatReport(ds: readonly Reported[], files: readonly string[], color: boolean): string {
  const lines = sortReported(ds, files).map((d) => formatDiagnostic(d, color));
  lines.push(summary(ds, files.length));
  return `${lines.join('\n')}\n`;
}
