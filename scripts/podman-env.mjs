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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  answersPing,
  aptInstall,
  BUSYBOX,
  ensureService,
  importBusyboxRootfs,
  startDetached,
  stopPid,
  TEST_IMAGE,
  upDownCli,
  which,
} from './env-common.mjs';

export { TEST_IMAGE };

export const DEFAULT_PODMAN_SOCKET = '/run/podman/podman.sock';
const CONTAINERS_CONF = '/etc/containers/containers.conf';
const UP_PIDFILE = join(tmpdir(), 'blaupause-podman-service.pid');
const START_LOCK = join(tmpdir(), 'blaupause-podman-start.lock');
const STOP_GRACE_MS = 10_000;
// With recommends, as the machine notes say works (rootful networking, fuse-overlayfs, slirp4netns).
const APT_OPTIONS = { recommends: true };

/** The socket the driver and tests talk to: PODMAN_SOCKET (a path or unix:// URL), else the default. */
export function podmanSocket() {
  const s = process.env.PODMAN_SOCKET;
  if (s?.startsWith('unix://')) return s.slice('unix://'.length);
  return s || DEFAULT_PODMAN_SOCKET;
}

/** True when the API on `socket` answers GET /_ping with OK. */
export function ping(socket = podmanSocket(), timeoutMs = 2000) {
  return answersPing(socket, timeoutMs);
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

/** Starts `podman system service --time=0` on `socket`, detached, and waits until it answers. */
export async function startPodmanService(socket = podmanSocket(), timeoutMs = 60_000) {
  const podman = which('podman');
  if (!podman) throw new Error('podman not found (apt-get install podman catatonit)');
  mkdirSync(dirname(socket), { recursive: true });
  const logFile = join(mkdtempSync(join(tmpdir(), 'blaupause-podman-')), 'service.log');
  const pid = await startDetached(podman, ['system', 'service', '--time=0', `unix://${socket}`], {
    socket,
    logFile,
    timeoutMs,
    what: 'podman system service',
    onFail: (p) => stopPid(p, STOP_GRACE_MS),
  });
  return { pid, socket, logFile, stop: () => stopPid(pid, STOP_GRACE_MS) };
}

/**
 * Podman's API for the tests: the running service if it answers, else one started here (test files
 * run in parallel: a lock file lets one of them start it while the others wait for it to answer).
 */
export async function ensurePodman() {
  const socket = podmanSocket();
  return ensureService({
    socket,
    lock: START_LOCK,
    what: 'the podman service',
    start: async () => {
      if (!which('podman')) aptInstall(['podman', 'catatonit'], APT_OPTIONS);
      ensureContainersConf();
      return startPodmanService(socket);
    },
  });
}

/** Imports the busybox test image into Podman's store once (skips when the tag exists). */
export async function ensurePodmanImages() {
  if (spawnSync('podman', ['image', 'exists', TEST_IMAGE]).status === 0) return { built: false, image: TEST_IMAGE };
  if (!existsSync(BUSYBOX)) aptInstall(['busybox-static'], APT_OPTIONS);
  const { code, err } = await importBusyboxRootfs({ cli: 'podman', image: TEST_IMAGE, tmpPrefix: 'blaupause-podman-rootfs-' });
  // Parallel callers may import at once; the tag existing afterwards is what counts.
  if (code !== 0 && spawnSync('podman', ['image', 'exists', TEST_IMAGE]).status !== 0)
    throw new Error(`podman import ${TEST_IMAGE} failed: ${err}`);
  return { built: true, image: TEST_IMAGE };
}

upDownCli(import.meta.url, {
  script: 'podman-env.mjs',
  pidFile: UP_PIDFILE,
  what: 'podman service',
  graceMs: STOP_GRACE_MS,
  ensure: ensurePodman,
  describe: (env) =>
    env.started ? `podman service started on ${env.socket} (pid ${env.pid}, log ${env.logFile})` : `podman answers on ${env.socket}`,
  images: async () => {
    const img = await ensurePodmanImages();
    return `${img.image} ${img.built ? 'imported' : 'present'} in Podman's store`;
  },
});
