import { describe, expect, it } from 'vitest';
import { readYaml, readYamlDocuments } from './read-yaml';

const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe('readYaml', () => {
  it('reads a mapping and gives positions of keys', () => {
    const r = readYaml('a:\n  b: 1\n  c:\n    - x\n    - y\n', { file: 'f.yaml' });
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error('unreachable');
    expect(r.value.value).toEqual({ a: { b: 1, c: ['x', 'y'] } });
    expect(r.value.positionOf(['a', 'c'])).toEqual({ file: 'f.yaml', line: 3, col: 3 });
    expect(r.value.positionOf(['a', 'c', 1])).toEqual({ file: 'f.yaml', line: 5, col: 7 });
    expect(r.value.positionOf(['a', 'missing'])).toEqual({ file: 'f.yaml', line: 1, col: 1 });
  });

  it('reports tab indentation with line and column', () => {
    const r = readYaml('a:\n\tb: 1\n');
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain('YAML_SYNTAX');
    expect(r.diagnostics[0]?.source?.line).toBe(2);
  });

  it('refuses duplicate keys', () => {
    const r = readYaml('image: a\nimage: b\n');
    expect(codes(r)).toEqual(['DUPLICATE_KEY']);
    expect(r.diagnostics[0]?.source?.line).toBe(2);
  });

  it('stops a billion-laughs alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const t0 = Date.now();
    const r = readYaml(levels.join('\n'));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(codes(r)).toContain('RESOURCE_LIMIT');
  });

  it('stops deep nesting', () => {
    const r = readYaml(`${'['.repeat(500)}${']'.repeat(500)}`);
    expect(codes(r)).toContain('RESOURCE_LIMIT');
  });

  it('accepts many merge keys, as real Compose files have', () => {
    const svc = Array.from({ length: 150 }, (_, i) => `  s${i}:\n    <<: *d\n    image: x${i}`).join('\n');
    const r = readYaml(`x-d: &d\n  restart: always\nservices:\n${svc}\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error('unreachable');
    expect((r.value.value as { services: Record<string, { restart: string }> }).services.s149?.restart).toBe('always');
  });

  it('refuses __proto__ and constructor keys by path, without touching prototypes', () => {
    const r = readYaml('services:\n  web:\n    environment:\n      __proto__:\n        polluted: yes\n');
    expect(codes(r)).toEqual(['FORBIDDEN_KEY']);
    expect(r.diagnostics[0]?.path).toEqual(['services', 'web', 'environment', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codes(readYaml('constructor: 1\n'))).toEqual(['FORBIDDEN_KEY']);
  });

  it('refuses a "<<" merge of a list or scalar as INVALID_MERGE', () => {
    expect(codes(readYaml('a: &a [1]\nb:\n  <<: *a\n'))).toEqual(['INVALID_MERGE']);
    expect(codes(readYaml('<<: 5\n'))).toEqual(['INVALID_MERGE']);
  });

  it('refuses binary and other typed values', () => {
    expect(codes(readYaml('a: !!binary aGVsbG8=\n'))).toEqual(['UNSUPPORTED_TAG']);
  });

  it('refuses unknown tags instead of keeping them as strings', () => {
    expect(codes(readYaml('a: !!js/function "x"\n'))).toContain('UNSUPPORTED_TAG');
    expect(codes(readYaml('a: !custom 1\n'))).toContain('UNSUPPORTED_TAG');
  });

  it('reports empty files, multiple documents, NUL bytes and oversize input', () => {
    expect(codes(readYaml(''))).toEqual(['EMPTY_DOCUMENT']);
    expect(codes(readYaml('# only a comment\n'))).toEqual(['EMPTY_DOCUMENT']);
    expect(codes(readYaml('a: 1\n---\nb: 2\n'))).toEqual(['MULTIPLE_DOCS']);
    expect(codes(readYaml('a: 1\u0000'))).toEqual(['INVALID_ENCODING']);
    expect(codes(readYaml('a: 1234567890\n', { limits: { maxBytes: 8 } }))).toEqual(['FILE_TOO_LARGE']);
  });

  it('strips a byte-order mark', () => {
    expect(readYaml('\ufeffa: 1\n').ok).toBe(true);
  });

  it('reads multi-document files and drops empty documents', () => {
    const r = readYamlDocuments('---\na: 1\n---\n---\nb: 2\n');
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error('unreachable');
    expect(r.value.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(r.value[1]?.positionOf(['b'])?.line).toBe(5);
  });

  it('reports an unclosed quote with its line', () => {
    const r = readYaml('a: 1\nb: "open\n');
    expect(r.ok).toBe(false);
    expect(codes(r)[0]).toBe('YAML_SYNTAX');
    expect(r.diagnostics[0]?.source?.line).toBeGreaterThanOrEqual(2);
  });
});
