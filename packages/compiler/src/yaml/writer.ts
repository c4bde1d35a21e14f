import {
  cachedHead,
  DASH,
  DASH_LINES,
  DASH_LINES_MAX,
  DASHED_HEADS,
  ensureDepth,
  type Head,
  type Heads,
  INDENT,
  LINES_PER_HEAD,
  makeHead,
  PLAIN_HEADS,
} from './heads';
import { Rendered } from './rendered';
import { flat, literalBlock, scalarRest } from './scalar';
import { type SourceRange, tagOf } from './source-tag';
import { StreamedMapping } from './streamed';

const PARTS = 1_024;
/** Rendered text at least this long is kept as a chunk of its own instead of being joined into one. */
const WHOLE_CHUNK = 512;

/**
 * Pieces of output go into a reused array, joined into one flat chunk every 1,024 pieces, and
 * the chunks are joined once at the end. Chunks that small (~15 KB) stay in the young generation;
 * chunks of 8,192 pieces (~130 KB) went to large-object space, whose fresh pages cost a fault per
 * 4 KB on first write (the write of Kubernetes' 127k lines took ~15 % longer). Array.prototype.join measures and copies in one pass
 * without allocating anything per piece; appending with += built a rope of cons-strings (two per
 * line) that had to be flattened and collected. Mappings are walked with for-in, which V8 serves
 * from the object's enum cache without allocating a key array; emitters build plain objects, so
 * for-in sees exactly their own keys.
 */
export class Writer {
  private readonly chunks: string[] = [];
  private readonly parts: string[] = [];
  private n = 0;
  line = 0;
  readonly ranges: SourceRange[] = [];

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
    if (r.text.length >= WHOLE_CHUNK) {
      // Large pieces (a service's kept output) become chunks themselves: the final join is then
      // the only copy of their text, as when everything fitted in one chunk.
      if (this.n > 0) this.flush();
      this.chunks.push(r.text);
    } else {
      this.parts[this.n++] = r.text;
      if (this.n >= PARTS) this.flush();
    }
    this.line += r.lines;
    for (const x of r.ranges) this.ranges.push({ elementId: x.elementId, startLine: x.startLine + offset, endLine: x.endLine + offset });
  }

  /** Joins the pending pieces into one chunk; the array is reused, trimmed to what is pending. */
  private flush(): void {
    if (this.parts.length !== this.n) this.parts.length = this.n;
    this.chunks.push(this.parts.join(''));
    this.n = 0;
  }

  private range(v: object, start: number): void {
    const id = tagOf(v);
    if (id !== undefined) this.ranges.push({ elementId: id, startLine: start, endLine: this.line });
  }

  /** A document root. */
  root(v: unknown): void {
    if (typeof v !== 'object' || v === null) {
      this.scalarLine('', v, 1);
      return;
    }
    if (v instanceof StreamedMapping) {
      if (!this.streamed(v, 0, undefined)) this.pushLine('{}\n');
      return;
    }
    const start = this.line + 1;
    if (Array.isArray(v)) {
      if (v.length === 0) this.pushLine('[]\n');
      else this.items(v, 0, DASH[0] as string);
    } else if (!this.entries(v as Record<string, unknown>, 0, '', PLAIN_HEADS[0], undefined)) this.pushLine('{}\n');
    this.range(v, start);
  }

  /**
   * Writes a scalar after `head` ("key: ", "- ", or "" at the root); multi-line text becomes a
   * literal block indented at `blockDepth` when that reads back exactly.
   */
  private scalarLine(head: string, v: unknown, blockDepth: number): void {
    if (typeof v === 'string' && v.includes('\n')) {
      ensureDepth(blockDepth);
      const block = literalBlock(v, INDENT[blockDepth] as string);
      if (block) {
        this.push(head, `${block[0]}\n`);
        for (let i = 1; i < block.length; i++) this.pushLine(`${block[i]}\n`);
        return;
      }
    }
    this.push(head, scalarRest(v));
  }

  /**
   * Writes the defined entries of `o` at depth `d`; the first line starts with `first` (looked up in
   * `firstHeads` when that is a usual prefix), and `header` ("key:") goes before it. Returns false,
   * writing nothing, when no entry is defined.
   */
  private entries(
    o: Record<string, unknown>,
    d: number,
    first: string,
    firstHeads: Heads | undefined,
    header: string | undefined,
  ): boolean {
    let written = false;
    for (const k in o) {
      const v = o[k];
      if (v === undefined) continue;
      let head: Head;
      if (written) head = cachedHead(PLAIN_HEADS[d] as Heads, INDENT[d] as string, k);
      else {
        written = true;
        if (header !== undefined) this.pushLine(header);
        ensureDepth(d + 1);
        head = firstHeads ? cachedHead(firstHeads, first, k) : makeHead(first, k);
      }
      this.entry(head, v, d);
    }
    return written;
  }

  /**
   * Writes the entries of a streamed mapping at depth `d` as they come, as entries() writes those
   * of an object (a root, or a key's value when `header` is given). Returns false when none is defined.
   */
  private streamed(m: StreamedMapping, d: number, header: string | undefined): boolean {
    let written = false;
    ensureDepth(d + 1);
    for (const [k, v] of m.entries) {
      if (v === undefined) continue;
      if (v instanceof Rendered) {
        // Entries written earlier at this depth (the key is only a placeholder).
        if (v.lines === 0) continue;
        if (!written && header !== undefined) this.pushLine(header);
        written = true;
        this.pushRendered(v);
        continue;
      }
      if (!written && header !== undefined) this.pushLine(header);
      written = true;
      const head = cachedHead(PLAIN_HEADS[d] as Heads, INDENT[d] as string, k);
      if (!(v instanceof StreamedMapping)) this.entry(head, v, d);
      else if (!this.streamed(v, d + 1, head.openLine)) this.push(head.inline, '{}\n');
    }
    return written;
  }

  private entry(head: Head, v: unknown, d: number): void {
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'string' || (typeof v === 'number' && !Object.is(v, -0)) || typeof v === 'boolean') {
        // One cached piece for the whole line when this key has had this value before (-0 is
        // left out: a Map takes it for 0, which is written differently).
        let line = head.lines.get(v);
        if (line === undefined && head.lines.size < LINES_PER_HEAD && (typeof v !== 'string' || !v.includes('\n'))) {
          line = flat(head.inline, scalarRest(v));
          head.lines.set(v, line);
        }
        if (line !== undefined) {
          this.pushLine(line);
          return;
        }
      }
      this.scalarLine(head.inline, v, d + 1);
      return;
    }
    const start = this.line + 1;
    if (Array.isArray(v)) {
      // Compact form (as kubectl writes): the items of a mapping's sequence at the key's indent.
      if (v.length === 0) this.push(head.inline, '[]\n');
      else {
        this.pushLine(head.openLine);
        this.items(v, d, DASH[d] as string);
      }
    } else if (!this.entries(v as Record<string, unknown>, d + 1, INDENT[d + 1] as string, PLAIN_HEADS[d + 1], head.openLine))
      this.push(head.inline, '{}\n');
    this.range(v, start);
  }

  /** Writes the entries of a streamed mapping at depth `d`, without a header (see renderEntries). */
  entriesAt(m: StreamedMapping, d: number): void {
    this.streamed(m, d, undefined);
  }

  /** Items of a sequence at depth `d`; the first line starts with `first` (a "- " prefix). */
  private items(items: unknown[], d: number, first: string): void {
    ensureDepth(d + 1);
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      this.item(v === undefined ? null : v, d, i === 0 ? first : (DASH[d] as string));
    }
  }

  private item(v: unknown, d: number, dash: string): void {
    if (typeof v !== 'object' || v === null) {
      // As for keys: recurring string items at the usual indent ("- --port") are cached whole lines.
      if (typeof v === 'string' && dash === DASH[d]) {
        const lines = DASH_LINES[d] as Map<string, string>;
        let line = lines.get(v);
        if (line === undefined && lines.size < DASH_LINES_MAX && !v.includes('\n')) {
          line = flat(dash, scalarRest(v));
          lines.set(v, line);
        }
        if (line !== undefined) {
          this.pushLine(line);
          return;
        }
      }
      this.scalarLine(dash, v, d + 1);
      return;
    }
    const start = this.line + 1;
    if (Array.isArray(v)) {
      if (v.length === 0) this.push(dash, '[]\n');
      else this.items(v, d + 1, `${dash}- `);
    } else {
      const heads = dash === DASH[d] ? DASHED_HEADS[d + 1] : undefined;
      if (!this.entries(v as Record<string, unknown>, d + 1, dash, heads, undefined)) this.push(dash, '{}\n');
    }
    this.range(v, start);
  }

  text(): string {
    if (this.n > 0) this.flush();
    return this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
  }
}
