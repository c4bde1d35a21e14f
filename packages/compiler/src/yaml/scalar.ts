/** Scalars as the writer renders them (see emit.ts for the style). */

const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', '.inf', '-.inf', '+.inf', '.nan', '=', '<<']);
// First character: a letter, "_", "/" or "$"; later: a conservative set without YAML indicators
// that matter inside a plain scalar ("#", ",", "[", "]", "{", "}", quotes, "|", ">").
const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_./:@=$+%-]*( [A-Za-z0-9_./:@=$+%-]+)*$/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

const cache = new Map<string, string>();
export const CACHE_MAX = 50_000;

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
export const flat = (...pieces: string[]): string => pieces.join('');

/**
 * The rest of a line holding scalar `v`: its rendering plus the line break, so that writing a
 * line is two appends (head, rest). Strings are cached, since values recur (images, ports, labels).
 */
export function scalarRest(v: unknown): string {
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
export function literalBlock(s: string, indent: string): string[] | undefined {
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
