import { BAIL } from './block-scalars';

/** Characters a plain scalar may not start with here (YAML indicators; "-" only before a space). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of '?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

/**
 * The line layer of the block reader: content lines and their indent, what may end a line,
 * plain scalars' extent. Throws `BAIL` where the text leaves the subset.
 */
export class BlockLines {
  /** Cursor: the content start of the current line, then wherever a line is being read. */
  protected p = 0;
  /** Indent of the current content line; -1 at the end of the text. */
  protected ind = -1;
  protected lineStart = 0;
  /** Set by plainEnd: the scalar stopped at ": " (a key). */
  protected colon = false;

  constructor(protected readonly t: string) {}

  /** Moves to the next line with content, from the line starting at `from` (blank and comment lines skipped). */
  protected toContent(from: number, documentStart = false): void {
    const t = this.t;
    const n = t.length;
    let i = from;
    while (i < n) {
      let j = i;
      while (t.charCodeAt(j) === 32) j++;
      const c = t.charCodeAt(j);
      if (c === 10) {
        i = j + 1;
        continue;
      }
      if (j >= n) break;
      if (c === 35) {
        const nl = t.indexOf('\n', j);
        if (nl < 0) break;
        i = nl + 1;
        continue;
      }
      if (j === i && (c === 37 || ((c === 45 || c === 46) && this.isMarker(j)))) {
        // "---" may open the text (alone on its line); other markers and directives: js-yaml's.
        if (!documentStart || c !== 45) throw BAIL;
        documentStart = false;
        this.endLine(j + 3);
        return;
      }
      this.lineStart = i;
      this.p = j;
      this.ind = j - i;
      return;
    }
    this.p = n;
    this.ind = -1;
  }

  protected isMarker(j: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(j);
    if (t.charCodeAt(j + 1) !== c || t.charCodeAt(j + 2) !== c) return false;
    const d = t.charCodeAt(j + 3);
    return d === 32 || d === 10 || j + 3 >= t.length;
  }

  /** After a value ending at `i`: only spaces and a comment may follow on the line. */
  protected endLine(i: number): void {
    const t = this.t;
    const from = i;
    while (t.charCodeAt(i) === 32) i++;
    const c = t.charCodeAt(i);
    if (i >= t.length || c === 10) this.toContent(i + 1);
    else if (c !== 35 || i === from) throw BAIL;
    else {
      const nl = t.indexOf('\n', i);
      this.toContent(nl < 0 ? t.length : nl + 1);
    }
  }

  protected isDash(i: number): boolean {
    const t = this.t;
    if (t.charCodeAt(i) !== 45) return false;
    const c = t.charCodeAt(i + 1);
    return c === 32 || c === 10 || i + 1 >= t.length;
  }

  protected plainStart(i: number): boolean {
    const c = this.t.charCodeAt(i);
    if (c === 45) return !this.isDash(i);
    return c >= 128 || NOT_PLAIN_START[c] === 0;
  }

  /** End of the plain scalar at `i` (trailing spaces left out); sets `colon` when ": " ended it. */
  protected plainEnd(i: number): number {
    const t = this.t;
    const n = t.length;
    let end = i;
    for (let j = i; j < n; j++) {
      const c = t.charCodeAt(j);
      if (c === 10) break;
      if (c === 32) {
        if (t.charCodeAt(j + 1) === 35) break;
        continue;
      }
      if (c === 58) {
        const d = t.charCodeAt(j + 1);
        if (d === 32 || d === 10 || j + 1 >= n) {
          this.colon = true;
          return j;
        }
      }
      end = j + 1;
    }
    this.colon = false;
    return end;
  }
}
