#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and starts what exists. Until the designer app
// and its server land (issues 3 and 4), what exists is the `blaupause` command line tool.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (label, args) => {
  console.log(`[start] ${label}`);
  const status = pnpm(args);
  if (status !== 0) {
    console.error(`[start] ${label} failed (exit ${status})`);
    process.exit(status);
  }
};

step('installing dependencies', ['install', '--frozen-lockfile', '--prefer-offline']);
step('building', ['run', '-r', '--if-present', 'build']);
const cli = join(root, 'packages', 'cli', 'bin', 'blaupause.mjs');
const r = spawnSync(process.execPath, [cli, '--help'], { stdio: 'inherit', cwd: root });
console.log(`
Blaupause is built. The command line tool is ready:
  npx blaupause validate examples/patterns.blueprint.yaml
  npx blaupause compile examples/seed-compose.blueprint.yaml --target kubernetes
  npx blaupause import some/compose.yaml -o app.blueprint.yaml
The designer app and its server are not part of this build yet.`);
process.exit(r.status ?? 1);
