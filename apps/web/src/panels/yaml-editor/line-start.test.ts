import { describe, expect, it } from 'vitest';
import { knowLineStarts, primeLineStart, type RenderedLineLike, type ViewLineLike } from './line-start';

/** A rendered line as Monaco 0.54 makes it: an offset cache of -1 for columns 0..length when left-to-right. */
function rendered(text: string, opts: { ltr?: boolean; foreign?: number } = {}): RenderedLineLike {
  const ltr = opts.ltr ?? true;
  return {
    input: { isLTR: ltr },
    _containsForeignElements: opts.foreign ?? 0,
    _characterMapping: { length: text.length },
    _pixelOffsetCache: ltr ? new Float32Array(Math.max(2, text.length + 1)).fill(-1) : null,
  };
}

describe('primeLineStart', () => {
  it('knows column 1 of a plain left-to-right line is at 0', () => {
    const r = rendered('  image: nginx:1.27');
    expect(primeLineStart(r)).toBe(true);
    expect(r._pixelOffsetCache?.[1]).toBe(0);
    // The other columns are still read from the page.
    expect(r._pixelOffsetCache?.[2]).toBe(-1);
  });

  it('leaves an offset already read alone', () => {
    const r = rendered('abc');
    if (r._pixelOffsetCache) r._pixelOffsetCache[1] = 3.5;
    primeLineStart(r);
    expect(r._pixelOffsetCache?.[1]).toBe(3.5);
  });

  it('does not guess where something is drawn before the text, for right-to-left lines, or without a cache', () => {
    for (const foreign of [1, 2, 3]) {
      const r = rendered('abc', { foreign });
      expect(primeLineStart(r)).toBe(false);
      expect(r._pixelOffsetCache?.[1]).toBe(-1);
    }
    expect(primeLineStart(rendered('abc', { ltr: false }))).toBe(false);
    // Monaco's fast monospace line has neither field.
    expect(primeLineStart({ input: { isLTR: true } })).toBe(false);
    expect(primeLineStart(null)).toBe(false);
    // An empty line: Monaco answers 0 itself.
    expect(primeLineStart(rendered(''))).toBe(false);
  });
});

describe('knowLineStarts', () => {
  function viewLine(r: RenderedLineLike | null) {
    const reads: number[][] = [];
    class Line implements ViewLineLike {
      _renderedViewLine = r;
      getVisibleRangesForRange(lineNumber: number, startColumn: number, endColumn: number, _context: unknown) {
        reads.push([lineNumber, startColumn, endColumn]);
        // Monaco reads the page only when the cache has no offset.
        const cached = r?._pixelOffsetCache?.[startColumn];
        return cached !== undefined && cached !== -1 ? { cached } : { read: true };
      }
    }
    return { Line, reads };
  }

  it('answers column 1 from the primed cache and passes every call on', () => {
    const r = rendered('services:');
    const { Line, reads } = viewLine(r);
    knowLineStarts(Line.prototype);
    knowLineStarts(Line.prototype); // once only
    const line = new Line();
    expect(line.getVisibleRangesForRange(7, 1, 1, undefined)).toEqual({ cached: 0 });
    expect(line.getVisibleRangesForRange(7, 3, 3, undefined)).toEqual({ read: true });
    expect(line.getVisibleRangesForRange(7, 1, 4, undefined)).toEqual({ cached: 0 });
    expect(reads).toEqual([
      [7, 1, 1],
      [7, 3, 3],
      [7, 1, 4],
    ]);
  });

  it('does not prime for a range that starts at column 1 but is wider (Monaco reads both ends there)', () => {
    const r = rendered('abc');
    const { Line } = viewLine(r);
    knowLineStarts(Line.prototype);
    new Line().getVisibleRangesForRange(1, 1, 3, undefined);
    expect(r._pixelOffsetCache?.[1]).toBe(-1);
  });
});
