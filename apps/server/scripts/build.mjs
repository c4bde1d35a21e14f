#!/usr/bin/env node
// Bundles the server (and the model, compiler, engine, tRPC, sirv and zod it uses) into one ESM file,
// apps/server/dist/server.mjs, so `npm start` and `blaupause serve` run it with plain Node.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'server.mjs');
mkdirSync(dirname(out), { recursive: true });

const result = await build({
  entryPoints: [join(root, 'src', 'main.ts')],
  outfile: out,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  // CommonJS dependencies (dockerode and its ssh2) call require(); an ESM bundle needs one.
  banner: { js: "import { createRequire as __blaupauseRequire } from 'node:module'; const require = __blaupauseRequire(import.meta.url);" },
  // ssh2's optional native speed-ups are loaded in try/catch: leave them out, it falls back to JS.
  external: ['cpu-features', '*.node'],
  logLevel: 'warning',
});
// Written beside and renamed into place, so a server starting meanwhile never loads half a file.
for (const file of result.outputFiles) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}
console.log(`built ${out}`);
