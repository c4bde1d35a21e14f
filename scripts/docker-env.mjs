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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  answersPing,
  aptInstall,
  BUSYBOX,
  ensureService,
  importBusyboxRootfs,
  killPid,
  startDetached,
  stopPid,
  TEST_IMAGE,
  upDownCli,
  which,
} from './env-common.mjs';

export { TEST_IMAGE };

const DEFAULT_SOCKET = '/var/run/docker.sock';
/** Where `up` records the dockerd it started, so `down` stops that one and nothing else. */
const UP_PIDFILE = join(tmpdir(), 'blaupause-dockerd.pid');
const START_LOCK = join(tmpdir(), 'blaupause-dockerd-start.lock');
/** dockerd stops its containers before it exits, which takes a moment. */
const STOP_GRACE_MS = 20_000;

/** The unix socket the tests talk to: DOCKER_HOST when it names one, else the default. */
export function dockerSocket() {
  const host = process.env.DOCKER_HOST;
  if (host?.startsWith('unix://')) return host.slice('unix://'.length);
  return DEFAULT_SOCKET;
}

/** True when the Engine API on `socket` answers GET /_ping with OK. */
export function ping(socket = dockerSocket(), timeoutMs = 2000) {
  return answersPing(socket, timeoutMs);
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
  if (opts.netns) ensureNetns(opts.netns);
  // nsenter switches only the network namespace and execs dockerd in place (the pid is dockerd's);
  // `ip netns exec` would also remount /sys, hiding the cgroup mounts dockerd needs.
  const [cmd, argv] = opts.netns ? ['nsenter', [`--net=/run/netns/${opts.netns}`, dockerd, ...args]] : [dockerd, args];
  const pid = await startDetached(cmd, argv, {
    socket,
    logFile,
    timeoutMs: opts.timeoutMs ?? 60_000,
    what: 'dockerd',
    onFail: (p) => killPid(p),
  });
  return { pid, socket, logFile, stop: () => stopPid(pid, STOP_GRACE_MS) };
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

/**
 * An engine for the tests: the running one if it answers, else one started here. Test files run
 * in parallel and may all get here at once: a lock file lets one of them start dockerd while the
 * others wait for it to answer (a lock older than two minutes is left over and ignored).
 */
export async function ensureDocker() {
  const socket = dockerSocket();
  return ensureService({
    socket,
    lock: START_LOCK,
    what: 'dockerd',
    notStartable:
      socket === DEFAULT_SOCKET
        ? undefined
        : `DOCKER_HOST=${process.env.DOCKER_HOST} does not answer; unset it to let the tests start dockerd`,
    start: async () => {
      if (!which('dockerd')) aptInstall(['docker.io', 'busybox-static']);
      return startDockerd({ socket });
    },
  });
}

function docker(args, opts = {}) {
  return spawnSync('docker', args, { encoding: 'utf8', ...opts });
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

  const { code, err } = await importBusyboxRootfs({ cli: 'docker', image, env, tmpPrefix: 'blaupause-rootfs-', addFiles });
  if (code !== 0) throw new Error(`docker import ${image} failed: ${err}`);
  return { built: true, image };
}

upDownCli(import.meta.url, {
  script: 'docker-env.mjs',
  pidFile: UP_PIDFILE,
  what: 'dockerd',
  graceMs: STOP_GRACE_MS,
  ensure: ensureDocker,
  describe: (env) => (env.started ? `dockerd started (pid ${env.pid}, log ${env.logFile})` : `engine already answers on ${env.socket}`),
  images: async (env) => {
    const img = await ensureTestImages(env.socket);
    return `${img.image} ${img.built ? 'built' : 'present'}`;
  },
});
