// What scripts/docker-env.mjs and scripts/podman-env.mjs (and demo-images.mjs) share: talking to
// an engine's API socket, installing with apt, starting a background service and waiting until it
// answers, one starter at a time across parallel test files, stopping it again, and the busybox
// root file system both engines import as the local test image.
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

/** The local test image both engines hold, made of BUSYBOX by importBusyboxRootfs. */
export const TEST_IMAGE = 'blaupause-test/busybox:1';
export const BUSYBOX = '/bin/busybox';
/** A start lock older than this was left over by a process that died: it is ignored. */
const START_LOCK_STALE_MS = 120_000;
/** How long a caller that did not get the start lock waits for the other starter's service. */
const START_WAIT_MS = 90_000;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when the API on the unix socket `socket` answers GET /_ping with OK (Docker's and Podman's alike). */
export function answersPing(socket, timeoutMs = 2000) {
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

/** The path of `cmd` on PATH (plus the sbin folders), or undefined. */
export function which(cmd) {
  for (const dir of (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':').concat(['/usr/sbin', '/sbin'])) {
    const p = join(dir, cmd);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** apt-get install (with `apt-get update` and a second try when the first fails); throws when it still fails. */
export function aptInstall(packages, { recommends = false } = {}) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const args = ['install', '-y', ...(recommends ? [] : ['--no-install-recommends']), ...packages];
  let r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    // A fresh machine may have no package lists yet.
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', args, { stdio: 'inherit', env });
  }
  if (r.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed (exit ${r.status})`);
}

export function killPid(pid, signal = 'SIGTERM') {
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

/** SIGTERM, then SIGKILL when it still runs after `graceMs` (a daemon stops its containers first). */
export async function stopPid(pid, graceMs) {
  if (!killPid(pid)) return;
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) killPid(pid, 'SIGKILL');
}

/**
 * Spawns `cmd argv` detached (it outlives a short-lived caller such as `up`), its output appended to
 * `logFile`, and waits until `socket` answers _ping. When it exits or `timeoutMs` passes first,
 * `onFail(pid)` runs and the error names `what`, the socket and the log's last lines. Returns the pid.
 */
export async function startDetached(cmd, argv, { socket, logFile, timeoutMs, what, onFail }) {
  const out = openSync(logFile, 'a');
  const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await answersPing(socket, 1000))) {
    if (exited || Date.now() > deadline) {
      await onFail(pid);
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`${what} did not answer on ${socket} (${exited ? 'it exited' : 'timeout'}); log ${logFile}:\n${tail}`);
    }
    await sleep(250);
  }
  return pid;
}

function takeStartLock(lock) {
  try {
    if (Date.now() - statSync(lock).mtimeMs > START_LOCK_STALE_MS) rmSync(lock, { force: true });
  } catch {
    // no lock yet
  }
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/**
 * The service on `socket` for the tests: the running one if it answers, else `start()`'s. Test
 * files run in parallel and may all get here at once: the lock file `lock` lets one of them start
 * it while the others wait for it to answer. `notStartable`: the error when it does not answer and
 * must not be started here. `start()` resolves to the started service's { pid, logFile, stop }.
 * Resolves to { started, socket, pid?, logFile?, stop() }: stop() ends only a service started here.
 */
export async function ensureService({ socket, lock, what, notStartable, start }) {
  const answering = { started: false, socket, stop: async () => {} };
  if (await answersPing(socket)) return answering;
  if (notStartable) throw new Error(notStartable);
  if (!takeStartLock(lock)) {
    const deadline = Date.now() + START_WAIT_MS;
    while (Date.now() < deadline) {
      if (await answersPing(socket)) return answering;
      await sleep(250);
    }
    throw new Error(`another process is starting ${what} (${lock}) and it did not answer within 90 s`);
  }
  try {
    const { pid, logFile, stop } = await start();
    return { started: true, socket, pid, logFile, stop };
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The busybox applets, as busybox itself lists them. */
function applets() {
  const r = spawnSync(BUSYBOX, ['--list'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${BUSYBOX} --list failed`);
  return r.stdout.split('\n').filter((a) => /^[a-z0-9_.[-]+$/.test(a) && a !== 'busybox');
}

/**
 * The host's static busybox as a root file system (one symlink per applet, so `sh`, `httpd`, `wget`
 * resolve as in the busybox image; /etc/passwd, /etc/group, /www/index.html) plus what
 * `addFiles(rootDir)` puts in, piped as a tar into `<cli> import … - image` (docker or podman, with
 * `env`). The folder (under tmpdir, named `tmpPrefix…`) is removed afterwards. Resolves to the
 * import's exit code and its stderr.
 */
export async function importBusyboxRootfs({ cli, image, env, tmpPrefix, addFiles = () => {} }) {
  const dir = mkdtempSync(join(tmpdir(), tmpPrefix));
  try {
    for (const d of ['bin', 'etc', 'www', 'tmp', 'data', 'root']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'bin', 'busybox'), readFileSync(BUSYBOX), { mode: 0o755 });
    writeFileSync(join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n');
    writeFileSync(join(dir, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
    writeFileSync(join(dir, 'www', 'index.html'), '<h1>blaupause test</h1>\n');
    for (const a of applets()) symlinkSync('busybox', join(dir, 'bin', a));
    addFiles(dir);
    const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const imp = spawn(cli, ['import', '--change', 'CMD ["/bin/sh"]', '--change', 'ENV PATH=/bin', '--change', 'WORKDIR /', '-', image], {
      stdio: ['pipe', 'ignore', 'pipe'],
      env,
    });
    tar.stdout.pipe(imp.stdin);
    let err = '';
    imp.stderr.on('data', (c) => {
      err += c;
    });
    const code = await new Promise((r) => imp.on('close', r));
    return { code, err: err.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the module at `metaUrl` (its import.meta.url) is the script node was started with. */
export function isMain(metaUrl) {
  return Boolean(process.argv[1]) && metaUrl === new URL(`file://${process.argv[1]}`).href;
}

/**
 * The `up`/`down` command line of an env script run directly (nothing when it is imported). `up`:
 * `ensure()` the service (one it started is recorded in `pidFile`), say so (`describe(service)`),
 * then `images(service)` and print what it says. `down`: stops the one service `up` recorded
 * (`what`, SIGKILL after `graceMs`) and nothing else. Exit 0, 1 with the message, 2 on bad usage.
 */
export function upDownCli(metaUrl, { script, pidFile, what, graceMs, ensure, describe, images }) {
  if (!isMain(metaUrl)) return;
  const main = async (cmd) => {
    if (cmd === 'up') {
      const service = await ensure();
      if (service.started) writeFileSync(pidFile, String(service.pid));
      console.log(describe(service));
      console.log(await images(service));
      return 0;
    }
    if (cmd === 'down') {
      if (!existsSync(pidFile)) {
        console.log(`no ${what} started by \`up\` (nothing to stop)`);
        return 0;
      }
      const pid = Number(readFileSync(pidFile, 'utf8'));
      await stopPid(pid, graceMs);
      rmSync(pidFile, { force: true });
      console.log(`${what} ${pid} stopped`);
      return 0;
    }
    console.error(`usage: node scripts/${script} up|down`);
    return 2;
  };
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
