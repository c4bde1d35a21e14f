#!/usr/bin/env node
// Initial JavaScript budget of the canvas route (issue 3: ≤ 200 KiB gzip; performance anchors E1).
// Reads a production build (dist/index.html and dist/.vite/manifest.json) and sums the gzip size of
// the JavaScript the page loads before it runs: the entry script, every chunk it imports statically
// (Vite's modulepreload links) — whatever is fetched only through import() is not initial. Also fails
// when an initial chunk carries monaco-editor (its source map names the modules). Prints the figures;
// exits 1 over budget.
//
//   node apps/web/scripts/check-bundle.mjs [--dist apps/web/dist] [--budget-kib 200]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KIB = 200;

/** gzip size at the level web servers commonly use (zlib's default, 6). */
export const gzipBytes = (buf) => gzipSync(buf).length;

/**
 * The initial JavaScript of a build: the module scripts and modulepreloads of index.html, closed
 * over the manifest's static imports (in case a preload link is missing). Paths relative to dist.
 */
export function initialScripts(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = tag.match(/\b(?:src|href)="([^"]+)"/)?.[1];
    if ((isModule || isPreload) && url && !/^[a-z]+:|^\/\//i.test(url)) files.add(url.replace(/^\.?\//, ''));
  }
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
    const queue = [...files];
    while (queue.length > 0) {
      const chunk = byFile.get(queue.pop());
      for (const key of chunk?.imports ?? []) {
        const file = manifest[key]?.file;
        if (file && !files.has(file)) {
          files.add(file);
          queue.push(file);
        }
      }
    }
  }
  return [...files].filter((f) => f.endsWith('.js')).sort();
}

/** Sizes of the initial scripts, whether any carries Monaco, and the worker chunks for information. */
export function measure(dist) {
  const scripts = initialScripts(dist).map((file) => {
    const buf = readFileSync(join(dist, file));
    const mapPath = join(dist, `${file}.map`);
    const sources = existsSync(mapPath) ? (JSON.parse(readFileSync(mapPath, 'utf8')).sources ?? []) : [];
    return { file, bytes: buf.length, gzip: gzipBytes(buf), monaco: sources.some((s) => s.includes('monaco-editor')) };
  });
  const assets = join(dist, 'assets');
  const workers = (existsSync(assets) ? readdirSync(assets) : [])
    .filter((f) => /\.worker-[^/]*\.js$/.test(f))
    .map((f) => ({ file: `assets/${f}`, gzip: gzipBytes(readFileSync(join(assets, f))) }));
  return { scripts, totalGzip: scripts.reduce((n, s) => n + s.gzip, 0), workers };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const dist = arg('--dist', join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const budget = Number(arg('--budget-kib', String(BUDGET_KIB))) * 1024;
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`no build at ${relative(process.cwd(), dist) || dist}: run the web build first`);
    return 1;
  }
  const { scripts, totalGzip, workers } = measure(dist);
  console.log('initial JavaScript of the canvas route (gzip):');
  for (const s of scripts) console.log(`  ${kib(s.gzip).padStart(10)}  ${s.file}${s.monaco ? '  ← monaco-editor!' : ''}`);
  console.log(`  ${kib(totalGzip).padStart(10)}  total, budget ${kib(budget)} (${((100 * totalGzip) / budget).toFixed(0)} %)`);
  for (const w of workers) console.log(`  (worker, not initial: ${kib(w.gzip)} ${w.file})`);
  const monaco = scripts.filter((s) => s.monaco);
  if (monaco.length > 0) console.error(`✘ monaco-editor is in the initial chunks: ${monaco.map((s) => s.file).join(', ')}`);
  if (totalGzip > budget) console.error(`✘ initial JavaScript ${kib(totalGzip)} is over the budget of ${kib(budget)}`);
  if (scripts.length === 0) console.error('✘ index.html loads no module script');
  return monaco.length === 0 && totalGzip <= budget && scripts.length > 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
