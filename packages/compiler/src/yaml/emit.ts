import { type SourceRange, tagOf } from './source-tag';

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
  let r = cache.get(s);
  if (r === undefined) {
    r = isPlain(s) ? s : JSON.stringify(s);
    if (s.length <= 200) {
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(s, r);
    }
  }
  return r;
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

/** Keys whose value is not undefined, or undefined when the object has none. */
function definedKeys(o: Record<string, unknown>): string[] | undefined {
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    if (o[keys[i] as string] === undefined) {
      const defined = keys.filter((k) => o[k] !== undefined);
      return defined.length ? defined : undefined;
    }
  }
  return keys.length ? keys : undefined;
}

const keyTokens = new Map<string, string>();

/** "key:" with the key rendered as a scalar; cached, since the same keys recur thousands of times. */
function keyToken(k: string): string {
  let t = keyTokens.get(k);
  if (t === undefined) {
    t = `${scalar(k)}:`;
    if (keyTokens.size >= CACHE_MAX) keyTokens.clear();
    keyTokens.set(k, t);
  }
  return t;
}

/** Output is collected as lines joined once at the end (one long concatenated string kept the garbage collector busy). */
class Writer {
  readonly lines: string[] = [];
  line = 0;
  readonly ranges: SourceRange[] = [];

  push(prefix: string, token: string, rest: string): void {
    this.lines.push(prefix + token + rest);
    this.line++;
  }

  /**
   * Writes a value after `prefix` + `token` on the current line: token is "key:" or "-" (or "" at
   * the root); prefix is the indentation (or "  - " when the line opens a sequence item). Nested
   * blocks are indented below `indent`.
   */
  value(v: unknown, indent: string, prefix: string, token: string): void {
    const id = typeof v === 'object' && v !== null ? tagOf(v) : undefined;
    const start = this.line + 1;
    if (typeof v !== 'object' || v === null) this.leaf(v, indent, prefix, token);
    else if (Array.isArray(v)) this.seqBody(v, indent, prefix, token);
    else this.mapBody(v as Record<string, unknown>, indent, prefix, token);
    if (id !== undefined) this.ranges.push({ elementId: id, startLine: start, endLine: this.line });
  }

  private leaf(v: unknown, indent: string, prefix: string, token: string): void {
    const sep = token === '' ? '' : ' ';
    if (typeof v === 'string' && v.includes('\n')) {
      const block = literalBlock(v, `${indent}  `);
      if (block) {
        this.push(prefix, token, sep + block[0]);
        for (let i = 1; i < block.length; i++) this.push('', '', block[i] as string);
        return;
      }
    }
    this.push(prefix, token, sep + scalar(v));
  }

  private seqBody(v: unknown[], indent: string, prefix: string, token: string): void {
    if (v.length === 0) this.push(prefix, token, token === '' ? '[]' : ' []');
    // Compact form (as kubectl writes): items of a mapping's sequence at the key's indent.
    else if (token === '') this.seq(v, indent, prefix);
    else if (token === '-') this.seq(v, `${indent}  `, `${prefix}- `);
    else {
      this.push(prefix, token, '');
      this.seq(v, indent, indent);
    }
  }

  private mapBody(o: Record<string, unknown>, indent: string, prefix: string, token: string): void {
    const keys = definedKeys(o);
    if (!keys) this.push(prefix, token, token === '' ? '{}' : ' {}');
    else if (token === '') this.map(o, keys, indent, prefix);
    else if (token === '-') this.map(o, keys, `${indent}  `, `${prefix}- `);
    else {
      this.push(prefix, token, '');
      const inner = `${indent}  `;
      this.map(o, keys, inner, inner);
    }
  }

  /** Writes entries at `indent`; the first line starts with `first` (e.g. "  - ") instead. */
  private map(o: Record<string, unknown>, keys: string[], indent: string, first: string): void {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      this.value(o[k], indent, i === 0 ? first : indent, keyToken(k));
    }
  }

  private seq(items: unknown[], indent: string, first: string): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      this.value(item === undefined ? null : item, indent, i === 0 ? first : indent, '-');
    }
  }

  text(): string {
    return this.lines.length ? `${this.lines.join('\n')}\n` : '';
  }
}

/** Writes one YAML document (no "---"). */
export function emitYaml(value: unknown): EmitResult {
  const w = new Writer();
  w.value(value, '', '', '');
  return { text: w.text(), ranges: w.ranges };
}

/** Writes several documents separated by "---", with source ranges numbered in the joined text. */
export function emitYamlDocuments(docs: readonly unknown[]): EmitResult {
  const w = new Writer();
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) w.push('', '', '---');
    w.value(docs[i], '', '', '');
  }
  return { text: w.text(), ranges: w.ranges };
}
