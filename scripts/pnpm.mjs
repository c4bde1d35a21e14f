#!/usr/bin/env node
// Runs the pinned pnpm, installing it into .tools/ through npm when it is missing.
// corepack cannot be used on our machines (its signature check fails), so pnpm comes from npm.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PNPM_VERSION = '12.4.2';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, '.tools', 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');

export function ensurePnpm() {
  if (existsSync(bin)) return bin;
  console.log(`[setup] installing pnpm@${PNPM_VERSION} into .tools/ through npm`);
  const r = spawnSync(
    'npm',
    ['install', '--prefix', join(root, '.tools'), '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`],
    { stdio: 'inherit' },
  );
  if (r.status !== 0 || !existsSync(bin)) throw new Error('could not install pnpm through npm');
  return bin;
}

/** Runs pnpm with the given argv; returns the exit status. */
export function pnpm(args, opts = {}) {
  const r = spawnSync(process.execPath, [ensurePnpm(), ...args], { stdio: 'inherit', cwd: root, ...opts });
  return r.status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(pnpm(process.argv.slice(2)));
}
