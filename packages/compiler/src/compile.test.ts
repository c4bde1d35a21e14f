import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compile, compileAll, TARGETS } from './compile';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '../test/golden');
const cases = readdirSync(goldenDir).filter((d) => existsSync(join(goldenDir, d, 'blueprint.yaml')));

describe('compileAll', () => {
  it.each(cases)('gives what compile() gives per target (%s)', (name) => {
    const loaded = loadBlueprint(readFileSync(join(goldenDir, name, 'blueprint.yaml'), 'utf8'));
    const bp = loaded.blueprint;
    if (!bp) throw new Error(`${name} does not load`);
    expect(compileAll(bp, TARGETS, { kubernetesVersion: '1.28' })).toEqual(
      TARGETS.map((t) => compile(bp, t, { kubernetesVersion: '1.28' })),
    );
    expect(compileAll(bp, ['kubernetes', 'compose'])).toEqual([compile(bp, 'kubernetes'), compile(bp, 'compose')]);
  });
});
