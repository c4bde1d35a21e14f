import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDir, yamlFiles } from '../../test/yaml-files';
import { DEFAULT_LIMITS } from './limits';
import { readBlockSource, readFast, type YamlSource } from './read-yaml';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const dirs = [join(root, 'packages', 'compiler', 'test', 'golden'), join(root, '..', 'shared', 'corpus')];

/** Real files the block reader takes: the compilers' golden output, and the Compose corpus when present. */
const texts = dirs
  .filter(isDir)
  .flatMap(yamlFiles)
  .map((f) => readFileSync(f, 'utf8'))
  .filter((t) => t.length < 6000 && readBlockSource(t, DEFAULT_LIMITS));

/** Pieces that change YAML structure: indentation, indicators, quotes, comments, markers, tabs. */
const PIECES = [' ', '  ', '\n', '- ', ': ', ':', '#', ' #', '"', "'", '\\', '-', '[', ']', '{', '}', '&a ', '*a', '!', '|', '>'];
const MORE = ['---', '\n  ', '\n- ', 'x', '0', 'null', '\t', '? ', ',', '%', '\r'];
const edit = fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.constantFrom(...PIECES, ...MORE), fc.boolean());

/** Inserts (replacing up to `cut` characters) at `at`, or doubles the line there (a duplicate key, an extra item). */
function mutate(text: string, [at, cut, piece, doubleLine]: [number, number, string, boolean]): string {
  const i = at % (text.length + 1);
  if (!doubleLine) return text.slice(0, i) + piece + text.slice(i + cut);
  const start = text.lastIndexOf('\n', i - 1) + 1;
  const end = text.indexOf('\n', i);
  return text.slice(0, start) + text.slice(start, end < 0 ? text.length : end + 1) + text.slice(start);
}

describe('the block reader on mutated real files (property)', () => {
  it('reads a mutated file only as js-yaml reads it: same values, same positions', () => {
    expect(texts.length).toBeGreaterThan(10);
    let read = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (n, edits) => {
        const text = edits.reduce(mutate, texts[n] as string);
        const block = readBlockSource(text, DEFAULT_LIMITS);
        if (!block) return;
        read++;
        const fast = readFast(text, DEFAULT_LIMITS);
        expect({ text, ok: fast?.ok }).toEqual({ text, ok: true });
        if (!block.ok || !fast?.ok) return;
        expect({ text, v: block.value[0]?.value }).toEqual({ text, v: fast.value[0]?.value });
        expect({ text, p: positions(block.value[0]) }).toEqual({ text, p: positions(fast.value[0]) });
      }),
      { numRuns: 3000 },
    );
    // Many mutations stay in the subset (a comment, a doubled item, spaces in a value): those are the test.
    expect(read).toBeGreaterThan(150);
  });
});

function positions(doc: YamlSource | undefined): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    const p = doc?.positionOf(path);
    out.push(`${path.join('.')} @ ${p?.line}:${p?.col}`);
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc?.value, []);
  return out;
}
