import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile';
import { importCompose } from '../src/import';

const root = join(import.meta.dirname, '..', '..', '..');

describe('importing Compose that Blaupause wrote', () => {
  it('gives back the pods with their roles, without notes about helpers', () => {
    const loaded = loadBlueprint(readFileSync(join(root, 'examples', 'patterns.blueprint.yaml'), 'utf8'));
    expect(loaded.blueprint).toBeDefined();
    const bp = loaded.blueprint as NonNullable<typeof loaded.blueprint>;
    const compose = compile(bp, 'compose').files[0]?.content ?? '';
    const back = importCompose(compose, { file: 'patterns.compose.yaml' });
    expect(back.ok).toBe(true);
    const roles = (svc: string, b: typeof bp) =>
      Object.fromEntries(Object.entries(b.services[svc]?.containers ?? {}).map(([n, c]) => [n, c.role]));
    expect(back.ok && roles('web', back.value)).toEqual(roles('web', bp));
    expect(back.diagnostics.filter((d) => d.message.includes('shares the network'))).toEqual([]);
    expect(back.diagnostics.filter((d) => d.path.includes('labels'))).toEqual([]);
  });
});
