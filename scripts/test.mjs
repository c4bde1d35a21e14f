#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every check and test, and ends with one line
// "N passed, N failed" (what CI reads). Each gate (install, typecheck, lint, generated files) counts
// as one check; every Vitest test counts as one. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDemoImages } from './demo-images.mjs';
import { ensureDocker, ensureTestImages, sweepTestLeftovers } from './docker-env.mjs';
import { aptInstall } from './env-common.mjs';
import { ensurePnpm } from './pnpm.mjs';
import { ensurePodman, ensurePodmanImages } from './podman-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, opts = {}) {
  console.log(`\n━━ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status === 0;
}

function gate(label, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  console.log(`${ok ? '✔' : '✘'} ${label}`);
  return ok;
}

const pnpm = ensurePnpm();
/** The engines set up for the tests; each stopped at the end when this run started it. */
let engine;
let podman;
const pn = (label, args) => run(label, process.execPath, [pnpm, ...args]);

const installed = gate('install (pnpm install --frozen-lockfile)', pn('install', ['install', '--frozen-lockfile', '--prefer-offline']));
if (installed) {
  gate(
    'typecheck (tsc, every package)',
    pn('typecheck', ['-r', '--workspace-concurrency=1', 'typecheck']) &&
      pn('typecheck tooling', ['exec', 'tsc', '-p', 'tooling/tsconfig.json']),
  );
  gate('lint and format (biome ci)', pn('lint', ['exec', 'biome', 'ci', '.']));
  gate('generated files are current', pn('generated files', ['run', '-r', '--if-present', 'check:generated']));

  // Integration and e2e tests deploy to a real engine (DESIGN §8): the one that answers, else
  // docker.io installed and dockerd started here (and stopped at the end), plus local test images.
  engine = await setUpEngine();
  // The podman-kube target's tests play Kubernetes YAML on Podman's API service (apt podman when missing).
  podman = await setUpPodman();
  gate('kubectl (for kubectl kustomize)', ensureKubectl());

  const out = mkdtempSync(join(tmpdir(), 'blaupause-vitest-'));
  const report = join(out, 'report.json');
  pn('unit and integration tests (vitest)', [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A file that fails to load has no tests but is still a failure.
    const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
    failed += broken.length;
    for (const f of r.testResults)
      for (const a of f.assertionResults) if (a.status === 'failed') failures.push(`${f.name.replace(`${root}/`, '')} › ${a.fullName}`);
    for (const f of broken) failures.push(`${f.name.replace(`${root}/`, '')} (did not load: ${f.message.split('\n')[0]})`);
    if (r.numTotalTests === 0) gate('vitest found tests', false);
  } else gate('vitest produced a report', false);
  rmSync(out, { recursive: true, force: true });

  if (existsSync(join(root, 'e2e', 'package.json'))) runEndToEnd();
}

async function setUpEngine() {
  console.log('\n━━ docker engine and test images');
  try {
    const e = await ensureDocker();
    const img = await ensureTestImages(e.socket);
    const demo = await ensureDemoImages(e.socket);
    console.log(
      `${e.started ? 'dockerd started' : 'engine answers'} on ${e.socket}; ${img.image} ${img.built ? 'built' : 'present'}; ${demo.image} ${demo.built ? 'built' : 'present'}`,
    );
    gate('docker engine and test images', true);
    await sweepLeftovers(e);
    return e;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    gate('docker engine and test images', false);
    return undefined;
  }
}

/**
 * What interrupted earlier test runs left on the engine (containers, networks, volumes tests created;
 * never a user's: scripts/docker-env.mjs selectLeftovers), removed and listed. Not a gate: a
 * leftover that cannot be removed is reported and the tests run anyway.
 */
async function sweepLeftovers(e) {
  try {
    const { removed, failed } = await sweepTestLeftovers(e.socket, { engineStartedHere: e.started });
    console.log(`leftovers of earlier test runs: ${removed.length} removed${failed.length ? `, ${failed.length} could not be` : ''}`);
    for (const r of removed) console.log(`  removed ${r.kind} ${r.name} (${r.why})`);
    for (const r of failed) console.log(`  could not remove ${r.kind} ${r.name}: ${r.error}`);
  } catch (err) {
    console.error(`sweeping leftovers of earlier test runs failed: ${err instanceof Error ? err.message : err}`);
  }
}

async function setUpPodman() {
  console.log('\n━━ podman service and test image');
  try {
    const p = await ensurePodman();
    const img = await ensurePodmanImages();
    console.log(
      `${p.started ? 'podman service started' : 'podman answers'} on ${p.socket}; ${img.image} ${img.built ? 'imported' : 'present'}`,
    );
    gate('podman service and test image', true);
    return p;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    gate('podman service and test image', false);
    return undefined;
  }
}

/** Playwright in Debian's Chromium against the built app; every test counts. */
function runEndToEnd() {
  if (!gate('system packages (Debian chromium)', ensureChromium())) return;
  if (!gate('build the designer app', pn('build web', ['--filter', '@blaupause/web', 'build']))) return;
  gate('initial JavaScript ≤ 200 KiB gzip', run('bundle budget', process.execPath, ['apps/web/scripts/check-bundle.mjs']));
  // A collapse check of the benchmarks: ratios against anchors measured in the same run (never absolute times).
  if (gate("docker-compose v1 (the deploy benchmarks' anchor)", ensureDockerCompose()))
    gate('benchmarks: bench:smoke (ratios against same-run anchors)', pn('bench smoke', ['--filter', '@blaupause/bench', 'bench:smoke']));
  const out = mkdtempSync(join(tmpdir(), 'blaupause-e2e-'));
  const report = join(out, 'report.json');
  run('end-to-end tests (playwright, chromium)', process.execPath, [pnpm, '--filter', '@blaupause/e2e', 'test'], {
    env: { ...process.env, PW_JSON_OUTPUT: report, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.stats.expected + r.stats.flaky;
    failed += r.stats.unexpected;
    const walk = (suite, trail) => {
      for (const spec of suite.specs ?? []) if (!spec.ok) failures.push(`e2e › ${[...trail, spec.title].join(' › ')}`);
      for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
    };
    for (const s of r.suites ?? []) walk(s, [s.title]);
    if (r.stats.expected + r.stats.unexpected + r.stats.flaky === 0) gate('playwright found tests', false);
    if ((r.errors ?? []).length > 0) gate(`playwright ran cleanly (${r.errors[0].message?.split('\n')[0]})`, false);
  } else gate('playwright produced a report', false);
  rmSync(out, { recursive: true, force: true });
}

/** A Debian package set when `present()` says it is missing (CI runs as root); whether it is there afterwards. */
function ensureApt(label, packages, present) {
  if (present()) return true;
  console.log(`[setup] installing Debian ${label} with apt-get`);
  try {
    aptInstall(packages);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
  }
  return present();
}

/** Debian's docker-compose 1.29.2, the anchor the deploy benchmarks compare against. */
function ensureDockerCompose() {
  return ensureApt('docker-compose', ['docker-compose'], () => existsSync('/usr/bin/docker-compose'));
}

/** kubectl for the Kustomize export's tests (`kubectl kustomize`); Debian's kubernetes-client when missing. */
function ensureKubectl() {
  const present = () => spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
  return ensureApt('kubernetes-client (kubectl)', ['kubernetes-client'], present);
}

/** Debian's Chromium (never a downloaded browser). */
function ensureChromium() {
  return ensureApt('chromium', ['chromium', 'fonts-dejavu-core'], () => existsSync('/usr/bin/chromium'));
}

if (podman?.started) {
  console.log('\n━━ stopping the podman service this run started');
  await podman.stop();
}

if (engine?.started) {
  console.log('\n━━ stopping the dockerd this run started');
  await engine.stop();
}

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  ✘ ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
