#!/usr/bin/env node
// The image of the runnable pattern templates (sidecar, ambassador, adapter): the busybox test
// image plus the scripts in examples/demo-image, under /demo. Built locally with `docker import`
// (no registry); `npm start` and `npm test` call ensureDemoImages() when a Docker engine answers.
//   node scripts/demo-images.mjs      builds it unless present (`--force`: again)
import { chmodSync, cpSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerSocket, ensureBusyboxImage } from './docker-env.mjs';
import { isMain } from './env-common.mjs';

export const DEMO_IMAGE = 'blaupause-demo/patterns:1';
const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'demo-image');

/** Copies examples/demo-image to /demo in the root file system, scripts executable. */
function addDemo(root) {
  const target = join(root, 'demo');
  cpSync(SOURCE, target, { recursive: true });
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(md|html)$/.test(name)) chmodSync(p, 0o755);
    }
  };
  walk(target);
}

export function ensureDemoImages(socket = dockerSocket()) {
  return ensureBusyboxImage(DEMO_IMAGE, socket, addDemo);
}

if (isMain(import.meta.url)) {
  if (process.argv.includes('--force')) {
    const { spawnSync } = await import('node:child_process');
    spawnSync('docker', ['image', 'rm', '-f', DEMO_IMAGE], { stdio: 'inherit' });
  }
  const r = await ensureDemoImages();
  console.log(`${r.image} ${r.built ? 'built' : 'present'}`);
}
