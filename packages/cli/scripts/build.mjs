#!/usr/bin/env node
// Bundles the CLI (and the model, compiler, engine, zod, yaml and dockerode it uses) into one ESM file, so the
// `blaupause` command starts without a TypeScript loader. bin/blaupause.mjs calls ensureBuilt()
// on every run: it rebuilds only when a source file is newer than the bundle.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesRoot = join(cliRoot, '..');
export const distFile = join(cliRoot, 'dist', 'blaupause.mjs');

/** Folders whose files end up in the bundle; a change to any of them makes the bundle stale. */
const sourceDirs = ['cli/src', 'model/src', 'compiler/src', 'engine/src'].map((d) => join(packagesRoot, d));
// Package manifests and the lockfile: a dependency bump (zod, yaml) changes the bundle too.
const extraSources = [
  fileURLToPath(import.meta.url),
  ...['cli', 'model', 'compiler', 'engine'].map((p) => join(packagesRoot, p, 'package.json')),
  join(packagesRoot, '..', 'pnpm-lock.yaml'),
];

function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0; // a package without src (not yet written) contributes nothing
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile() && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function mtimeOrZero(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when the bundle is missing or older than any file it is built from. */
export function isStale() {
  let built;
  try {
    built = statSync(distFile).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(...sourceDirs.map(newestMtime), ...extraSources.map(mtimeOrZero));
  return sources > built;
}

/** Builds the bundle. Writes to a temporary file and renames it, so a concurrent run never loads half a file. */
export async function build() {
  const esbuild = await import('esbuild'); // only needed when building, not on every run
  const result = await esbuild.build({
    entryPoints: [join(cliRoot, 'src', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: distFile,
    logLevel: 'silent',
    legalComments: 'none',
    // CommonJS dependencies (yaml's Node build, dockerode and its ssh2) call require() for Node
    // built-ins and read __dirname; an ESM bundle has neither, so the banner provides them.
    banner: {
      js: [
        "import { createRequire as __blaupauseCreateRequire } from 'node:module';",
        "import { fileURLToPath as __blaupausePath } from 'node:url';",
        "import { dirname as __blaupauseDirname } from 'node:path';",
        'const require = __blaupauseCreateRequire(import.meta.url);',
        'const __filename = __blaupausePath(import.meta.url);',
        'const __dirname = __blaupauseDirname(__filename);',
      ].join('\n'),
    },
    // ssh2 loads its optional native speed-ups (cpu-features, sshcrypto.node) in try/catch and falls
    // back to JavaScript: leave them out, so the bundle needs nothing but itself at run time.
    external: ['cpu-features', '*.node'],
  });
  const out = result.outputFiles.find((f) => f.path === distFile) ?? result.outputFiles[0];
  mkdirSync(dirname(distFile), { recursive: true });
  const tmp = `${distFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, out.contents);
  renameSync(tmp, distFile);
  return distFile;
}

/** Returns the bundle's path, building it first when it is missing or stale. */
export async function ensureBuilt() {
  if (isStale()) await build();
  return distFile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await build();
    console.log(`built ${distFile}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
