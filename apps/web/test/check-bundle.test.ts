import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { gzipBytes, initialScripts, measure } from '../scripts/check-bundle.mjs';

const SCRIPT = fileURLToPath(new URL('../scripts/check-bundle.mjs', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A build as Vite writes it: an entry, a preloaded chunk, a chunk only the manifest names, a lazy chunk, a worker. */
function fakeDist(opts: { monacoInEntry?: boolean } = {}): string {
  const dist = mkdtempSync(join(tmpdir(), 'check-bundle-'));
  dirs.push(dist);
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  const js = (name: string, body: string, sources: string[] = [`src/${name}.ts`]) => {
    writeFileSync(join(dist, 'assets', `${name}.js`), body);
    writeFileSync(join(dist, 'assets', `${name}.js.map`), JSON.stringify({ version: 3, sources, mappings: '' }));
  };
  js(
    'index-a',
    'console.log("entry");'.repeat(200),
    opts.monacoInEntry ? ['node_modules/monaco-editor/esm/vs/editor/editor.api.js'] : undefined,
  );
  js('shared-b', 'export const b = 1;'.repeat(50));
  js('hidden-c', 'export const c = 2;'.repeat(30));
  js('lazy-d', 'export const d = Math.random();'.repeat(5000));
  js('analysis.worker-e', 'onmessage = () => {};'.repeat(100));
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><html><head>
    <script type="module" crossorigin src="./assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/shared-b.js">
    <link rel="stylesheet" crossorigin href="./assets/index.css">
    <link rel="icon" href="./favicon.svg"></head><body></body></html>`,
  );
  writeFileSync(
    join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_shared-b.js'], dynamicImports: ['src/lazy.ts'] },
      '_shared-b.js': { file: 'assets/shared-b.js', imports: ['_hidden-c.js'] },
      '_hidden-c.js': { file: 'assets/hidden-c.js' },
      'src/lazy.ts': { file: 'assets/lazy-d.js', isDynamicEntry: true, imports: ['_shared-b.js'] },
    }),
  );
  return dist;
}

describe('check-bundle (initial JavaScript budget)', () => {
  it('counts the entry, its preloads and their static imports, never lazy chunks or workers', () => {
    const dist = fakeDist();
    expect(initialScripts(dist)).toEqual(['assets/hidden-c.js', 'assets/index-a.js', 'assets/shared-b.js']);
    const m = measure(dist);
    const expected = ['index-a', 'shared-b', 'hidden-c'].reduce((n, f) => n + gzipBytes(readFileSync(join(dist, 'assets', `${f}.js`))), 0);
    expect(m.totalGzip).toBe(expected);
    expect(m.workers.map((w: { file: string }) => w.file)).toEqual(['assets/analysis.worker-e.js']);
    expect(m.scripts.some((s: { monaco: boolean }) => s.monaco)).toBe(false);
  });

  it('passes under the budget and fails over it, printing the total', () => {
    const dist = fakeDist();
    const ok = spawnSync(process.execPath, [SCRIPT, '--dist', dist], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/KiB {2}total, budget 200\.0 KiB/);
    const over = spawnSync(process.execPath, [SCRIPT, '--dist', dist, '--budget-kib', '0.01'], { encoding: 'utf8' });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('over the budget');
  });

  it('fails when monaco-editor is in an initial chunk, and when there is no build', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--dist', fakeDist({ monacoInEntry: true })], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('monaco-editor is in the initial chunks: assets/index-a.js');
    const none = spawnSync(process.execPath, [SCRIPT, '--dist', join(tmpdir(), 'no-such-dist-here')], { encoding: 'utf8' });
    expect(none.status).toBe(1);
  });
});
