/**
 * The first edit of a long preview costs the editor about twice a later one (bench:edit: on the stock
 * Monaco page, 1,000 services, 49 ms of main-thread work / 18 ms CPU against 14 / 8): the code
 * that applies an edit, re-tokenises the changed line and renders it again runs for the first time
 * (JIT, first-use caches). A warm-up takes that before the user's first edit: once a long preview
 * model first gets its whole text, WARM_DELAY_MS later a line in view is replaced by itself — the
 * same edit path, text and tokens unchanged, nothing visible (the previews keep no undo stack).
 * On the stock page it took the first edit to 18 ms / 12 ms CPU.
 */

/** After the whole text is written (the page has painted it, the worker's own warm-up runs at 1 s). */
export const WARM_DELAY_MS = 1500;

/** What the warm-up reads and does: a slice of Monaco's ITextModel. */
export interface WarmModel {
  isDisposed(): boolean;
  getLineCount(): number;
  getLineContent(line: number): string;
  getLineMaxColumn(line: number): number;
  applyEdits(
    edits: Array<{ range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }; text: string }>,
  ): unknown;
  onDidChangeContent(listener: (e: { readonly isFlush: boolean }) => void): { dispose(): void };
}

/** The editors showing a model, for the line in view (Monaco's editor.getEditors()). */
export interface WarmEditor {
  getModel(): unknown;
  getVisibleRanges(): Array<{ startLineNumber: number; endLineNumber: number }>;
  /** Focus in the editor: a cursor or selection there could move with the edit, so none is made. */
  hasTextFocus(): boolean;
}

/**
 * Warms a preview model's edit path once: at its first whole-text write (a flush) of more than
 * `minLines` lines, `delay` ms later, if an editor shows it then, the middle line of its view is
 * replaced by its own content. Returns the listener's disposer.
 */
export function warmOnFirstText(
  model: WarmModel,
  editors: () => readonly WarmEditor[],
  minLines: number,
  schedule: (f: () => void, ms: number) => unknown = (f, ms) => setTimeout(f, ms),
  delay = WARM_DELAY_MS,
): { dispose(): void } {
  let done = false;
  const sub = model.onDidChangeContent((e) => {
    if (done || !e.isFlush || model.getLineCount() <= minLines) return;
    done = true;
    sub.dispose();
    schedule(() => warmEdit(model, editors()), delay);
  });
  return sub;
}

/**
 * The identity edit of the middle line an editor shows of `model`; false when none shows it or the
 * user is in it (its cursor or selection is left alone: the warm-up is skipped, not retried).
 */
export function warmEdit(model: WarmModel, editors: readonly WarmEditor[]): boolean {
  if (model.isDisposed()) return false;
  const editor = editors.find((e) => e.getModel() === model);
  if (!editor || editor.hasTextFocus()) return false;
  const view = editor.getVisibleRanges()[0];
  if (!view) return false;
  const line = Math.min(model.getLineCount(), Math.max(1, Math.round((view.startLineNumber + view.endLineNumber) / 2)));
  const text = model.getLineContent(line);
  model.applyEdits([
    { range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: model.getLineMaxColumn(line) }, text },
  ]);
  return true;
}
