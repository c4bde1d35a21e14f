/**
 * Monaco's indent guides (browser/viewParts/indentGuides, monaco-editor 0.54) ask, in every render
 * of the view, for the pixel offset of column 1 of each shown line, and place the guides from it.
 * On Linux (and in Firefox and Safari) Monaco has no monospace shortcut: a line rendered afresh reads
 * that offset from the DOM (RenderedViewLine._readPixelOffset → getClientRects). After an edit of a
 * preview the edited line is rendered afresh, so Monaco's animation frame read the page's layout in
 * the middle of its render, after the worker's reply had changed the page's DOM: a forced style
 * recalculation and layout of the whole page (3–14 ms in traces of a 1,000-service edit), the frame
 * then laying it out again after Monaco's writes.
 *
 * Column 1 of a left-to-right line with nothing drawn before its text (no injected text, no
 * "before" decoration: Monaco's `containsForeignElements` none) starts where the line starts: at
 * offset 0. Monaco already answers 0 without reading for such a line when it is empty;
 * `knowLineStarts` gives the same answer for every such line by filling the rendered line's offset
 * cache for column 1 with 0 before Monaco reads it. Anything else (right-to-left text, injected text
 * before the line, columns past 1, a fast monospace line) goes Monaco's way unchanged. The panel's
 * editors do not wrap lines (wordWrap 'off'), so a view line starts at its model line's column 1.
 */

/** Monaco's RenderedViewLine as far as this reads it (private fields, as monaco-editor 0.54 names them). */
export interface RenderedLineLike {
  input: { isLTR: boolean };
  _containsForeignElements?: number;
  _characterMapping?: { length: number };
  _pixelOffsetCache?: Float32Array | null;
}

/** Monaco's ViewLine (browser/viewParts/viewLines/viewLine.js) as far as this wraps it. */
export interface ViewLineLike {
  _renderedViewLine: RenderedLineLike | null;
  getVisibleRangesForRange(lineNumber: number, startColumn: number, endColumn: number, context: unknown): unknown;
}

/** Fills column 1's cached offset of a rendered line with 0 where it is known to be 0; true when it did. */
export function primeLineStart(r: RenderedLineLike | null): boolean {
  if (!r?.input.isLTR || r._containsForeignElements !== 0) return false;
  const cache = r._pixelOffsetCache;
  // An empty line is Monaco's own shortcut already; a line without a cache is not the class this knows.
  if (!cache || cache.length < 2 || !r._characterMapping || r._characterMapping.length === 0) return false;
  if (cache[1] === -1) cache[1] = 0;
  return true;
}

/** Wraps ViewLine.prototype.getVisibleRangesForRange (once): a read of column 1 alone finds its offset known. */
export function knowLineStarts(proto: ViewLineLike): void {
  const marked = proto as ViewLineLike & { __knowsLineStarts?: true };
  if (marked.__knowsLineStarts) return;
  marked.__knowsLineStarts = true;
  const ranges = proto.getVisibleRangesForRange;
  proto.getVisibleRangesForRange = function (this: ViewLineLike, lineNumber, startColumn, endColumn, context) {
    if (startColumn === 1 && endColumn === 1) primeLineStart(this._renderedViewLine);
    return ranges.call(this, lineNumber, startColumn, endColumn, context);
  };
}
