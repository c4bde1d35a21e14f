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
//   labelTestRun(d)     makes a dockerode instance label what it creates with TEST_RUN_LABEL (the
//                       test helpers do; the label names the test process).
//   sweepTestLeftovers() removes what interrupted test runs left on the engine (selectLeftovers says
//                       what: never a resource a test did not create); `npm test` runs it first.
//
// Standalone for people: `node scripts/docker-env.mjs up` (engine + images, left running) and
// `node scripts/docker-env.mjs down` (stops the dockerd that `up` started, found by its pid file).
// No shell anywhere: every process is spawned with an argv array.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
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

/**
 * The label on every container, network and volume a test creates in its own process (through
 * labelTestRun): `<hostname>:<pid>` of that process, so a later run can tell a finished run's
 * leftovers from the resources of a run still going. A `dev.blaupause.` key: no blueprint or
 * imported file may set one (model's reserved labels), so no user's deployment carries it.
 */
export const TEST_RUN_LABEL = 'dev.blaupause.test-run';

/** This process as TEST_RUN_LABEL names it. */
export const testRunId = () => `${hostname()}:${process.pid}`;

const CREATES = /^\/(containers|networks|volumes)\/create(\?|$)/;

/** A dockerode dial request with TEST_RUN_LABEL added to the body of a container, network or volume create. */
export function withTestRunLabel(req, id = testRunId()) {
  if (req.method !== 'POST' || !CREATES.test(req.path) || !req.options) return req;
  const body = req.options._body ?? req.options;
  const labelled = { ...body, Labels: { ...(body.Labels ?? {}), [TEST_RUN_LABEL]: id } };
  return { ...req, options: req.options._body ? { ...req.options, _body: labelled } : labelled };
}

/** Makes `docker` (dockerode) put TEST_RUN_LABEL on everything it creates; returns it. */
export function labelTestRun(docker) {
  const modem = docker.modem;
  if (modem.blaupauseTestRun) return docker;
  const dial = modem.dial.bind(modem);
  modem.dial = (req, cb) => dial(withTestRunLabel(req), cb);
  modem.blaupauseTestRun = true;
  return docker;
}

/**
 * Projects of tests that cannot set the label: what the CLI, the API server (e2e) and the
 * benchmarks create in child processes. Exact test prefixes with the random suffix each test adds.
 */
export const UNLABELLED_TEST_PROJECTS = [
  /^bpcli-[a-z0-9-]+-[0-9a-f]{6}$/, // packages/cli/test/engine-helpers.ts uniqueProject
  /^bp(img|orc)-cli-[0-9a-f]{6}$/, // packages/cli images and orchestrate tests, apps/server orchestration's CLI run
  /^bpsec-cli-[0-9a-z]+$/, // packages/cli security-file-refs (Date.now() in base 36)
  /^e2e-([a-z]+-)?[0-9a-f]{6}$/, // e2e deploy, deploy-crash, patterns (through the API server)
  /^bp(img-e2e|mon)-[0-9a-f]{6}$/, // e2e diagnose, orchestration
  /^bpbench-?[a-z0-9-]*[0-9a-f]{6}(-ours|v1)?$/, // bench deploy and repaint (compose v1 drops the dashes)
];

const PROJECT_LABEL = 'com.docker.compose.project';
/** An unlabelled test project younger than this may belong to a run still going (when the engine was not started here). */
export const STALE_MS = 30 * 60_000;
/** A labelled resource this old is a leftover whatever its pid says (pids get reused). */
const LABELLED_STALE_MS = 6 * 3_600_000;

const pidAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

/**
 * Which of the engine's resources are test leftovers. `resources`: { kind, id, name, labels,
 * createdMs }. Swept: a resource with TEST_RUN_LABEL whose process is gone (same host, pid not
 * alive), or that is older than six hours, or from another host and older than STALE_MS; and one
 * without it whose compose project matches UNLABELLED_TEST_PROJECTS, when the engine was started by
 * this run (nothing else can be using it yet) or it is older than STALE_MS. Everything else is
 * kept, with the reason.
 */
export function selectLeftovers(
  resources,
  { host = hostname(), alive = pidAlive, now = Date.now(), engineStartedHere = false, staleMs = STALE_MS } = {},
) {
  const sweep = [];
  const keep = [];
  for (const r of resources) {
    const labels = r.labels ?? {};
    const age = now - r.createdMs;
    const run = labels[TEST_RUN_LABEL];
    let why;
    let kept;
    if (run !== undefined) {
      const at = run.lastIndexOf(':');
      const [runHost, pid] = [run.slice(0, at), Number(run.slice(at + 1))];
      if (age > LABELLED_STALE_MS) why = `test run ${run}, older than 6 h`;
      else if (runHost !== host) {
        if (age > staleMs) why = `test run ${run} of another host, older than ${staleMs / 60_000} min`;
        else kept = `test run ${run} of another host, recent`;
      } else if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) why = `test run ${run} has ended`;
      else kept = `test run ${run} is still going`;
    } else {
      const project = labels[PROJECT_LABEL];
      if (project === undefined || !UNLABELLED_TEST_PROJECTS.some((p) => p.test(project))) kept = 'not a test resource';
      else if (engineStartedHere) why = `test project ${project}, engine started by this run`;
      else if (age > staleMs) why = `test project ${project}, older than ${staleMs / 60_000} min`;
      else kept = `test project ${project}, recent (a run may still use it)`;
    }
    if (why) sweep.push({ ...r, why });
    else keep.push({ ...r, why: kept });
  }
  return { sweep, keep };
}

function engineApi(socket, method, path) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path, method, timeout: 30_000 }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => {
        if (res.statusCode >= 400 && res.statusCode !== 404) reject(new Error(`${method} ${path}: ${res.statusCode} ${body.trim()}`));
        else resolve(body ? JSON.parse(body) : undefined);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** Containers, networks and volumes of the engine as selectLeftovers takes them. */
export async function listEngineResources(socket = dockerSocket()) {
  const [containers, networks, volumes] = await Promise.all([
    engineApi(socket, 'GET', '/containers/json?all=1'),
    engineApi(socket, 'GET', '/networks'),
    engineApi(socket, 'GET', '/volumes'),
  ]);
  return [
    ...containers.map((c) => ({
      kind: 'container',
      id: c.Id,
      name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''),
      labels: c.Labels ?? {},
      createdMs: c.Created * 1000,
      state: c.State,
    })),
    ...networks.map((n) => ({ kind: 'network', id: n.Id, name: n.Name, labels: n.Labels ?? {}, createdMs: Date.parse(n.Created) })),
    ...(volumes.Volumes ?? []).map((v) => ({
      kind: 'volume',
      id: v.Name,
      name: v.Name,
      labels: v.Labels ?? {},
      createdMs: Date.parse(v.CreatedAt),
    })),
  ];
}

/**
 * Removes the leftovers of earlier test runs (selectLeftovers) from the engine: containers first
 * (forced, with their anonymous volumes), then networks, then volumes. Returns what was removed and
 * what could not be ({ removed, failed: [{ ...resource, error }] }).
 */
export async function sweepTestLeftovers(socket = dockerSocket(), options = {}) {
  const { sweep } = selectLeftovers(await listEngineResources(socket), options);
  const removed = [];
  const failed = [];
  const order = { container: 0, network: 1, volume: 2 };
  for (const r of sweep.sort((a, b) => order[a.kind] - order[b.kind])) {
    const id = encodeURIComponent(r.id);
    const path = r.kind === 'container' ? `/containers/${id}?force=1&v=1` : r.kind === 'network' ? `/networks/${id}` : `/volumes/${id}`;
    try {
      await engineApi(socket, 'DELETE', path);
      removed.push(r);
    } catch (e) {
      failed.push({ ...r, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { removed, failed };
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
