import { describe, expect, test } from 'vitest';
import { formatDiagnostic, formatReport, pathText, sanitize, sortReported, summary } from '../src/render';
import type { Reported } from '../src/report';

const d = (over: Partial<Reported>): Reported => ({
  code: 'SCHEMA_VALUE',
  severity: 'error',
  path: [],
  message: 'm',
  file: 'a.yaml',
  ...over,
});

describe('formatDiagnostic', () => {
  test('file:line:col: severity CODE: message, and the hint on the next line', () => {
    const text = formatDiagnostic(d({ source: { file: 'a.yaml', line: 3, col: 5 }, hint: 'fix it' }), false);
    expect(text).toBe('a.yaml:3:5: error SCHEMA_VALUE: m\n  hint: fix it');
  });

  test('without a position the document path says where', () => {
    const text = formatDiagnostic(d({ severity: 'warning', code: 'FIDELITY_LOST', path: ['services', 'web', 'ports', 0] }), false);
    expect(text).toBe('a.yaml: warning FIDELITY_LOST: m (at services.web.ports[0])');
  });

  test('colours wrap the parts but leave the text intact', () => {
    const text = formatDiagnostic(d({ source: { line: 1, col: 1 } }), true);
    expect(text).toContain('\u001b[31m');
    expect(text.replace(/\u001b\[\d+m/g, '')).toBe('a.yaml:1:1: error SCHEMA_VALUE: m');
  });

  test('control characters from the file are escaped, never sent to the terminal', () => {
    expect(sanitize('key \u001b]0;pwned\u0007 done\ttab')).toBe('key \\u001b]0;pwned\\u0007 done\\ttab');
    expect(formatDiagnostic(d({ message: 'Unknown key "\u001b[2J"' }), false)).toBe('a.yaml: error SCHEMA_VALUE: Unknown key "\\u001b[2J"');
  });
});

describe('sorting and summary', () => {
  test('by the order of the named files, then line and column; unpositioned last', () => {
    const ds = [
      d({ file: 'b.yaml', message: 'b1', source: { line: 1, col: 1 } }),
      d({ message: 'no position', path: ['services'] }),
      d({ message: 'line 9', source: { line: 9, col: 1 } }),
      d({ message: 'line 2 col 7', source: { line: 2, col: 7 } }),
      d({ message: 'line 2 col 3 warning', severity: 'warning', source: { line: 2, col: 3 } }),
    ];
    expect(sortReported(ds, ['a.yaml', 'b.yaml']).map((x) => x.message)).toEqual([
      'line 2 col 3 warning',
      'line 2 col 7',
      'line 9',
      'no position',
      'b1',
    ]);
  });

  test('summary counts errors and warnings, info only when present, and files when several', () => {
    expect(summary([], 1)).toBe('0 errors, 0 warnings');
    expect(summary([d({}), d({}), d({ severity: 'warning' })], 1)).toBe('2 errors, 1 warning');
    expect(summary([d({ severity: 'info' })], 3)).toBe('0 errors, 0 warnings, 1 info in 3 files');
  });

  test('formatReport ends with the summary line', () => {
    expect(formatReport([d({ source: { line: 1, col: 2 } })], ['a.yaml'], false)).toBe(
      'a.yaml:1:2: error SCHEMA_VALUE: m\n1 error, 0 warnings\n',
    );
  });

  test('pathText writes indexes in brackets', () => {
    expect(pathText(['services', 'web', 'links', 0, 'to'])).toBe('services.web.links[0].to');
    expect(pathText([])).toBe('');
  });
});
