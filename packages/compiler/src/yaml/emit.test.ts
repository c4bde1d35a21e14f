import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { normalise, scalarArb, valueArb, yamlString } from '../../test/yaml-arbitraries';
import { emitYaml, emitYamlDocuments } from './emit';
import { scalar } from './scalar';
import { tag } from './source-tag';

describe('emitYaml', () => {
  it('writes YAML that the yaml package reads back to the same data (property)', () => {
    fc.assert(
      fc.property(valueArb, (v) => {
        const text = emitYaml(v).text;
        expect(normalise(parse(text))).toEqual(normalise(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every string a string, under YAML 1.1 rules too', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), yamlString, { maxKeys: 5 }), (m) => {
        const text = emitYaml({ m }).text;
        expect(parse(text, { version: '1.1' })).toEqual({ m });
      }),
      { numRuns: 3000 },
    );
  });

  it('quotes values that other readers would turn into booleans, numbers or dates', () => {
    const { text } = emitYaml({ a: 'yes', b: '0755', c: '22:22', d: '2001-12-14', e: 'on', f: 'plain-text', g: 'nginx:1.27', h: 'E0' });
    expect(text).toBe('a: "yes"\nb: "0755"\nc: "22:22"\nd: "2001-12-14"\ne: "on"\nf: plain-text\ng: nginx:1.27\nh: "E0"\n');
  });

  it('writes a mapping whose values are all undefined as {} and leaves undefined keys out', () => {
    expect(emitYaml({ emptyDir: { medium: undefined }, a: { b: undefined, c: 1 }, l: [undefined] }).text).toBe(
      'emptyDir: {}\na:\n  c: 1\nl:\n- null\n',
    );
  });

  it('leaves durations and sizes unquoted', () => {
    expect(emitYaml({ a: '5s', b: '1m30s', c: '256Mi', d: '500m', e: '1e3', f: '1E5s', g: '10' }).text).toBe(
      'a: 5s\nb: 1m30s\nc: 256Mi\nd: 500m\ne: "1e3"\nf: "1E5s"\ng: "10"\n',
    );
  });

  it('records the lines each tagged element produced', () => {
    const doc = { services: { a: tag({ image: 'x', ports: ['1:1'] }, 'service:a'), b: tag({ image: 'y' }, 'service:b') } };
    const { text, ranges } = emitYaml(doc);
    const lines = text.split('\n');
    expect(ranges).toEqual([
      { elementId: 'service:a', startLine: 2, endLine: 5 },
      { elementId: 'service:b', startLine: 6, endLine: 7 },
    ]);
    expect(lines[1]).toBe('  a:');
    expect(lines[5]).toBe('  b:');
  });

  it('numbers source lines across documents', () => {
    const { text, ranges } = emitYamlDocuments([tag({ kind: 'A' }, 'a'), tag({ kind: 'B', spec: { x: 1 } }, 'b')]);
    expect(text).toBe('kind: A\n---\nkind: B\nspec:\n  x: 1\n');
    expect(ranges).toEqual([
      { elementId: 'a', startLine: 1, endLine: 1 },
      { elementId: 'b', startLine: 3, endLine: 5 },
    ]);
    expect(parseAllDocuments(text).map((d) => d.toJS())).toEqual([{ kind: 'A' }, { kind: 'B', spec: { x: 1 } }]);
  });

  it('writes a number or boolean as itself whatever the same key held before (line cache, property)', () => {
    const values = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, 0.5, -0.5, Number.NaN, Infinity, -Infinity, true, false),
    );
    fc.assert(
      fc.property(fc.array(values, { maxLength: 40 }), (xs) => {
        // Each document holds one key; several documents with the same key share its cached lines.
        const { text } = emitYamlDocuments(xs.map((x) => ({ replicas: x })));
        expect(text).toBe(xs.map((x) => `replicas: ${scalar(x)}\n`).join('---\n'));
        expect(parseAllDocuments(text).map((d) => Object.is(d.toJS().replicas, -0) || d.toJS().replicas)).toEqual(
          xs.map((x) => Object.is(x, -0) || (Number.isNaN(x) ? Number.NaN : x)),
        );
      }),
      { numRuns: 300 },
    );
    expect(emitYamlDocuments([{ x: 0 }, { x: -0 }, { x: 0 }]).text).toBe('x: 0\n---\nx: -0.0\n---\nx: 0\n');
  });

  it('writes a Map as the object with the same entries, wherever it is and whatever its keys (property)', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('0', '7', '42', '01', 'a', 'svc-1'));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.oneof(scalarArb, fc.constant(undefined), valueArb)), { maxLength: 6 }), (entries) => {
        const map = new Map(entries);
        const object = Object.fromEntries(entries);
        const at = (m: unknown) => ({ key: m, list: [m], deep: { x: { y: tag(m as object, 'e') } } });
        expect(emitYaml(at(map))).toEqual(emitYaml(at(object)));
      }),
      { numRuns: 1000 },
    );
  });
});
