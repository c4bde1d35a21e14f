import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from './dockerignore';

/** dockerode's own matcher (@balena/dockerignore, a port of Docker's), reached through dockerode for the comparison only. */
const fromHere = createRequire(import.meta.url);
const balena = createRequire(fromHere.resolve('dockerode'))('@balena/dockerignore') as (o: { ignorecase: boolean }) => {
  add(rules: string): { createFilter(): (p: string) => boolean };
};

const PATHS = [
  'Dockerfile',
  'a.txt',
  'notes.md',
  'docs/readme.md',
  'docs/deep/x.md',
  'node_modules/lodash/index.js',
  'src/node_modules/x.js',
  'src/app.ts',
  'src/app.test.ts',
  'build/out.js',
  'build/keep.js',
  '.git/HEAD',
  'a/b/c/d.log',
  'x.log',
  'file[1].txt',
  'temp1',
  'tempA',
];

const RULES = [
  'notes.md',
  '*.md',
  '**/*.md',
  'docs',
  'docs/',
  '/docs',
  './docs/*.md',
  'node_modules',
  '**/node_modules',
  'src/*.test.ts',
  'build\n!build/keep.js',
  '*\n!Dockerfile\n!src',
  '.git',
  '**/*.log\n!x.log',
  'a/**/d.log',
  'temp?',
  'temp[0-9]',
  'temp[^0-9]',
  '# comment\n\n  a.txt  ',
  '**',
  'docs/**',
];

describe('dockerignore rules', () => {
  it('agree with dockerode’s matcher on every pattern and path of the corpus', () => {
    for (const rules of RULES) {
      const theirs = balena({ ignorecase: false }).add(rules).createFilter();
      const ours = parseDockerignore(rules);
      for (const p of PATHS) expect([rules, p, isIgnored(ours, p)]).toEqual([rules, p, !theirs(p)]);
    }
  });

  it('ignores nothing without rules', () => {
    expect(PATHS.some((p) => isIgnored(parseDockerignore(''), p))).toBe(false);
  });
});
