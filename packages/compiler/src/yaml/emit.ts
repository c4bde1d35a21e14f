import { Rendered } from './rendered';
import { type SourceRange, tagOf } from './source-tag';
import { StreamedMapping } from './streamed';

/**
 * A purpose-built YAML writer for compiler output: block style, two-space indent, compact
 * sequences, strings plain only when every YAML 1.1 and 1.2 reader agrees they are strings,
 * double-quoted (JSON escapes) otherwise, literal blocks for multi-line text. It is many times
 * faster than a general serialiser because it never inspects the document for anchors or comments
 * and caches the rendering of repeated strings (keys above all).
 * Keys keep insertion order: emitters build objects in a fixed order, so output is stable.
 * Correctness is proved by a property test: emit → parse with `yaml` → deep-equal.
 */

export interface EmitResult {
  text: string;
  ranges: SourceRange[];
}

const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', '.inf', '-.inf', '+.inf', '.nan', '=', '<<']);
// First character: a letter, "_", "/" or "$"; later: a conservative set without YAML indicators
// that matter inside a plain scalar ("#", ",", "[", "]", "{", "}", quotes, "|", ">").
const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_./:@=$+%-]*( [A-Za-z0-9_./:@=$+%-]+)*$/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

const cache = new Map<string, string>();
const CACHE_MAX = 50_000;

// The `yaml` package's YAML 1.1 float pattern makes the mantissa optional, so "E0" reads as a number.
const EXPONENT_ONLY = /^[eE][-+]?\d/;

// Durations and sizes (5s, 1m30s, 256Mi, 500m): a number (no leading zero) followed by letters is text to every
// reader, unless the letters start an exponent, so they stay unquoted.
const NUMBER_WITH_UNIT = /^[1-9][0-9]*(\.[0-9]+)?[a-df-zA-DF-Z][a-zA-Z]*([0-9]+(\.[0-9]+)?[a-df-zA-DF-Z][a-zA-Z]*)*$/;

function isPlain(s: string): boolean {
  if (NUMBER_WITH_UNIT.test(s)) return true;
  return PLAIN.test(s) && !RESERVED.has(s.toLowerCase()) && !s.includes(': ') && !s.endsWith(':') && !EXPONENT_ONLY.test(s);
}

function stringScalar(s: string): string {
  return isPlain(s) ? s : JSON.stringify(s);
}

/**
 * The pieces joined into one flat string. Cached pieces are made this way because + and template
 * literals give V8 cons-strings (from 13 characters on), and every join of output that contains
 * one has to walk it instead of copying it.
 */
const flat = (...pieces: string[]): string => pieces.join('');

/**
 * The rest of a line holding scalar `v`: its rendering plus the line break, so that writing a
 * line is two appends (head, rest). Strings are cached, since values recur (images, ports, labels).
 */
function scalarRest(v: unknown): string {
  if (typeof v === 'string') {
    let r = cache.get(v);
    if (r === undefined) {
      r = flat(stringScalar(v), '\n');
      if (v.length <= 200) {
        if (cache.size >= CACHE_MAX) cache.clear();
        cache.set(v, r);
      }
    }
    return r;
  }
  return `${scalar(v)}\n`;
}

export function scalar(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return stringScalar(value);
    case 'number':
      if (Number.isFinite(value)) return Object.is(value, -0) ? '-0.0' : String(value);
      return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    default:
      if (value === null || value === undefined) return 'null';
      throw new TypeError(`cannot write a ${typeof value} as YAML`);
  }
}

/** A multi-line string as a literal block, when that form reads back exactly. */
function literalBlock(s: string, indent: string): string[] | undefined {
  if (CONTROL.test(s) || s.includes('\r') || s.includes('\t')) return undefined;
  const trailing = /\n*$/.exec(s)?.[0].length ?? 0;
  const body = s.slice(0, s.length - trailing);
  // Trailing spaces and blank-looking lines are where readers (and editors) disagree: quote instead.
  if (body === '' || / $/m.test(body) || /^\s*$/.test(body.split('\n')[0] ?? '')) return undefined;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const indicator = body.startsWith(' ') ? '2' : '';
  const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
  for (let i = 1; i < trailing; i++) lines.push('');
  return [`|${indicator}${chomp}`, ...lines];
}

/** What goes before a key's value: `open` ends a line ("  key:"), `inline` precedes a scalar ("  key: "). */
interface Head {
  open: string;
  inline: string;
  /** `open` with the line break. */
  openLine: string;
  /** Whole lines of this key with a recurring string value ("condition: service_healthy"), up to LINES_PER_HEAD. */
  lines: Map<string, string>;
}
type Heads = Map<string, Head>;

/**
 * Line prefixes by depth, built once: INDENT[d] is 2d spaces, DASH[d] the same plus "- ".
 * Heads are cached per depth for the two usual line starts (plain indent, and the first key of a
 * sequence item after "- "), so a scalar line is written as two ready pieces: head and scalar.
 */
const INDENT: string[] = [''];
const DASH: string[] = ['- '];
const PLAIN_HEADS: Heads[] = [new Map()];
/** DASHED_HEADS[d]: keys at depth d written after DASH[d - 1]. */
const DASHED_HEADS: Heads[] = [new Map()];
/** DASH_LINES[d]: whole lines of string items written after DASH[d], up to DASH_LINES_MAX. */
const DASH_LINES: Map<string, string>[] = [new Map()];
const DASH_LINES_MAX = 256;
let headCount = 0;
const PARTS = 1_024;
// Enough for a key's usual values (conditions, roles, protocols); unique ones (images) just miss.
const LINES_PER_HEAD = 16;

function ensureDepth(d: number): void {
  for (let i = INDENT.length; i <= d; i++) {
    INDENT.push(flat(INDENT[i - 1] as string, '  '));
    DASH.push(flat(INDENT[i] as string, '- '));
    PLAIN_HEADS.push(new Map());
    DASHED_HEADS.push(new Map());
    DASH_LINES.push(new Map());
  }
}

function makeHead(lead: string, key: string): Head {
  const open = flat(lead, scalar(key), ':');
  return { open, inline: flat(open, ' '), openLine: flat(open, '\n'), lines: new Map() };
}

function cachedHead(heads: Heads, lead: string, key: string): Head {
  let h = heads.get(key);
  if (h === undefined) {
    h = makeHead(lead, key);
    // Keys recur thousands of times; unique ones (service names) are bounded by clearing.
    if (++headCount > CACHE_MAX) {
      for (const m of PLAIN_HEADS) m.clear();
      for (const m of DASHED_HEADS) m.clear();
      headCount = 0;
    }
    heads.set(key, h);
  }
  return h;
}

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
class Writer {
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
    this.parts[this.n++] = r.text;
    this.line += r.lines;
    for (const x of r.ranges) this.ranges.push({ elementId: x.elementId, startLine: x.startLine + offset, endLine: x.endLine + offset });
    if (this.n >= PARTS) this.flush();
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
      if (typeof v === 'string') {
        // One cached piece for the whole line when this key has had this value before.
        let line = head.lines.get(v);
        if (line === undefined && head.lines.size < LINES_PER_HEAD && !v.includes('\n')) {
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
    this.flush();
    return this.chunks.join('');
  }
}

/** Writes one YAML document (no "---"). */
export function emitYaml(value: unknown): EmitResult {
  const w = new Writer();
  w.root(value);
  return { text: w.text(), ranges: w.ranges };
}

/**
 * Writes several documents separated by "---", with source ranges numbered in the joined text.
 * Each document is written as it comes, so `docs` may be a generator.
 */
export function emitYamlDocuments(docs: Iterable<unknown>): EmitResult {
  const w = new Writer();
  writeDocuments(w, docs);
  return { text: w.text(), ranges: w.ranges };
}

function writeDocuments(w: Writer, docs: Iterable<unknown>): void {
  let first = true;
  for (const doc of docs) {
    // A Rendered run of documents carries the separators between its own documents.
    if (doc instanceof Rendered && doc.lines === 0) continue;
    if (!first) w.pushLine('---\n');
    first = false;
    if (doc instanceof Rendered) w.pushRendered(doc);
    else w.root(doc);
  }
}

/**
 * The entries of a mapping at depth `depth` as a Rendered piece: written later as a value of a
 * StreamedMapping at that depth, it gives exactly what writing the entries there would have.
 */
export function renderEntries(entries: Iterable<readonly [string, unknown]>, depth: number): Rendered {
  const w = new Writer();
  w.entriesAt(new StreamedMapping(entries), depth);
  return new Rendered(w.text(), w.line, w.ranges);
}

/** Documents as a Rendered piece: written later as one item of emitYamlDocuments' input. */
export function renderDocuments(docs: Iterable<unknown>): Rendered {
  const w = new Writer();
  writeDocuments(w, docs);
  return new Rendered(w.text(), w.line, w.ranges);
}
