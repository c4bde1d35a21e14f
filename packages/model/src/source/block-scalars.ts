import { boolCoreTag, floatCoreTag, intCoreTag, NOT_RESOLVED, nullCoreTag } from 'js-yaml';

/**
 * Scalars for the block reader (`block-reader.ts`): the plain ones resolved by js-yaml's own core
 * tags (so a value means what it means on the js-yaml path), the quoted ones decoded on one line.
 * Anything these cannot decode exactly throws `BAIL`, and the caller hands the text to js-yaml.
 */
export const BAIL = new Error('not in the block reader subset');

const CORE_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/** First characters js-yaml's core schema may resolve to something other than a string ("<" merges). */
const IMPLICIT_FIRST = new Uint8Array(128);
for (const c of '~nNtTfF-+.0123456789<') IMPLICIT_FIRST[c.charCodeAt(0)] = 1;

/** A plain scalar's value under CORE_SCHEMA (in schema order, as js-yaml resolves it); "<<" is refused. */
export function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  if (first >= 128 || IMPLICIT_FIRST[first] === 0) return source;
  // After a letter or "~" only the null and bool words resolve, none longer than "false".
  if (first > 64 && source.length > 5) return source;
  if (source === '<<') throw BAIL;
  const c = source.charAt(0);
  for (const tag of CORE_TAGS) {
    if (tag.implicitFirstChars !== null && !tag.implicitFirstChars.includes(c)) continue;
    const v = tag.resolve(source, false, tag.tagName);
    if (v !== NOT_RESOLVED) return v;
  }
  return source;
}

/** Index of the closing quote of the double-quoted scalar opening at `from`, on the same line. */
export function doubleQuoteEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i;
    if (c === 10) break;
    if (c === 92) {
      // An escaped line break continues the scalar on the next line: not read here.
      if (text.charCodeAt(i + 1) === 10) break;
      i++;
    }
  }
  throw BAIL;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The value of the double-quoted scalar between `start` (after the quote) and `end` (the closing quote). */
export function doubleQuoted(text: string, start: number, end: number): string {
  let i = text.indexOf('\\', start);
  if (i < 0 || i >= end) return text.slice(start, end);
  let out = '';
  let from = start;
  while (i >= 0 && i < end) {
    out += text.slice(from, i);
    const e = text.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      from = i + 2;
    } else {
      const digits = HEX_DIGITS[e];
      if (digits === undefined) throw BAIL;
      const hex = text.slice(i + 2, i + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) throw BAIL;
      const code = Number.parseInt(hex, 16);
      // Surrogates (paired or not) and out-of-range code points: js-yaml's business.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw BAIL;
      out += String.fromCodePoint(code);
      from = i + 2 + digits;
    }
    i = text.indexOf('\\', from);
  }
  return out + text.slice(from, end);
}

/** Index of the quote closing the single-quoted scalar opening at `from` ('' is a quote), on the same line. */
export function singleQuoteEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) {
      if (text.charCodeAt(i + 1) !== 39) return i;
      i++;
    } else if (c === 10) break;
  }
  throw BAIL;
}

export function singleQuoted(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  return s.includes("''") ? s.replaceAll("''", "'") : s;
}
