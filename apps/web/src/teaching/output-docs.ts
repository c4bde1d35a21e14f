import type { SourceRange } from '@blaupause/compiler';
import { readYaml } from '@blaupause/model';

/** One YAML document of a compiled file, with the file lines it spans (1-based, inclusive). */
export interface OutputDoc {
  value: Record<string, unknown>;
  startLine: number;
  endLine: number;
  /** File line of the key (or item) at `path` inside this document; the document's first line if unknown. */
  lineOf(path: readonly (string | number)[]): number;
}

/**
 * The documents of a compiled file. The compiler's writer separates documents with a line `---`,
 * so each chunk is read on its own and its line numbers are shifted to the file's.
 */
export function outputDocuments(text: string): OutputDoc[] {
  const lines = text.split('\n');
  const docs: OutputDoc[] = [];
  let start = 0;
  const flush = (end: number) => {
    const chunk = lines.slice(start, end).join('\n');
    const offset = start;
    const first = start + 1;
    start = end + 1;
    if (chunk.trim() === '') return;
    const read = readYaml(chunk);
    if (!read.ok || !isRecord(read.value.value)) return;
    const source = read.value;
    let last = end;
    while (last > offset && (lines[last - 1] ?? '').trim() === '') last--;
    docs.push({
      value: source.value as Record<string, unknown>,
      startLine: first,
      endLine: last,
      lineOf: (path) => {
        const pos = source.positionOf([...path]);
        return pos ? pos.line + offset : first;
      },
    });
  };
  for (let i = 0; i < lines.length; i++) if (lines[i] === '---') flush(i);
  flush(lines.length);
  return docs;
}

/** Element ids whose source ranges touch lines [from, to]. */
export function elementsIn(ranges: readonly SourceRange[], from: number, to: number): string[] {
  const ids = new Set<string>();
  for (const r of ranges) if (r.startLine <= to && r.endLine >= from) ids.add(r.elementId);
  return [...ids];
}

/** The element of the innermost (shortest) range holding `line`, optionally only ids with one of `prefixes`. */
export function innermostAt(ranges: readonly SourceRange[], line: number, prefixes?: readonly string[]): SourceRange | undefined {
  let best: SourceRange | undefined;
  for (const r of ranges) {
    if (r.startLine > line || r.endLine < line) continue;
    if (prefixes && !prefixes.some((p) => r.elementId.startsWith(p))) continue;
    if (!best || r.endLine - r.startLine < best.endLine - best.startLine) best = r;
  }
  return best;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function record(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(record(v))) {
    const s = str(x);
    if (s !== undefined) out[k] = s;
  }
  return out;
}
