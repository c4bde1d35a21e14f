import { BlockLines } from './block-lines';
import { BAIL, doubleQuoted, doubleQuoteEnd, resolvePlain, singleQuoted, singleQuoteEnd } from './block-scalars';
import { FORBIDDEN_KEYS, type ReadLimits } from './limits';

/**
 * A reader for the block YAML that compilers write and most people do: one document of block
 * mappings and sequences (compact `- key: v` items, sequences at their key's indent), plain
 * one-line scalars, one-line quoted scalars, comments, `[]` and `{}`. It reads the text in one
 * pass without events, about eight times faster than js-yaml and its budget walk. Everything
 * else — anchors, aliases, tags, block and multi-line scalars, flow collections, more documents,
 * tabs, CR, control characters, surrogates, duplicate or prototype keys, "<<", budgets nearly
 * reached, anything malformed — makes it give up (`undefined`), and the text goes to the js-yaml
 * path as before, which also produces every diagnostic. So when it answers, it answers what
 * js-yaml would (same values, same positions; `block-reader.test.ts` holds it to js-yaml and `yaml`).
 */
export function readBlock(text: string, limits: ReadLimits): { value: unknown } | undefined {
  if (OUTSIDE.test(text)) return undefined;
  try {
    return { value: new BlockScanner(text, limits).document() };
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/**
 * Path → offset, as `EventPositions` indexes js-yaml's events: mapping entries at their key, items
 * at their node, the root at its node; read again on the first position asked for (rarely needed).
 */
export function blockPositions(text: string, limits: ReadLimits): Map<string, number> {
  const entries = new Map<string, number>();
  new BlockScanner(text, limits, entries).document();
  return entries;
}

/** Tabs, CR, C0/C1 controls (NEL too), LS, PS, surrogates, BOM and non-characters. */
const OUTSIDE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

class BlockScanner extends BlockLines {
  private nodes = 0;
  /** Set by value: where the node read starts (-1: empty). */
  private start = -1;
  /** Recording: the index key (`keyOf` of event-positions.ts: segments joined by NUL) of each open node. */
  private readonly keys: string[] = [''];

  constructor(
    t: string,
    private readonly limits: ReadLimits,
    private readonly rec?: Map<string, number>,
  ) {
    super(t);
  }

  document(): unknown {
    this.toContent(0, true);
    if (this.ind < 0) throw BAIL;
    this.count(0);
    this.mark(this.p);
    const value = this.node(0);
    if (this.ind >= 0) throw BAIL;
    return value;
  }

  private count(depth: number): void {
    // A margin below the depth budget: js-yaml's own depth count is left to decide near it.
    if (++this.nodes > this.limits.maxNodes || depth >= this.limits.maxDepth - 1) throw BAIL;
  }

  private mark(offset: number): void {
    if (!this.rec) return;
    const k = this.keys[this.keys.length - 1] as string;
    if (!this.rec.has(k)) this.rec.set(k, offset);
  }

  private enter(segment: string | number): void {
    const keys = this.keys;
    keys.push(keys.length === 1 ? String(segment) : `${keys[keys.length - 1]}\u0000${segment}`);
  }

  /** The block node starting at the current line. */
  private node(depth: number): unknown {
    return this.isDash(this.p) ? this.seq(this.ind, depth) : this.map(this.ind, depth);
  }

  /** A block mapping whose keys start at column `col` (the first one possibly after "- "). */
  private map(col: number, depth: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    for (;;) {
      const keyStart = this.p;
      const key = this.key();
      if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(obj, key)) throw BAIL;
      this.count(depth + 1);
      if (this.rec) {
        this.enter(key);
        this.mark(keyStart);
      }
      obj[key] = this.value(col, depth + 1, false);
      if (this.rec) this.keys.pop();
      if (this.ind !== col) {
        if (this.ind > col) throw BAIL;
        return obj;
      }
    }
  }

  /** A block sequence whose dashes are at column `col`. */
  private seq(col: number, depth: number): unknown[] {
    const arr: unknown[] = [];
    for (;;) {
      this.count(depth + 1);
      this.p++;
      if (this.rec) this.enter(arr.length);
      arr.push(this.value(col, depth + 1, true));
      if (this.rec) {
        if (this.start >= 0) this.mark(this.start);
        this.keys.pop();
      }
      if (this.ind !== col || !this.isDash(this.p)) {
        if (this.ind > col) throw BAIL;
        return arr;
      }
    }
  }

  /** A key and its ":"; the cursor ends after the colon. */
  private key(): string {
    const t = this.t;
    const i = this.p;
    const c = t.charCodeAt(i);
    let key: string;
    let j: number;
    if (c === 34 || c === 39) {
      j = c === 34 ? doubleQuoteEnd(t, i) : singleQuoteEnd(t, i);
      key = c === 34 ? doubleQuoted(t, i + 1, j) : singleQuoted(t, i + 1, j);
      j++;
      const d = t.charCodeAt(j + 1);
      if (t.charCodeAt(j) !== 58 || !(d === 32 || d === 10 || j + 1 >= t.length)) throw BAIL;
    } else {
      if (!this.plainStart(i)) throw BAIL;
      j = this.plainEnd(i);
      if (!this.colon || t.charCodeAt(j - 1) === 32) throw BAIL;
      key = t.slice(i, j);
      if (typeof resolvePlain(key) !== 'string') throw BAIL;
    }
    // An empty key's path joins to the root's in the position index: js-yaml's path keeps that quirk.
    if (j - i > 1024 || key === '<<' || key === '') throw BAIL;
    this.p = j + 1;
    return key;
  }

  /** The value after a key's ":" or an item's "-" (the cursor just after it), up to the next content line. */
  private value(col: number, depth: number, item: boolean): unknown {
    const t = this.t;
    let i = this.p;
    while (t.charCodeAt(i) === 32) i++;
    const c = t.charCodeAt(i);
    if (i >= t.length || c === 10 || (c === 35 && i > this.p)) {
      this.endLine(this.p);
      if (this.ind > col) {
        const start = this.p;
        const v = this.node(depth);
        this.start = start;
        return v;
      }
      this.start = -1;
      // A sequence may sit at its key's indent ("key:\n- a"), not an item's.
      return !item && this.ind === col && this.isDash(this.p) ? this.seq(col, depth) : null;
    }
    let v: unknown;
    let end: number;
    if (c === 34 || c === 39) {
      end = c === 34 ? doubleQuoteEnd(t, i) : singleQuoteEnd(t, i);
      if (item && t.charCodeAt(end + 1) === 58) return this.compactMap(i, depth);
      v = c === 34 ? doubleQuoted(t, i + 1, end) : singleQuoted(t, i + 1, end);
      end++;
    } else if (item && this.isDash(i)) {
      // "- - x": a sequence whose dashes line up with the first one.
      this.p = i;
      const v = this.seq(i - this.lineStart, depth);
      this.start = i;
      return v;
    } else if (c === 91 || c === 123) {
      if (t.charCodeAt(i + 1) !== c + 2) throw BAIL;
      v = c === 91 ? [] : {};
      end = i + 2;
    } else {
      if (!this.plainStart(i)) throw BAIL;
      end = this.plainEnd(i);
      if (this.colon) {
        if (item) return this.compactMap(i, depth);
        throw BAIL;
      }
      v = resolvePlain(t.slice(i, end));
    }
    this.start = i;
    this.endLine(end);
    return v;
  }

  /** "- key: value": a mapping whose keys line up with the first one. */
  private compactMap(i: number, depth: number): Record<string, unknown> {
    this.p = i;
    const v = this.map(i - this.lineStart, depth);
    this.start = i;
    return v;
  }
}
