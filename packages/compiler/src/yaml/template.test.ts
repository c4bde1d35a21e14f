import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalarArb, yamlString } from '../../test/yaml-arbitraries';
import { emitYaml } from './emit';
import { tag, tagOf } from './source-tag';
import { Filled, materialize, Template } from './template';

const build = (name: unknown, target: unknown, port: unknown) => ({
  name,
  image: 'busybox:1.36',
  command: ['sh', '-c', 'until nc -z "$1" "$2"; do sleep 2; done', target, port],
  security: { user: 65534, drop: ['ALL'] },
});
const TEMPLATE = new Template(build, 3);

/** A document holding the value as items (depth 0 and 3), as keys' values (depth 1 and 4) and in a nested sequence (no form). */
const doc = (v: (i: number) => object) => ({
  top: [v(0)],
  spec: { template: { spec: { inits: [v(1), v(2)] } } },
  nested: [[v(3)]],
  keyed: { one: v(4), deeper: { still: { value: v(5) } } },
});

describe('Template', () => {
  it('writes each use exactly as the object it stands for, source ranges included (property)', () => {
    const value = fc.oneof(scalarArb, yamlString, fc.constant(undefined), fc.constant('a\nb'));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { minLength: 6, maxLength: 6 }), (uses) => {
        const filled = emitYaml(doc((i) => tag(TEMPLATE.fill(...(uses[i] as [unknown, unknown, unknown])), `e${i}`)));
        const plain = emitYaml(doc((i) => tag(build(...(uses[i] as [unknown, unknown, unknown])), `e${i}`)));
        expect(filled.text).toBe(plain.text);
        expect(filled.ranges).toEqual(plain.ranges);
      }),
      { numRuns: 1500 },
    );
  });

  it('writes a form from its cut text once one was made, and the object when a value does not fit', () => {
    const use = TEMPLATE.fill('wait-for-db', 'db', '5432');
    expect(use.fits()).toBe(true);
    emitYaml({ l: [use] });
    expect(TEMPLATE.itemForms[0]?.pieces).toEqual([
      '- name: ',
      '  image: busybox:1.36\n  command:\n  - sh\n  - "-c"\n  - "until nc -z \\"$1\\" \\"$2\\"; do sleep 2; done"\n  - ',
      '  - ',
      '  security:\n    user: 65534\n    drop:\n    - ALL\n',
    ]);
    expect(TEMPLATE.fill('a\nb', 'db', '1').fits()).toBe(false);
    expect(TEMPLATE.fill(undefined, 'db', '1').fits()).toBe(false);
    expect(emitYaml({ l: [TEMPLATE.fill('a\nb', 'db', 1)] }).text).toBe(emitYaml({ l: [build('a\nb', 'db', 1)] }).text);
  });

  it('makes no form when a placeholder is not where a value goes', () => {
    const odd = new Template((a: unknown) => ({ [String(a)]: 1, b: a }), 1);
    const text = emitYaml({ l: [odd.fill('x')] }).text;
    expect(text).toBe('l:\n- x: 1\n  b: x\n');
    expect(odd.itemForms[0]).toBeNull();
  });

  it('materialize gives the objects back for code that reads the output as data, tags kept', () => {
    const use = tag(TEMPLATE.fill('n', 't', '1'), 'link:a->b');
    const out = materialize({ list: [use], other: { x: 1 } });
    expect(out.list[0]).not.toBeInstanceOf(Filled);
    expect(out.list[0]).toEqual(build('n', 't', '1'));
    expect(tagOf(out.list[0] as object)).toBe('link:a->b');
  });
});
