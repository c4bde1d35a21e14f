import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Blueprint, type BlueprintInput, loadBlueprint, type Target } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compile, compileAll, contentPieces, TARGETS } from './compile';
import { createIncrementalCompiler } from './incremental/incremental';
import { lazyTextPieces } from './lazy-text';
import { plan } from './plan/plan';
import { composeEmitter } from './targets/compose/emit';
import { DEFAULT_KUBERNETES_VERSION, type Emitter } from './targets/emitter';
import { kubernetesEmitter } from './targets/kubernetes/emit';
import { swarmEmitter } from './targets/swarm/emit';
import { emitYamlDocuments } from './yaml';

/**
 * compile() returns its text as pieces joined when `content` is first read (lazy-text.ts). These
 * tests hold the pieces to the text the emitters' documents give when written eagerly in one go
 * (emitYamlDocuments, what compile() returned before), and the lazy file to a plain one as data.
 */

const emitters: Record<Target, Emitter> = { compose: composeEmitter, swarm: swarmEmitter, kubernetes: kubernetesEmitter };

/** The eager text and ranges of one target: the documents written and joined at once. */
function eager(bp: Blueprint, target: Target): { text: string; ranges: unknown } {
  const ctx = { plan: plan(bp), options: { kubernetesVersion: DEFAULT_KUBERNETES_VERSION }, note: () => undefined };
  const { text, ranges } = emitYamlDocuments(emitters[target].emit(ctx));
  return { text, ranges };
}

/** Enough services for the text to be written in many pieces (a piece is ~1,024 lines' parts). */
function large(n: number): Blueprint {
  const services: NonNullable<BlueprintInput['services']> = {};
  for (let i = 0; i < n; i++) {
    services[`svc-${i}`] = {
      replicas: 1 + (i % 3),
      ports: [{ port: 8080 }],
      links: i > 0 ? [{ to: `svc-${i - 1}`, env: 'UP_URL', protocol: 'http' }] : [],
      containers: {
        app: {
          image: `example/app-${i}:1.0`,
          env: { NAME: `svc-${i}`, QUOTED: 'a: "b" # c', ÜMLAUT: 'grüße 🙂' },
          args: ['--port', '8080'],
        },
        proxy: { role: 'sidecar', image: 'envoy:1.31' },
      },
    };
  }
  return Blueprint.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'lazy' }, services });
}

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '../test/golden');
const golden = readdirSync(goldenDir)
  .filter((d) => existsSync(join(goldenDir, d, 'blueprint.yaml')))
  .map((name) => {
    const bp = loadBlueprint(readFileSync(join(goldenDir, name, 'blueprint.yaml'), 'utf8')).blueprint;
    if (!bp) throw new Error(`${name} does not load`);
    return [name, bp] as const;
  });

describe('compile() text as pieces', () => {
  it.each([...golden, ['300 generated services', large(300)] as const])('pieces joined equal the eager text (%s)', (_, bp) => {
    for (const target of TARGETS) {
      const file = compile(bp, target).files[0];
      if (!file) throw new Error('no file');
      const pieces = contentPieces(file);
      const want = eager(bp, target);
      expect(pieces.join('')).toBe(want.text);
      expect(file.sourceMap).toEqual(want.ranges);
      expect(file.content).toBe(want.text);
      expect(contentPieces(file)).toBe(pieces); // reading the text leaves the pieces as they were
    }
  });

  it('writes a large text in many pieces and joins them only when read', () => {
    const [compose, kubernetes] = compileAll(large(300), ['compose', 'kubernetes']).map((r) => r.files[0]);
    if (!compose || !kubernetes) throw new Error('no file');
    expect(contentPieces(compose).length).toBeGreaterThan(5);
    expect(contentPieces(kubernetes).length).toBeGreaterThan(5);
    expect(lazyTextPieces(kubernetes, 'content')).toBe(contentPieces(kubernetes));
    expect(kubernetes.content).toBe(kubernetes.content); // joined once, the same string after
  });

  it('reads as a plain file: keys, JSON, spread, structured clone', () => {
    const file = compile(large(20), 'kubernetes').files[0];
    if (!file) throw new Error('no file');
    const plain = { path: file.path, content: contentPieces(file).join(''), sourceMap: file.sourceMap };
    expect(Object.keys(file)).toEqual(['path', 'content', 'sourceMap']);
    expect(JSON.stringify(file)).toBe(JSON.stringify(plain));
    expect({ ...file }).toEqual(plain);
    expect(structuredClone(file)).toEqual(plain);
    expect(file).toEqual(plain);
  });

  it('a plain string stands for its own single piece', () => {
    expect(contentPieces({ path: 'x.yaml', content: 'a: 1\n', sourceMap: [] })).toEqual(['a: 1\n']);
  });

  it('equals the incremental compiler (whose pieces are cut at kept services)', () => {
    const bp = large(60);
    const inc = createIncrementalCompiler();
    for (const target of TARGETS) {
      inc.compile(bp, target);
      const again = inc.compile(bp, target).files[0];
      const plainFile = compile(bp, target).files[0];
      if (!again || !plainFile) throw new Error('no file');
      expect(contentPieces(again).join('')).toBe(contentPieces(plainFile).join(''));
    }
  });
});
