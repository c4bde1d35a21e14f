import { describe, expect, it } from 'vitest';
import { type WarmEditor, type WarmModel, warmEdit, warmOnFirstText } from './warm-edit';

/** A text model of lines with Monaco's applyEdits semantics for one-line ranges, and its content listeners. */
function fakeModel(lines: string[]): WarmModel & { lines: string[]; edits: number; flush(): void; text(): string } {
  const listeners: Array<(e: { isFlush: boolean }) => void> = [];
  let disposed = false;
  const m = {
    lines,
    edits: 0,
    isDisposed: () => disposed,
    getLineCount: () => m.lines.length,
    getLineContent: (l: number) => m.lines[l - 1] ?? '',
    getLineMaxColumn: (l: number) => (m.lines[l - 1] ?? '').length + 1,
    applyEdits(edits: Parameters<WarmModel['applyEdits']>[0]) {
      for (const { range: r, text } of edits) {
        expect(r.startLineNumber).toBe(r.endLineNumber);
        const line = m.lines[r.startLineNumber - 1] ?? '';
        m.lines[r.startLineNumber - 1] = line.slice(0, r.startColumn - 1) + text + line.slice(r.endColumn - 1);
        m.edits++;
      }
      for (const f of listeners) f({ isFlush: false });
    },
    onDidChangeContent(f: (e: { isFlush: boolean }) => void) {
      listeners.push(f);
      return { dispose: () => listeners.splice(listeners.indexOf(f), 1) };
    },
    flush: () => {
      for (const f of [...listeners]) f({ isFlush: true });
    },
    text: () => m.lines.join('\n'),
    dispose: () => {
      disposed = true;
    },
  };
  return m;
}

const editorOf = (model: unknown, start: number, end: number, focused = false): WarmEditor => ({
  getModel: () => model,
  getVisibleRanges: () => [{ startLineNumber: start, endLineNumber: end }],
  hasTextFocus: () => focused,
});

describe('warm-up edit of a long preview', () => {
  it('replaces the middle line in view by itself: one real edit, the text unchanged', () => {
    const m = fakeModel(Array.from({ length: 100 }, (_, i) => `  line-${i}: value ${i}`));
    const before = m.text();
    expect(warmEdit(m, [editorOf({}, 1, 5), editorOf(m, 40, 60)])).toBe(true);
    expect(m.edits).toBe(1);
    expect(m.text()).toBe(before);
  });

  it('edits the whole line the editor shows (not an empty range, not another line)', () => {
    const m = fakeModel(['a', 'b', 'ccc', 'd', 'e']);
    const seen: Array<{ line: number; from: number; to: number; text: string }> = [];
    const apply = m.applyEdits.bind(m);
    m.applyEdits = (edits) => {
      for (const e of edits) seen.push({ line: e.range.startLineNumber, from: e.range.startColumn, to: e.range.endColumn, text: e.text });
      return apply(edits);
    };
    warmEdit(m, [editorOf(m, 2, 4)]);
    expect(seen).toEqual([{ line: 3, from: 1, to: 4, text: 'ccc' }]);
  });

  it('does nothing when no editor shows the model, or it is disposed', () => {
    const m = fakeModel(['a', 'b']);
    expect(warmEdit(m, [editorOf({}, 1, 2)])).toBe(false);
    (m as unknown as { dispose(): void }).dispose();
    expect(warmEdit(m, [editorOf(m, 1, 2)])).toBe(false);
    expect(m.edits).toBe(0);
  });

  it('leaves an editor the user is in alone (its cursor could move with the edit)', () => {
    const m = fakeModel(['a', 'b', 'c']);
    expect(warmEdit(m, [editorOf(m, 1, 3, true)])).toBe(false);
    expect(m.edits).toBe(0);
  });

  it('warms once, after the first whole-text write of a long model, delayed', () => {
    const m = fakeModel([]);
    const timers: Array<{ f: () => void; ms: number }> = [];
    warmOnFirstText(
      m,
      () => [editorOf(m, 1, 10)],
      4,
      (f, ms) => timers.push({ f, ms }),
      700,
    );
    m.lines = ['1', '2', '3'];
    m.flush(); // short: not warmed
    m.applyEdits([{ range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 }, text: 'x' }]); // not a flush
    expect(timers).toHaveLength(0);
    m.lines = Array.from({ length: 10 }, (_, i) => `l${i}`);
    m.flush();
    m.flush();
    expect(timers.map((t) => t.ms)).toEqual([700]);
    const edits = m.edits;
    timers[0]?.f();
    expect(m.edits).toBe(edits + 1);
    m.flush();
    expect(timers).toHaveLength(1);
  });
});
