#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and serves the designer app on loopback.
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
// The designer app is served by Vite's preview server on loopback only (the deploy backend with its
// own server arrives with issue 4). --strictPort: a taken port is an error, not a silent other port.
const port = process.env.PORT ?? '5173';
console.log(`[start] serving the designer on http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
console.log('[start] the command line tool: npx blaupause --help');
const r = spawnSync(
  process.execPath,
  [join(root, 'apps', 'web', 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'],
  {
    stdio: 'inherit',
    cwd: join(root, 'apps', 'web'),
  },
);
process.exit(r.status ?? 1);
