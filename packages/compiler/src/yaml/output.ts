import type { Rendered } from './rendered';
import { scalarRest } from './scalar';
import type { SourceRange } from './source-tag';
import type { Form } from './template';

const PARTS = 1_024;

/** Rendered text at least this long is kept as a chunk of its own instead of being joined into one. */
const WHOLE_CHUNK = 512;

/**
 * The text being written. Pieces of output go into a reused array, joined into one flat chunk
 * every 1,024 pieces, and the chunks are joined once at the end. Chunks that small (~15 KB) stay
 * in the young generation; chunks of 8,192 pieces (~130 KB) went to large-object space, whose
 * fresh pages cost a fault per 4 KB on first write (the write of Kubernetes' 127k lines took
 * ~15 % longer). Array.prototype.join measures and copies in one pass without allocating anything
 * per piece; appending with += built a rope of cons-strings (two per line) that had to be
 * flattened and collected.
 */
export class Output {
  private readonly chunks: string[] = [];
  private readonly parts: string[] = [];
  private n = 0;
  line = 0;
  readonly ranges: SourceRange[] = [];
  /**
   * Every Rendered piece becomes a chunk of its own, however short (see pieces()): the chunks of
   * two incremental outputs then line up at every kept service, and chunks of joined pieces never
   * straddle one, so a length change in one service does not shift the cuts after it.
   */
  wholeRendered = false;

  /** Writes one line: `head` followed by `rest`, which ends with the line break. */
  push(head: string, rest: string): void {
    const parts = this.parts;
    parts[this.n++] = head;
    parts[this.n++] = rest;
    this.line++;
    if (this.n >= PARTS) this.flush();
  }

  /** Writes one whole line (ending with its line break): one piece, where push('', line) took two. */
  pushLine(line: string): void {
    this.parts[this.n++] = line;
    this.line++;
    if (this.n >= PARTS) this.flush();
  }

  /** Copies in output written earlier (see Rendered), shifting its ranges to where it lands. */
  pushRendered(r: Rendered): void {
    if (r.lines === 0) return;
    const offset = this.line;
    if (this.wholeRendered || r.text.length >= WHOLE_CHUNK) {
      // Large pieces (a service's kept output) become chunks themselves: the final join is then
      // the only copy of their text, as when everything fitted in one chunk.
      if (this.n > 0) this.flush();
      this.chunks.push(r.text);
    } else {
      this.parts[this.n++] = r.text;
      if (this.n >= PARTS) this.flush();
    }
    this.line += r.lines;
    let shifted = r.shifted;
    if (shifted?.offset !== offset) {
      const ranges = r.ranges.map((x) => ({ elementId: x.elementId, startLine: x.startLine + offset, endLine: x.endLine + offset }));
      shifted = r.shifted = { offset, ranges };
    }
    for (const x of shifted.ranges) this.ranges.push(x);
  }

  /** Joins the pending pieces into one chunk; the array is reused, trimmed to what is pending. */
  private flush(): void {
    if (this.parts.length !== this.n) this.parts.length = this.n;
    this.chunks.push(this.parts.join(''));
    this.n = 0;
  }

  /** Writes a form with `values` in its holes: its pieces and the values' renderings, in turn. */
  protected fill(form: Form, values: readonly unknown[]): void {
    const offset = this.line;
    const { pieces } = form;
    for (let i = 0; i < values.length; i++) {
      this.piece(pieces[i] as string);
      this.piece(scalarRest(values[i]));
    }
    this.piece(pieces[values.length] as string);
    this.line += form.lines;
    for (const x of form.ranges) this.ranges.push({ elementId: x.elementId, startLine: x.startLine + offset, endLine: x.endLine + offset });
  }

  private piece(s: string): void {
    this.parts[this.n++] = s;
    if (this.n >= PARTS) this.flush();
  }

  /**
   * The text as the chunks it was written in (text() is their concatenation). A kept service's
   * output (see pushRendered) is its own chunk, the same string from one incremental compile to
   * the next, so two outputs can be compared chunk by chunk without joining either.
   */
  pieces(): string[] {
    if (this.n > 0) this.flush();
    return this.chunks;
  }

  text(): string {
    if (this.n > 0) this.flush();
    return this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
  }
}
