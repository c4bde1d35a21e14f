import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isDir, yamlFiles } from '../../test/yaml-files';
import { readBlock } from './block-reader';
import { DEFAULT_LIMITS } from './limits';
import { readBlockSource, readFast, readThorough, type YamlSource } from './read-yaml';

type Read = ReturnType<typeof readThorough> | undefined;

const values = (r: Read) => (r?.ok ? r.value.map((d) => ({ index: d.index, value: d.value })) : undefined);

/** Every path of every document with its position (as the equivalence test walks them). */
function positions(r: Read): string[] {
  const out: string[] = [];
  for (const doc of r?.ok ? r.value : []) walk(doc, doc.value, [], out);
  return out;
}
function walk(doc: YamlSource, v: unknown, path: (string | number)[], out: string[]): void {
  const p = doc.positionOf(path);
  out.push(`${path.join('.')} @ ${p?.line}:${p?.col}`);
  if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(doc, x, [...path, i], out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(doc, x, [...path, k], out);
}

/**
 * When the block reader answers, js-yaml (the path it replaces) gives the same values and positions,
 * and `yaml` the same values (its positions of empty items differ from js-yaml's; the js-yaml ones
 * are what callers got before).
 */
function agrees(text: string, withYaml = true): boolean {
  const block = readBlockSource(text, DEFAULT_LIMITS);
  if (!block) return false;
  const fast = readFast(text, DEFAULT_LIMITS);
  expect({ text, fast: fast?.ok }).toEqual({ text, fast: true });
  expect({ text, v: values(block) }).toEqual({ text, v: values(fast) });
  expect({ text, p: positions(block) }).toEqual({ text, p: positions(fast) });
  if (withYaml) expect({ text, v: values(block) }).toEqual({ text, v: values(readThorough(text, DEFAULT_LIMITS)) });
  return true;
}

/** Strings full of what YAML treats specially, on one line. */
const ONE_LINE = [
  ...'ab Z09:#-"\'\\[]{},&*!|>%@`?~.+_/é'.split(''),
  ': ',
  ' #',
  '- ',
  'null',
  'true',
  'False',
  '0x1F',
  '0o17',
  '1e3',
  '.inf',
  '.NaN',
  '<<',
  '---',
  '...',
  '\\u00e9',
];
/** …and with line breaks, tabs, CR, NEL, LS, controls, emoji. */
const ANY = [...ONE_LINE, '\n', '\t', '\r', '\u0085', '\u2028', '\u0007', '😀'];
const strings = (units: string[]) => fc.string({ unit: fc.constantFrom(...units), maxLength: 6 });
const special = strings(ANY);
const key = strings(ONE_LINE).filter((k) => k !== '' && !['__proto__', 'constructor', 'prototype'].includes(k));
const scalar = fc.oneof(strings(ONE_LINE), special, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const doc = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 3 }),
})).map;
const options = fc.record({
  defaultStringType: fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  defaultKeyType: fc.constantFrom<null | 'PLAIN'>(null, 'PLAIN'),
  indentSeq: fc.boolean(),
  indent: fc.integer({ min: 1, max: 4 }),
  lineWidth: fc.constant(0),
});

describe('the block reader', () => {
  it('reads what the compilers and people write, as js-yaml and `yaml` do', () => {
    const cases = [
      'a:\n  b: 1\n  c:\n    - x\n    - y\n',
      '# head\n---\nservices:\n  web:  # trailing\n    image: "nginx:1"\n    ports:\n    - "80:80"\n    - target: 8080\n      published: 20000\n',
      "a: 'it''s'\nb: \"\\u00e9\\t\\\\ \\x41\\U0001F600\"\nc: ''\nd: \"\"\n",
      'list:\n-\n- x\n-\n',
      'a:\n  - b: 1\n    c:\n  -\n  - []\n  - {}\nd: {}\n',
      '  a: 1\n  b: 2\n',
      'x: 0755\ny: 0o17\nz: 0x1F\nw: 1e3\nv: .inf\nu: -.Inf\nt: .nan\ns: ~\nr: null\nq: True\np: yes\no: 22:22\nn: -1\nm: +2\nl: 1_000\n',
      'a: b:c\nd: http://x/#y\ne: a#b\nf: x [1] {2}, 3\ng: "a" # c\nh: -x\n"quoted key": 1\n\'single\': 2\nnull key: 3\n',
      '- a\n- "b"\n- c: 1\n  d: 2\n-   e: 3\n    f: 4\n- - x\n  - - y\n    - z: 1\n      w: 2\n',
      'a:\n\n  # comment\n\n  b: 1\n# end\n',
    ];
    for (const text of cases) expect({ text, read: agrees(text) }).toEqual({ text, read: true });
  });

  it('leaves everything else to js-yaml', () => {
    const refused = [
      '',
      '# only\n',
      'plain',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  x\n',
      'a: >\n  x\n',
      'a: [1]\n',
      'a: {b: 1}\n',
      'a: 1\n---\nb: 2\n',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: 1\n',
      'a:\n\tb: 1\n',
      'a: 1\r\nb: 2\r\n',
      'a: 1\nb: 2\na: 3\n',
      '__proto__: 1\n',
      'x:\n  constructor: 1\n',
      '<<: {}\n',
      '"<<": 1\n',
      'a: one\n  two\n',
      'a: "one\n  two"\n',
      "a: 'one\n  two'\n",
      'a: "x\\\n  y"\n',
      'a:\n  b: 1\n c: 2\n',
      'a:\n  - x\n  b: 1\n',
      'a: b: c\n',
      'a : 1\n',
      '1: x\n',
      'true: x\n',
      '? a\n: b\n',
      'a: "x" y\n',
      'a: "x"#y\n',
      'a: - b\n',
      'a: 1\nb\n',
      'a: "\\q"\n',
      'a: "\\ud800"\n',
      `${'k'.repeat(1100)}: 1\n`,
      'a: 😀\n',
      '"": 1\n',
    ];
    for (const text of refused) expect({ text, read: readBlock(text, DEFAULT_LIMITS) !== undefined }).toEqual({ text, read: false });
  });

  it('leaves budgets to the readers that report them', () => {
    const deep = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(readBlock(deep, DEFAULT_LIMITS)).toBeUndefined();
    const wide = `a:\n${Array.from({ length: 50 }, (_, i) => `- ${i}`).join('\n')}\n`;
    expect(readBlock(wide, { ...DEFAULT_LIMITS, maxNodes: 40 })).toBeUndefined();
    expect(readBlock(wide, DEFAULT_LIMITS)).toBeDefined();
  });

  it('agrees with js-yaml and `yaml` on generated documents (property)', () => {
    let read = 0;
    fc.assert(
      fc.property(doc, options, (d, o) => {
        if (agrees(stringify(d, o))) read++;
      }),
      { numRuns: 1500 },
    );
    // Most of them are in the subset: a reader that gave up on everything would pass the rest.
    expect(read).toBeGreaterThan(700);
  });

  it('never reads what js-yaml refuses, nor reads it differently (mutated documents, property)', () => {
    const mutation = fc.tuple(fc.nat(), fc.nat({ max: 3 }), special);
    fc.assert(
      fc.property(doc, options, fc.array(mutation, { minLength: 1, maxLength: 3 }), (d, o, edits) => {
        let text = stringify(d, o);
        for (const [at, cut, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        const block = readBlock(text, DEFAULT_LIMITS);
        if (block === undefined) return;
        const fast = readFast(text, DEFAULT_LIMITS);
        expect({ text, fast: fast?.ok }).toEqual({ text, fast: true });
        // Against js-yaml only: on mutated text js-yaml and `yaml` differ at times (-1e310000000 is
        // a string to js-yaml, -Infinity to `yaml`), and js-yaml's answer is the one kept.
        agrees(text, false);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on every YAML file of the repository and of the Compose corpus (when present)', () => {
    const root = join(import.meta.dirname, '..', '..', '..', '..');
    const corpus = join(root, '..', 'shared', 'corpus', 'awesome-compose');
    const dirs = [join(root, 'examples'), join(root, 'packages'), ...(isDir(corpus) ? [corpus] : [])];
    const files = dirs.flatMap(yamlFiles);
    let read = 0;
    for (const f of files) if (agrees(readFileSync(f, 'utf8'))) read++;
    expect(read).toBeGreaterThan(files.length / 3);
  });
});
