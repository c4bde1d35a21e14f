import { describe, expect, test } from 'vitest';
import { parseDotenv } from '../src/dotenv';

describe('parseDotenv', () => {
  test('reads KEY=VALUE lines, comments, export prefixes and quotes', () => {
    const text = [
      '# a comment',
      '',
      'PLAIN=value',
      'SPACED = padded value   ',
      'export EXPORTED=yes',
      'COMMENTED=abc # trailing comment',
      'HASH=a#b',
      "SINGLE='literal \\n $HOME # kept'",
      'DOUBLE="line1\\nline2 \\"quoted\\" \\$x"',
      'EMPTY=',
      'EMPTY_QUOTED=""',
      'dotted.name-1=ok',
    ].join('\n');
    const r = parseDotenv(text, 'x.env');
    expect(r.diagnostics).toEqual([]);
    expect(r.env).toEqual({
      PLAIN: 'value',
      SPACED: 'padded value',
      EXPORTED: 'yes',
      COMMENTED: 'abc',
      HASH: 'a#b',
      SINGLE: 'literal \\n $HOME # kept',
      DOUBLE: 'line1\nline2 "quoted" $x',
      EMPTY: '',
      EMPTY_QUOTED: '',
      'dotted.name-1': 'ok',
    });
  });

  test('quoted values may span lines; CRLF line ends are accepted', () => {
    const r = parseDotenv('CERT="-----BEGIN-----\r\nabc\r\n-----END-----"\r\nNEXT=1\r\n', 'x.env');
    expect(r.diagnostics).toEqual([]);
    expect(r.env).toEqual({ CERT: '-----BEGIN-----\nabc\n-----END-----', NEXT: '1' });
  });

  test('the last definition of a key wins, as in Compose', () => {
    expect(parseDotenv('A=1\nA=2\n', 'x.env').env).toEqual({ A: '2' });
  });

  test('mistakes are diagnostics with the line and column, and the other lines still count', () => {
    const r = parseDotenv('GOOD=1\n  JUSTANAME\n1BAD=x\nOPEN="never closed\nLATE=1\n', 'bad.env');
    expect(r.env).toEqual({ GOOD: '1' });
    expect(r.diagnostics.map((d) => [d.code, d.source?.line, d.source?.col, d.message])).toEqual([
      ['ENV_FILE_SYNTAX', 2, 3, '"JUSTANAME" has no value; expected KEY=VALUE.'],
      ['ENV_FILE_SYNTAX', 3, 1, '"1BAD" is not a variable name.'],
      ['ENV_FILE_SYNTAX', 4, 1, 'The double quote opened here is never closed.'],
    ]);
    expect(r.diagnostics.every((d) => d.severity === 'error' && d.file === 'bad.env')).toBe(true);
  });

  test('text after a closing quote is an error', () => {
    const r = parseDotenv("A='x' y\n", 'x.env');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['Unexpected text after the closing quote: "y".']);
  });

  test('prototype-like keys stay plain data', () => {
    const r = parseDotenv('__proto__=x\nconstructor=y\n', 'x.env');
    expect(Object.getPrototypeOf(r.env)).toBe(Object.prototype);
    expect(Object.keys(r.env)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(r.env, '__proto__')?.value).toBe('x');
  });
});
