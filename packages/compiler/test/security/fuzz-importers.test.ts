import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { importAny, importCompose, importKubernetes } from '../../src/import';

/**
 * A bounded fuzz run (issue 5, threat model T14): files of the repository's own corpus — the
 * Compose and Kubernetes import fixtures and the example blueprints — mutated with a fixed seed
 * (byte flips, truncation, duplication, deep nesting, anchors and aliases, NUL and odd bytes) and
 * fed to both importers and the blueprint loader. Every call must answer with diagnostics (no
 * exception escapes) within a time bound; the whole run stops after a fixed budget. A failure
 * prints the seed, the round and the input, so it can be replayed.
 */
const SEED = 0x5eed_b1a0;
const RUN_BUDGET_MS = 8_000;
const CALL_BOUND_MS = 3_000; // a hang, not a slow machine: ~250 ms is the slowest call here unloaded
const MAX_ROUNDS = 3_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const dirs = [join(here, '../import-compose/fixtures'), join(here, '../import-kubernetes/fixtures'), join(here, '../../../../examples')];
const corpus = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({ name: f, text: readFileSync(join(d, f), 'utf8') })),
);

/** mulberry32: small, fast and the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const at = (r: Rand, s: string) => Math.floor(r() * (s.length + 1));
const SPECIAL = [
  ':',
  '-',
  ' ',
  '\t',
  '\n',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '&',
  '*',
  '!',
  '|',
  '>',
  '#',
  '%',
  '@',
  '`',
  '$',
  '\0',
  '\ufeff',
  '\u2028',
  '\ud800',
  '<<',
];

const MUTATIONS: Record<string, (r: Rand, s: string) => string> = {
  flip: (r, s) => {
    let out = s;
    for (let n = 1 + Math.floor(r() * 8); n > 0; n--) {
      const i = at(r, out);
      out = out.slice(0, i) + pick(r, SPECIAL) + out.slice(i + 1);
    }
    return out;
  },
  truncate: (r, s) => s.slice(0, at(r, s)),
  duplicate: (r, s) => {
    const i = at(r, s);
    const j = Math.min(s.length, i + Math.floor(r() * 400));
    return s.slice(0, j) + s.slice(i, j).repeat(1 + Math.floor(r() * 5)) + s.slice(j);
  },
  nest: (r, s) => {
    const depth = pick(r, [50, 500, 5_000, 20_000]);
    const i = s.indexOf(':', at(r, s));
    const deep = r() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    return i < 0 ? deep : `${s.slice(0, i + 1)} ${deep}\n${s.slice(i + 1)}`;
  },
  anchors: (r, s) => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let k = 1; k < 9; k++)
      bomb.push(
        `${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + k)}`)
          .join(',')}]`,
      );
    const choices = [
      `x-bomb:\n  ${bomb.join('\n  ')}\n`,
      'x-a: &self\n  b: *self\n',
      'services: *nowhere\n',
      '<<: *missing\n',
      'x: &d {a: 1}\ny:\n  <<: [*d, *d, *d]\n',
    ];
    const i = s.lastIndexOf('\n', at(r, s)) + 1;
    return s.slice(0, i) + pick(r, choices) + s.slice(i);
  },
  lines: (r, s) => {
    const ls = s.split('\n');
    for (let n = 1 + Math.floor(r() * 4); n > 0; n--) {
      const i = Math.floor(r() * ls.length);
      const j = Math.floor(r() * ls.length);
      [ls[i], ls[j]] = [ls[j] as string, ls[i] as string];
    }
    return ls.join('\n');
  },
};

const TARGETS: Record<string, (text: string) => { diagnostics: readonly Diagnostic[] } | { diagnostics?: readonly Diagnostic[] }> = {
  importAny: (t) => importAny(t, { file: 'fuzz.yaml' }),
  importCompose: (t) => importCompose(t, { file: 'compose.yaml' }),
  importKubernetes: (t) => importKubernetes(t, { file: 'k8s.yaml' }),
  loadBlueprint: (t) => loadBlueprint(t, { file: 'fuzz.blueprint.yaml' }),
};

describe('fuzz: mutated corpus files through the importers and the blueprint loader', () => {
  it('finds the corpus (fixtures and examples ship with the repository)', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
  });

  it(`no exception and no hang: each call under ${CALL_BOUND_MS} ms, the run bounded at ${RUN_BUDGET_MS} ms`, () => {
    const r = rng(SEED);
    const started = performance.now();
    const seen: Record<string, number> = {};
    let rounds = 0;
    let slowest = 0;
    while (rounds < MAX_ROUNDS && performance.now() - started < RUN_BUDGET_MS) {
      rounds++;
      const file = pick(r, corpus);
      const kind = pick(r, Object.keys(MUTATIONS));
      let text = (MUTATIONS[kind] as (r: Rand, s: string) => string)(r, file.text);
      if (r() < 0.3) text = (MUTATIONS[pick(r, Object.keys(MUTATIONS))] as (r: Rand, s: string) => string)(r, text);
      for (const [target, run] of Object.entries(TARGETS)) {
        const t0 = performance.now();
        let out: { diagnostics?: readonly Diagnostic[] } | undefined;
        let thrown: unknown;
        try {
          out = run(text);
        } catch (e) {
          thrown = e;
        }
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        const where = `seed ${SEED} round ${rounds} ${kind} of ${file.name} → ${target}: ${JSON.stringify(text.slice(0, 300))}`;
        if (thrown) throw new Error(`${where} threw ${(thrown as Error).stack ?? String(thrown)}`);
        expect(Array.isArray(out?.diagnostics), where).toBe(true);
        expect(ms, where).toBeLessThan(CALL_BOUND_MS);
      }
      seen[kind] = (seen[kind] ?? 0) + 1;
    }
    // Every mutation kind ran, on a fair number of inputs (a loaded machine still manages dozens).
    expect(Object.keys(seen).sort()).toEqual(Object.keys(MUTATIONS).sort());
    expect(rounds).toBeGreaterThanOrEqual(30);
    console.log(
      `fuzz: ${rounds} rounds × ${Object.keys(TARGETS).length} targets in ${Math.round(performance.now() - started)} ms, slowest call ${Math.round(slowest)} ms`,
    );
  }, 30_000);
});
