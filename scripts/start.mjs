#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and serves the designer app and its API on loopback.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDemoImages } from './demo-images.mjs';
import { dockerSocket, ping } from './docker-env.mjs';
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
// The runnable pattern templates use a small local image (no registry): made now when an engine answers.
if (await ping(dockerSocket())) {
  try {
    const demo = await ensureDemoImages();
    if (demo.built) console.log(`[start] built the demo image ${demo.image}`);
  } catch (e) {
    console.log(`[start] the demo image could not be built (${e instanceof Error ? e.message : e}); the runnable templates need it`);
  }
}
// One Node process serves the built app and the API on loopback (apps/server): it prints the URL
// with the per-launch token, refuses a taken port with a clear message, and takes --port N / PORT.
console.log('[start] the command line tool: npx blaupause --help');
const r = spawnSync(process.execPath, [join(root, 'apps', 'server', 'dist', 'server.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
