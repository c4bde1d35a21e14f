import type { SourceRange } from './source-tag';

/**
 * Output written earlier and kept: the text of a group of mapping entries at one depth, or of a
 * run of documents, with its source ranges numbered from line 1 of `text`. The writer copies it
 * in as it is and shifts the ranges, so a part of the output that did not change is not written
 * again (the incremental compiler keeps one per service). `lines` is the number of lines in
 * `text`; an empty rendering (no entry, no document) has lines 0 and writes nothing.
 */
export class Rendered {
  /**
   * The ranges as last copied in (Output.pushRendered), with the line offset they were shifted by:
   * a kept service written at the same line as in the last compile hands out the same range
   * objects, so the two source maps compare by identity and no range is made again.
   */
  shifted: { offset: number; ranges: readonly SourceRange[] } | undefined = undefined;

  constructor(
    readonly text: string,
    readonly lines: number,
    readonly ranges: readonly SourceRange[],
  ) {}
}
