#!/usr/bin/env node
// A real Podman for the podman-kube driver's tests (DESIGN §8: never a mock of it) and the local
// test image, built from Debian's busybox-static so no registry is needed.
//
//   ensurePodman()       the libpod REST API on PODMAN_SOCKET / /run/podman/podman.sock when it
//                        answers _ping; otherwise installs `podman catatonit` with apt if podman is
//                        missing, writes /etc/containers/containers.conf with raised default ulimits
//                        when that file is absent (this sandbox's limits need it), and starts
//                        `podman system service --time=0 unix://<socket>` in the background.
//                        Returns { started, socket, stop() }: stop() ends only a service this call started.
//   ensurePodmanImages() imports blaupause-test/busybox:1 (the same rootfs as scripts/docker-env.mjs)
//                        into Podman's store with `podman import` (cached).
//
// Standalone for people: `node scripts/podman-env.mjs up` (service + image, left running) and
// `node scripts/podman-env.mjs down` (stops the service that `up` started, found by its pid file).
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
import { dirname, join } from 'node:path';

export const TEST_IMAGE = 'blaupause-test/busybox:1';
export const DEFAULT_PODMAN_SOCKET = '/run/podman/podman.sock';
const CONTAINERS_CONF = '/etc/containers/containers.conf';
const UP_PIDFILE = join(tmpdir(), 'blaupause-podman-service.pid');
const START_LOCK = join(tmpdir(), 'blaupause-podman-start.lock');
const BUSYBOX = '/bin/busybox';

/** The socket the driver and tests talk to: PODMAN_SOCKET (a path or unix:// URL), else the default. */
export function podmanSocket() {
  const s = process.env.PODMAN_SOCKET;
  if (s?.startsWith('unix://')) return s.slice('unix://'.length);
  return s || DEFAULT_PODMAN_SOCKET;
}

/** True when the API on `socket` answers GET /_ping with OK. */
export function ping(socket = podmanSocket(), timeoutMs = 2000) {
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
  // With recommends, as the machine notes say works (rootful networking, fuse-overlayfs, slirp4netns).
  const args = ['install', '-y', ...packages];
  let r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  }
  if (r.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed (exit ${r.status})`);
}

/**
 * This sandbox's hard limits are below Podman's built-in default ulimits (nofile 1048576), so every
 * container start fails with "setrlimit ... operation not permitted" unless containers.conf lowers
 * them. An existing file is the machine owner's: it is left alone.
 */
export function ensureContainersConf(path = CONTAINERS_CONF) {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '[containers]\ndefault_ulimits = ["nofile=10000:10000","nproc=10000:10000"]\n');
  return true;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** Starts `podman system service --time=0` on `socket`, detached, and waits until it answers. */
export async function startPodmanService(socket = podmanSocket(), timeoutMs = 60_000) {
  const podman = which('podman');
  if (!podman) throw new Error('podman not found (apt-get install podman catatonit)');
  mkdirSync(dirname(socket), { recursive: true });
  const logFile = join(mkdtempSync(join(tmpdir(), 'blaupause-podman-')), 'service.log');
  const out = openSync(logFile, 'a');
  const child = spawn(podman, ['system', 'service', '--time=0', `unix://${socket}`], { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(socket, 1000))) {
    if (exited || Date.now() > deadline) {
      await stopPid(child.pid);
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`podman system service did not answer on ${socket} (${exited ? 'it exited' : 'timeout'}); log ${logFile}:\n${tail}`);
    }
    await sleep(250);
  }
  return { pid: child.pid, socket, logFile, stop: () => stopPid(child.pid) };
}

function takeStartLock() {
  try {
    if (Date.now() - statSync(START_LOCK).mtimeMs > 120_000) rmSync(START_LOCK, { force: true });
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

/**
 * Podman's API for the tests: the running service if it answers, else one started here (test files
 * run in parallel: a lock file lets one of them start it while the others wait for it to answer).
 */
export async function ensurePodman() {
  const socket = podmanSocket();
  if (await ping(socket)) return { started: false, socket, stop: async () => {} };
  if (!takeStartLock()) {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (await ping(socket)) return { started: false, socket, stop: async () => {} };
      await sleep(250);
    }
    throw new Error(`another process is starting the podman service (${START_LOCK}) and it did not answer within 90 s`);
  }
  try {
    if (!which('podman')) aptInstall(['podman', 'catatonit']);
    ensureContainersConf();
    const s = await startPodmanService(socket);
    return { started: true, socket, pid: s.pid, logFile: s.logFile, stop: s.stop };
  } finally {
    rmSync(START_LOCK, { force: true });
  }
}

function applets() {
  const r = spawnSync(BUSYBOX, ['--list'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${BUSYBOX} --list failed`);
  return r.stdout.split('\n').filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox');
}

/** Imports the busybox test image into Podman's store once (skips when the tag exists). */
export async function ensurePodmanImages() {
  if (spawnSync('podman', ['image', 'exists', TEST_IMAGE]).status === 0) return { built: false, image: TEST_IMAGE };
  if (!existsSync(BUSYBOX)) aptInstall(['busybox-static']);
  const dir = mkdtempSync(join(tmpdir(), 'blaupause-podman-rootfs-'));
  try {
    for (const d of ['bin', 'etc', 'www', 'tmp', 'data', 'root']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'bin', 'busybox'), readFileSync(BUSYBOX), { mode: 0o755 });
    writeFileSync(join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
    writeFileSync(join(dir, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
    writeFileSync(join(dir, 'www', 'index.html'), '<h1>blaupause test</h1>\n');
    for (const a of applets()) symlinkSync('busybox', join(dir, 'bin', a));
    const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const imp = spawn(
      'podman',
      ['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/bin', '--change', 'WORKDIR /', '-', TEST_IMAGE],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    tar.stdout.pipe(imp.stdin);
    let err = '';
    imp.stderr.on('data', (c) => {
      err += c;
    });
    const code = await new Promise((r) => imp.on('close', r));
    // Parallel callers may import at once; the tag existing afterwards is what counts.
    if (code !== 0 && spawnSync('podman', ['image', 'exists', TEST_IMAGE]).status !== 0)
      throw new Error(`podman import ${TEST_IMAGE} failed: ${err.trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { built: true, image: TEST_IMAGE };
}

async function main(cmd) {
  if (cmd === 'up') {
    const env = await ensurePodman();
    if (env.started) writeFileSync(UP_PIDFILE, String(env.pid));
    console.log(
      env.started ? `podman service started on ${env.socket} (pid ${env.pid}, log ${env.logFile})` : `podman answers on ${env.socket}`,
    );
    const img = await ensurePodmanImages();
    console.log(`${img.image} ${img.built ? 'imported' : 'present'} in Podman's store`);
    return 0;
  }
  if (cmd === 'down') {
    if (!existsSync(UP_PIDFILE)) {
      console.log('no podman service started by `up` (nothing to stop)');
      return 0;
    }
    const pid = Number(readFileSync(UP_PIDFILE, 'utf8'));
    await stopPid(pid);
    rmSync(UP_PIDFILE, { force: true });
    console.log(`podman service ${pid} stopped`);
    return 0;
  }
  console.error('usage: node scripts/podman-env.mjs up|down');
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
