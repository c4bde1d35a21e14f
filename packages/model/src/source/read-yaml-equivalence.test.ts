import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isDir, yamlFiles } from '../../test/yaml-files';
import { DEFAULT_LIMITS } from './limits';
import { readFast, readThorough } from './read-yaml';

/** The fast reader (js-yaml) must give exactly the values the thorough one (`yaml`) gives. */
function values(r: ReturnType<typeof readThorough> | undefined) {
  expect(r?.ok).toBe(true);
  return r?.ok ? r.value.map((d) => ({ index: d.index, value: d.value })) : undefined;
}

const root = join(import.meta.dirname, '..', '..', '..', '..');
const corpus = join(root, '..', 'shared', 'corpus', 'awesome-compose');

describe('the fast and the thorough YAML reader agree', () => {
  it('on hand-written edge cases', () => {
    const refused = [
      'a:\n\tb: 1\n',
      'a: 1\na: 2\n',
      'a: !custom 1\n',
      'a: !!js/function "x"\n',
      'a: "open\n',
      'a: [1, 2\n',
      'a:\n  - b\n  c: 1\n',
      '<<: [1]\n',
    ];
    for (const text of refused) expect({ text, accepted: readFast(text, DEFAULT_LIMITS)?.ok === true }).toEqual({ text, accepted: false });
    const cases = [
      'a: 0755\nb: 0o17\nc: 0x1F\nd: 1e3\ne: .inf\nf: -.Inf\ng: .nan\nh: ~\ni: null\nj: true\nk: "yes"\nl: yes\nm: 22:22\nn: 2001-12-14\n',
      'x-d: &d\n  restart: always\n  env: [A]\ns:\n  a:\n    <<: *d\n    image: x\n  b:\n    <<: [*d, {extra: 1}]\n    restart: "no"\n',
      'list:\n  - &a {k: 1}\n  - *a\n  - [1, 2, {x: "y"}]\nstr: |\n  line one\n  line two\nfolded: >\n  a\n  b\n',
      '---\na: 1\n---\n---\nb: [1, 2]\n...\n',
      '"quoted key": 1\n? complex\n: 2\n1: int key\n',
      'empty_map: {}\nempty_list: []\nempty_str: ""\nspaces: "  x  "\nunicode: "é 😀"\n',
    ];
    for (const text of cases) {
      expect(values(readFast(text, DEFAULT_LIMITS))).toEqual(values(readThorough(text, DEFAULT_LIMITS)));
      expect(positionsOf(readFast(text, DEFAULT_LIMITS))).toEqual(positionsOf(readThorough(text, DEFAULT_LIMITS)));
    }
  });

  it('on generated documents (property)', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const doc = fc.dictionary(
      fc.string({ minLength: 1 }).filter((k) => !['__proto__', 'constructor', 'prototype', '<<'].includes(k)),
      fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
      { maxKeys: 6 },
    );
    fc.assert(
      fc.property(
        doc,
        fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL'>('PLAIN', 'QUOTE_DOUBLE', 'BLOCK_LITERAL'),
        (d, defaultStringType) => {
          const text = stringify(d, { defaultStringType, defaultKeyType: 'PLAIN' });
          expect(values(readFast(text, DEFAULT_LIMITS))).toEqual(values(readThorough(text, DEFAULT_LIMITS)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("on every YAML file of the repository's own tests and examples", () => {
    const files = ['examples', 'packages'].flatMap((d) => yamlFiles(join(root, d)));
    expect(files.length).toBeGreaterThan(10);
    let compared = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const thorough = readThorough(text, DEFAULT_LIMITS);
      const fast = readFast(text, DEFAULT_LIMITS);
      // Bad-input fixtures: what the thorough reader refuses, the fast one must refuse too.
      if (!thorough.ok) expect({ f, accepted: fast?.ok === true }).toEqual({ f, accepted: false });
      else {
        expect({ f, v: values(fast) }).toEqual({ f, v: values(thorough) });
        expect({ f, positions: positionsOf(fast) }).toEqual({ f, positions: positionsOf(thorough) });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  if (!isDir(corpus))
    it('on the real-world Compose corpus: corpus not present, skipped', () => {
      // A fresh clone has no ../shared/corpus; CI and the development machine do.
      expect(isDir(corpus)).toBe(false);
    });
  else
    it('on the real-world Compose corpus', () => {
      const files = yamlFiles(corpus);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const text = readFileSync(f, 'utf8');
        const fast = readFast(text, DEFAULT_LIMITS);
        const thorough = readThorough(text, DEFAULT_LIMITS);
        expect({ f, v: values(fast) }).toEqual({ f, v: values(thorough) });
        expect({ f, positions: positionsOf(fast) }).toEqual({ f, positions: positionsOf(thorough) });
      }
    });
});

/** Every path of every document with the position each reader gives for it. */
function positionsOf(r: ReturnType<typeof readThorough> | undefined): string[] {
  const out: string[] = [];
  for (const doc of r?.ok ? r.value : []) {
    const walk = (v: unknown, path: (string | number)[]) => {
      const p = doc.positionOf(path);
      out.push(`${doc.index}:${path.join('.')} @ ${p?.line}:${p?.col}`);
      if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(doc.value, []);
  }
  return out;
}
