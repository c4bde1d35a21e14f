import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { diagnosticMarkers, markedRanges, sameLineRanges } from './editor-data';

describe('YAML editor data', () => {
  it('merges the selected lines into consecutive ranges', () => {
    const ranges = [
      { elementId: 'service:web', startLine: 2, endLine: 4 },
      { elementId: 'container:web/nginx', startLine: 5, endLine: 6 },
      { elementId: 'service:db', startLine: 7, endLine: 9 },
      { elementId: 'link:web->db', startLine: 12, endLine: 12 },
    ];
    expect(markedRanges(ranges, ['service:web'])).toEqual([[2, 6]]);
    expect(markedRanges(ranges, ['service:web', 'link:web->db'])).toEqual([
      [2, 6],
      [12, 12],
    ]);
    expect(markedRanges(ranges, [])).toEqual([]);
    // A container's lines belong to its service's node (the selection holds canvas ids).
    expect(markedRanges(ranges, ['container:web/nginx'])).toEqual([]);
    expect(markedRanges(ranges, ['service:we'])).toEqual([]);
  });

  it('compares line ranges by value', () => {
    expect(sameLineRanges([[2, 6]], [[2, 6]])).toBe(true);
    expect(sameLineRanges([], [])).toBe(true);
    expect(sameLineRanges([[2, 6]], [[2, 7]])).toBe(false);
    expect(sameLineRanges([[2, 6]], [])).toBe(false);
    expect(sameLineRanges([], [[1, 1]])).toBe(false);
  });

  it("turns loadBlueprint's diagnostics into markers at their source lines", () => {
    const text = 'apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: x\nservices:\n  web:\n    replicas: many\n';
    const r = loadBlueprint(text);
    expect(r.ok).toBe(false);
    const lines = text.split('\n');
    const markers = diagnosticMarkers(r.diagnostics, (l) => lines[l - 1]?.length ?? 0);
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.some((m) => m.severity === 8 && m.startLineNumber >= 6)).toBe(true);
    for (const m of markers) expect(m.endColumn).toBeGreaterThan(m.endLineNumber === m.startLineNumber ? m.startColumn : 0);
  });

  it('puts a diagnostic without a position on the first line', () => {
    const [m] = diagnosticMarkers([{ code: 'SCHEMA_INVALID' as never, severity: 'warning', path: [], message: 'm' }], () => 10);
    expect(m).toMatchObject({ severity: 4, startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 11 });
  });
});
