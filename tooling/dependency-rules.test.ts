import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN §2: arrows point one way — model ← compiler ← engine ← server; web uses model, compiler
 * and the server's router type only; cli uses compiler and engine. This test keeps package.json
 * honest (pnpm then refuses any undeclared import); Biome's noRestrictedImports covers source.
 */
const ALLOWED: Record<string, string[]> = {
  '@blaupause/model': [],
  '@blaupause/compiler': ['@blaupause/model'],
  '@blaupause/engine': ['@blaupause/model', '@blaupause/compiler'],
  '@blaupause/server': ['@blaupause/model', '@blaupause/compiler', '@blaupause/engine'],
  '@blaupause/web': ['@blaupause/model', '@blaupause/compiler', '@blaupause/server'],
  '@blaupause/cli': ['@blaupause/model', '@blaupause/compiler', '@blaupause/engine'],
  '@blaupause/bench': ['@blaupause/model', '@blaupause/compiler', '@blaupause/engine'],
  '@blaupause/e2e': ['@blaupause/model', '@blaupause/compiler'],
};
const ISOMORPHIC = ['@blaupause/model', '@blaupause/compiler'];
const UI_OR_NODE = ['react', 'react-dom', '@xyflow/react', 'zustand', 'dockerode', '@trpc/server', '@trpc/client', '@types/node'];

const root = join(import.meta.dirname, '..');
const manifests = ['packages', 'apps']
  .flatMap((dir) => {
    try {
      return readdirSync(join(root, dir)).map((d) => join(root, dir, d, 'package.json'));
    } catch {
      return [];
    }
  })
  .concat([join(root, 'bench', 'package.json')])
  .flatMap((file) => {
    try {
      return [
        JSON.parse(readFileSync(file, 'utf8')) as {
          name: string;
          dependencies?: Record<string, string>;
          devDependencies?: Record<string, string>;
        },
      ];
    } catch {
      return [];
    }
  });

describe('package dependency rules', () => {
  it('finds the workspace packages', () => {
    expect(manifests.map((m) => m.name)).toEqual(expect.arrayContaining(['@blaupause/model', '@blaupause/compiler', '@blaupause/cli']));
  });

  for (const m of manifests) {
    it(`${m.name} depends only on the layers below it`, () => {
      expect(Object.keys(ALLOWED)).toContain(m.name);
      const ours = Object.keys({ ...m.dependencies, ...m.devDependencies }).filter((d) => d.startsWith('@blaupause/'));
      expect(ours.filter((d) => !ALLOWED[m.name]?.includes(d))).toEqual([]);
    });
  }

  for (const name of ISOMORPHIC) {
    it(`${name} has no UI, engine or Node runtime dependency`, () => {
      const m = manifests.find((x) => x.name === name);
      expect(m).toBeDefined();
      expect(Object.keys(m?.dependencies ?? {}).filter((d) => UI_OR_NODE.includes(d))).toEqual([]);
    });
  }
});
