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
  // CommonJS dependencies (dockerode, its ssh2) call require() and read __dirname; an ESM bundle has neither.
  banner: {
    js: [
      "import { createRequire as __bpRequire } from 'node:module';",
      "import { fileURLToPath as __bpPath } from 'node:url';",
      "import { dirname as __bpDirname } from 'node:path';",
      'const require = __bpRequire(import.meta.url);',
      'const __filename = __bpPath(import.meta.url);',
      'const __dirname = __bpDirname(__filename);',
    ].join(' '),
  },
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
