#!/usr/bin/env node
// A real Docker engine for the integration tests (DESIGN §8: never a mock of it) and the local test
// images they run, built from Debian's busybox-static so no registry is needed.
//
//   ensureDocker()      the engine at DOCKER_HOST / /var/run/docker.sock when it answers _ping;
//                       otherwise installs docker.io + busybox-static if dockerd is missing and
//                       starts dockerd in the background. Returns { started, socket, stop() }:
//                       stop() ends only a dockerd this call started.
//   ensureTestImages()  builds blaupause-test/busybox:1 by `docker import` of a tar holding
//                       /bin/busybox, its applet links, /etc/passwd and /www/index.html (cached).
//   startDockerd(opts)  a dockerd of its own (socket, data-root, exec-root, network namespace),
//                       for tests that must restart an engine without disturbing the shared one.
//
// Standalone for people: `node scripts/docker-env.mjs up` (engine + images, left running) and
// `node scripts/docker-env.mjs down` (stops the dockerd that `up` started, found by its pid file).
// No shell anywhere: every process is spawned with an argv array.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_IMAGE = 'blaupause-test/busybox:1';
const DEFAULT_SOCKET = '/var/run/docker.sock';
/** Where `up` records the dockerd it started, so `down` stops that one and nothing else. */
const UP_PIDFILE = join(tmpdir(), 'blaupause-dockerd.pid');
const BUSYBOX = '/bin/busybox';

/** The unix socket the tests talk to: DOCKER_HOST when it names one, else the default. */
export function dockerSocket() {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return host.slice('unix://'.length);
  return DEFAULT_SOCKET;
}

/** True when the Engine API on `socket` answers GET /_ping with OK. */
export function ping(socket = dockerSocket(), timeoutMs = 2000) {
  return new Promise((resolve) => {
    if (!existsSync(socket)) return resolve(false);
    const req = request({ socketPath: socket, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'OK'));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function which(cmd) {
  for (const dir of (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':').concat(['/usr/sbin', '/sbin'])) {
    const p = join(dir, cmd);
    if (existsSync(p)) return p;
  }
  return undefined;
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const args = ['install', '-y', '--no-install-recommends', ...packages];
  let r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    // A fresh machine may have no package lists yet.
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  }
  if (r.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed (exit ${r.status})`);
}

/**
 * Starts a dockerd in the background, detached so it outlives a short-lived caller (`up`).
 * Options let a test run a second, private daemon: its own socket, data-root, exec-root and
 * address pool, so its networks never collide with the shared engine's.
 */
export async function startDockerd(opts = {}) {
  const dockerd = which('dockerd');
  if (!dockerd) throw new Error('dockerd not found (apt-get install docker.io)');
  const socket = opts.socket ?? DEFAULT_SOCKET;
  const logFile = opts.logFile ?? join(mkdtempSync(join(tmpdir(), 'blaupause-dockerd-')), 'dockerd.log');
  const args = [`--host=unix://${socket}`];
  if (opts.dataRoot) args.push(`--data-root=${opts.dataRoot}`);
  if (opts.execRoot) args.push(`--exec-root=${opts.execRoot}`);
  if (opts.pidFile) args.push(`--pidfile=${opts.pidFile}`);
  // A second daemon beside the shared one lives in a network namespace of its own: dockerd deletes
  // and creates host interfaces (with --bridge=none, or restarting after a crash, it deletes
  // "docker0"), which in the host namespace would break the shared engine's default network.
  if (opts.bridge === 'none' && !opts.netns) throw new Error('startDockerd: --bridge=none deletes the host docker0; use netns');
  if (opts.bridge) args.push(`--bridge=${opts.bridge}`);
  if (opts.addressPool) args.push(`--default-address-pool=base=${opts.addressPool},size=24`);
  if (opts.iptables === false) args.push('--iptables=false');
  args.push(...(opts.extraArgs ?? []));
  const out = openSync(logFile, 'a');
  if (opts.netns) ensureNetns(opts.netns);
  // nsenter switches only the network namespace and execs dockerd in place (the pid is dockerd's);
  // `ip netns exec` would also remount /sys, hiding the cgroup mounts dockerd needs.
  const [cmd, argv] = opts.netns ? ['nsenter', [`--net=/run/netns/${opts.netns}`, dockerd, ...args]] : [dockerd, args];
  const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  while (!(await ping(socket, 1000))) {
    if (exited || Date.now() > deadline) {
      killPid(pid);
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`dockerd did not answer on ${socket} (${exited ? 'it exited' : 'timeout'}); log ${logFile}:\n${tail}`);
    }
    await sleep(250);
  }
  return { pid, socket, logFile, stop: () => stopPid(pid) };
}

/** A named network namespace (kept across daemon restarts) with its loopback up. */
function ensureNetns(name) {
  if (!existsSync(`/run/netns/${name}`)) {
    const r = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ip netns add ${name} failed: ${r.stderr.trim()}`);
  }
  spawnSync('nsenter', [`--net=/run/netns/${name}`, 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' });
}

/** Deletes a namespace made for a second dockerd (after that daemon has stopped). */
export function removeNetns(name) {
  spawnSync('ip', ['netns', 'delete', name], { stdio: 'ignore' });
}

function killPid(pid, signal = 'SIGTERM') {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after 20 s: dockerd stops its containers first, which takes a moment. */
async function stopPid(pid) {
  if (!killPid(pid)) return;
  const deadline = Date.now() + 20_000;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) killPid(pid, 'SIGKILL');
}

/**
 * An engine for the tests: the running one if it answers, else one started here. Test files run
 * in parallel and may all get here at once: a lock file lets one of them start dockerd while the
 * others wait for it to answer (a lock older than START_LOCK_STALE_MS is left over and ignored).
 */
export async function ensureDocker() {
  const socket = dockerSocket();
  if (await ping(socket)) return { started: false, socket, stop: async () => {} };
  if (socket !== DEFAULT_SOCKET)
    throw new Error(`DOCKER_HOST=${process.env.DOCKER_HOST} does not answer; unset it to let the tests start dockerd`);
  if (!takeStartLock()) {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (await ping(socket)) return { started: false, socket, stop: async () => {} };
      await sleep(250);
    }
    throw new Error(`another process is starting dockerd (${START_LOCK}) and it did not answer within 90 s`);
  }
  try {
    if (!which('dockerd')) aptInstall(['docker.io', 'busybox-static']);
    const d = await startDockerd({ socket });
    return { started: true, socket, pid: d.pid, logFile: d.logFile, stop: d.stop };
  } finally {
    rmSync(START_LOCK, { force: true });
  }
}

const START_LOCK = join(tmpdir(), 'blaupause-dockerd-start.lock');
const START_LOCK_STALE_MS = 120_000;

function takeStartLock() {
  try {
    if (Date.now() - statSync(START_LOCK).mtimeMs > START_LOCK_STALE_MS) rmSync(START_LOCK, { force: true });
  } catch {
    // no lock yet
  }
  try {
    closeSync(openSync(START_LOCK, 'wx'));
    return true;
  } catch {
    return false;
  }
}

function docker(args, opts = {}) {
  return spawnSync('docker', args, { encoding: 'utf8', ...opts });
}

/** The busybox applets, as busybox itself lists them. */
function applets() {
  const r = spawnSync(BUSYBOX, ['--list'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${BUSYBOX} --list failed`);
  return r.stdout.split('\n').filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox');
}

/** Builds the test images once per engine (skips when the tag exists). */
export async function ensureTestImages(socket = dockerSocket()) {
  return ensureBusyboxImage(TEST_IMAGE, socket);
}

/**
 * A local image made of the host's static busybox (one symlink per applet, so `sh`, `httpd`,
 * `wget` resolve as in the busybox image) plus what `addFiles(rootDir)` puts in; `docker import`ed
 * under `image` unless that tag exists. No registry, no Dockerfile.
 */
export async function ensureBusyboxImage(image, socket = dockerSocket(), addFiles = () => {}) {
  const env = { ...process.env, DOCKER_HOST: `unix://${socket}` };
  if (docker(['image', 'inspect', image], { env }).status === 0) return { built: false, image };
  if (!existsSync(BUSYBOX)) aptInstall(['busybox-static']);
  const file = spawnSync('file', ['-b', BUSYBOX], { encoding: 'utf8' });
  if (file.status === 0 && !/statically linked|static-pie/.test(file.stdout))
    throw new Error(`${BUSYBOX} is not static (apt-get install busybox-static)`);

  const dir = mkdtempSync(join(tmpdir(), 'blaupause-rootfs-'));
  try {
    for (const d of ['bin', 'etc', 'www', 'tmp', 'data', 'root']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'bin', 'busybox'), readFileSync(BUSYBOX), { mode: 0o755 });
    writeFileSync(join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
    writeFileSync(join(dir, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
    writeFileSync(join(dir, 'www', 'index.html'), '<h1>blaupause test</h1>\n');
    for (const a of applets()) symlinkSync('busybox', join(dir, 'bin', a));
    addFiles(dir);
    const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const imp = spawn(
      'docker',
      ['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/bin', '--change', 'WORKDIR /', '-', image],
      { stdio: ['pipe', 'ignore', 'pipe'], env },
    );
    tar.stdout.pipe(imp.stdin);
    let err = '';
    imp.stderr.on('data', (c) => {
      err += c;
    });
    const code = await new Promise((r) => imp.on('close', r));
    if (code !== 0) throw new Error(`docker import ${image} failed: ${err.trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { built: true, image };
}

async function main(cmd) {
  if (cmd === 'up') {
    const env = await ensureDocker();
    if (env.started) writeFileSync(UP_PIDFILE, String(env.pid));
    console.log(env.started ? `dockerd started (pid ${env.pid}, log ${env.logFile})` : `engine already answers on ${env.socket}`);
    const img = await ensureTestImages(env.socket);
    console.log(`${img.image} ${img.built ? 'built' : 'present'}`);
    return 0;
  }
  if (cmd === 'down') {
    if (!existsSync(UP_PIDFILE)) {
      console.log('no dockerd started by `up` (nothing to stop)');
      return 0;
    }
    const pid = Number(readFileSync(UP_PIDFILE, 'utf8'));
    await stopPid(pid);
    rmSync(UP_PIDFILE, { force: true });
    console.log(`dockerd ${pid} stopped`);
    return 0;
  }
  console.error('usage: node scripts/docker-env.mjs up|down');
  return 2;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
