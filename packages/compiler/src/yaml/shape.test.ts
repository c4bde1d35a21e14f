import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalarArb, yamlString } from '../../test/yaml-arbitraries';
import { emitYamlDocumentPieces, emitYamlDocuments } from './emit';
import { tag } from './source-tag';
import { StreamedMapping } from './streamed';
import { Template } from './template';

const LABELS = new Template((name: unknown, part: unknown) => ({ 'app/name': name, 'app/part-of': part, managed: 'blaupause' }), 2);
const WAIT = new Template((target: unknown, port: unknown) => ({ name: `wait-${String(target)}`, args: ['nc', target, port] }), 2);

// A few shapes, so that objects recur with the same keys and other values (the shapes' holes),
// and keys present or absent, lists of varied lengths, Maps, template uses, tags and special strings.
const value = fc.oneof(
  { weight: 4, arbitrary: yamlString },
  { weight: 2, arbitrary: scalarArb },
  fc.constant(undefined),
  fc.constant('a\nb\n'),
);
const key = fc.oneof(fc.constantFrom('image', 'env', 'svc-1', '1', 'a: b', 'true'), yamlString);
const items = fc.array(fc.oneof(value, fc.constant([]), fc.constant({}), fc.array(value, { maxLength: 2 })), { maxLength: 3 });

const service = fc
  .record(
    {
      image: value,
      command: items,
      environment: fc.dictionary(key, value, { maxKeys: 3 }),
      depends: fc.array(fc.tuple(key, fc.constantFrom('started', 'healthy')), { maxLength: 2 }),
      ports: fc.array(fc.record({ target: scalarArb, published: value, protocol: fc.constantFrom('tcp', 'udp') }), { maxLength: 2 }),
      labels: fc.tuple(value, value),
      waits: fc.array(fc.tuple(value, value), { maxLength: 2 }),
      nested: fc.record({ deep: fc.record({ deeper: value, list: items }) }, { requiredKeys: [] }),
      id: fc.constantFrom('a', 'b', undefined),
    },
    { requiredKeys: ['image'] },
  )
  .map((r) => {
    const o: Record<string, unknown> = {
      image: r.image,
      command: r.command,
      environment: r.environment,
      depends_on: r.depends ? new Map(r.depends.map(([k, c]) => [k, tag({ condition: c }, `link:${k}`)])) : undefined,
      ports: r.ports?.map((p, i) => (i === 0 ? tag(p, 'port') : p)),
      labels: r.labels && LABELS.fill(...r.labels),
      waits: r.waits?.map(([t, p]) => tag(WAIT.fill(t, p), `wait:${String(t)}`)),
      nested: r.nested,
    };
    return r.id ? tag(o, r.id) : o;
  });

/**
 * `o` with its string keys and leaves replaced, in order, by `pool`'s strings (cycled): the same
 * lines, other keys and values (template uses and tags kept), so that it uses the shape `o` made.
 */
function vary(o: unknown, pool: string[], at: { i: number }): unknown {
  const next = () => pool[at.i++ % pool.length] as string;
  if (typeof o === 'string') return next();
  if (typeof o !== 'object' || o === null || o instanceof Template) return o;
  if (Array.isArray(o)) return o.map((x) => vary(x, pool, at));
  if (o instanceof Map) return new Map([...o.values()].map((v) => [next(), vary(v, pool, at)]));
  if (Object.getPrototypeOf(o) !== Object.prototype) return o; // a template use
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k.startsWith('app') || k === 'image' ? k : next()] = vary(v, pool, at);
  return out;
}

const shaped = (docs: unknown[]) => {
  const { pieces, ranges } = emitYamlDocumentPieces(docs, false);
  return { text: pieces.join(''), ranges };
};

describe('shapes (a plain compile writes recurring objects through shapes)', () => {
  it('writes documents exactly as the plain writer does, text and source ranges (property)', () => {
    fc.assert(
      fc.property(fc.array(service, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(11), { maxLength: 12 }), (services, again) => {
        // Objects again (the same values: constant lines) as well as new ones.
        const docs = [...services, ...again.map((i) => services[i % services.length] as object)];
        const plain = emitYamlDocuments(docs);
        const viaShapes = shaped(docs);
        expect(viaShapes.text).toBe(plain.text);
        expect(viaShapes.ranges).toEqual(plain.ranges);
      }),
      { numRuns: 400 },
    );
  });

  it('writes objects of one shape with other keys and values exactly as the plain writer does (property)', () => {
    const pool = fc.array(fc.oneof(yamlString, fc.constantFrom('x', 'y', 'a\nb')), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(service, fc.array(pool, { minLength: 1, maxLength: 6 }), (s, pools) => {
        const docs = [s, ...pools.map((p) => vary(s, p, { i: 0 }))];
        const plain = emitYamlDocuments(docs);
        const viaShapes = shaped(docs);
        expect(viaShapes.text).toBe(plain.text);
        expect(viaShapes.ranges).toEqual(plain.ranges);
      }),
      { numRuns: 400 },
    );
  });

  it("writes a streamed mapping's entries (Compose's services) exactly as the plain writer does (property)", () => {
    fc.assert(
      fc.property(fc.array(service, { minLength: 1, maxLength: 12 }), (services) => {
        const root = () =>
          new StreamedMapping([
            ['name', 'p'],
            ['services', new StreamedMapping(services.map((s, i) => [`svc-${i}`, s] as const))],
          ]);
        const plain = emitYamlDocuments([root()]);
        const viaShapes = shaped([root()]);
        expect(viaShapes.text).toBe(plain.text);
        expect(viaShapes.ranges).toEqual(plain.ranges);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a differing value or key into a hole and keeps the constant text (example)', () => {
    const docs = [
      { kind: 'A', spec: { replicas: 1, name: 'x' } },
      { kind: 'A', spec: { replicas: 2, name: 'x' } },
      { kind: 'A', spec: { replicas: -0, name: 'a: b' } },
      { kind: 'A', spec: { replicas: 3, other: 'x' } },
      { kind: 'B', spec: { replicas: 0 } },
      { kind: 'B', spec: { replicas: -0 } },
    ];
    expect(shaped(docs).text).toBe(emitYamlDocuments(docs).text);
    expect(shaped(docs).text).toContain('replicas: -0.0\n  name: "a: b"\n');
    expect(shaped(docs).text).toContain('kind: B\nspec:\n  replicas: -0.0\n');
  });
});
