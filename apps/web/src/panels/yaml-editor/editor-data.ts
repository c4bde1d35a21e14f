import type { Diagnostic } from '@blaupause/model';
import { highlightedLines } from '../yaml-lines';

interface Range {
  elementId: string;
  startLine: number;
  endLine: number;
}

/** Consecutive 1-based lines [start, end] that the selected elements produced: one decoration each. */
export function markedRanges(ranges: readonly Range[], selection: readonly string[]): Array<[number, number]> {
  const lines = [...highlightedLines(ranges, selection)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && last[1] === l - 1) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

/** Whether two lists of [start, end] line ranges are equal. */
export function sameLineRanges(a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>): boolean {
  return a.length === b.length && a.every(([s, e], i) => s === b[i]?.[0] && e === b[i]?.[1]);
}

/** Monaco's MarkerSeverity values (kept here so this module needs no Monaco to be tested). */
const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * loadBlueprint's diagnostics as editor markers. A diagnostic without a source position (a check of
 * the whole document) is put on the first line; one without an end runs to the end of its line.
 */
export function diagnosticMarkers(diagnostics: readonly Diagnostic[], lineLength: (line: number) => number): MarkerData[] {
  return diagnostics.map((d) => {
    const line = d.source?.line ?? 1;
    const col = d.source?.col ?? 1;
    const endLine = d.source?.endLine ?? line;
    const endCol = d.source?.endCol ?? Math.max(col + 1, lineLength(endLine) + 1);
    return {
      severity: SEVERITY[d.severity],
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
      code: d.code,
      startLineNumber: line,
      startColumn: col,
      endLineNumber: endLine,
      endColumn: endLine === line && endCol <= col ? col + 1 : endCol,
    };
  });
}
