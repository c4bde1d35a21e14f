import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DockerdHandle, ensureTestImages, removeNetns, startDockerd } from '../../../../scripts/docker-env.mjs';
import { LABEL } from '../../src/docker/labels';
import type { ProgressEvent } from '../../src/types';
import { blueprint, collect, counted, driver, errorsOf, IMAGE, project, succeeded } from './harness';

/**
 * Fault F1 (threat model §b): the engine is killed mid-deploy; the deploy ends as failed (engine
 * unreachable, not hung), and a re-run on the restarted engine converges with exactly one
 * container per slot, no temporary names, and then a no-op. Runs on a private dockerd (own socket,
 * data-root, exec-root, network namespace; no iptables, so it cannot disturb the shared engine's rules).
 */
const dir = mkdtempSync(join(tmpdir(), 'bp-f1-'));
const daemon = {
  socket: join(dir, 'docker.sock'),
  dataRoot: join(dir, 'data'),
  execRoot: join(dir, 'exec'),
  pidFile: join(dir, 'dockerd.pid'),
  // Its own network namespace: a dockerd restarting after a crash deletes "docker0", which in the
  // host namespace is the shared engine's default bridge.
  netns: `bpt-f1-${process.pid}`,
  iptables: false,
  addressPool: '10.213.0.0/16',
  extraArgs: ['--shutdown-timeout=1'],
};

/**
 * The engine dies at once: dockerd and the containerd it manages, both SIGKILLed (killing dockerd
 * alone leaves an orphan containerd blocked on its log pipe, which no new dockerd can use).
 * Containers live on in their shims, as after a real engine crash.
 */
async function killEngine(h: DockerdHandle): Promise<void> {
  const containerd = Number(readFileSync(join(daemon.execRoot, 'containerd', 'containerd.pid'), 'utf8'));
  for (const pid of [h.pid, containerd]) process.kill(pid, 'SIGKILL');
  for (const pid of [h.pid, containerd]) while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
}

/** containerd shims whose command line names a path under `root`. */
function shimsUnder(root: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = (() => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      } catch {
        return [];
      }
    })();
    if (cmd[0]?.endsWith('containerd-shim-runc-v2') && cmd.some((a) => a.startsWith(root))) out.push(Number(entry));
  }
  return out;
}

/** SIGKILL a process and its children (a shim and the container processes under it). */
function killTree(pid: number): void {
  const children = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })();
  for (const child of children) killTree(child);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
let dockerd: DockerdHandle | undefined;
const P = project('f1');

beforeAll(async () => {
  dockerd = await startDockerd(daemon);
  await ensureTestImages(daemon.socket);
}, 90_000);

afterAll(async () => {
  if (dockerd) {
    const docker = new Docker({ socketPath: daemon.socket });
    for (const c of await docker.listContainers({ all: true }).catch(() => []))
      await docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {});
    await dockerd.stop();
  }
  // A container the kill caught mid-create (runc still in its init) is not one the new daemon
  // knows: its shim outlived both engines. Shims of this daemon's exec root go with it.
  for (const pid of shimsUnder(dir)) killTree(pid);
  // Whatever the daemon left mounted (overlay layers, netns) must go before the folder can.
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .filter((m) => m.startsWith(dir));
  for (const m of mounts.sort().reverse()) spawnSync('umount', ['-l', m]);
  rmSync(dir, { recursive: true, force: true });
  removeNetns(daemon.netns);
}, 60_000);

const bp = blueprint({
  services: {
    db: {
      containers: {
        db: {
          image: IMAGE,
          command: ['sh', '-c', 'sleep 2; touch /tmp/ready; exec sleep 3600'],
          healthcheck: { test: { shell: 'test -f /tmp/ready' }, interval: '200ms', retries: 50 },
        },
      },
    },
    app: { links: [{ to: 'db', condition: 'healthy', timeout: '30s' }], containers: { app: { image: IMAGE, command: ['sleep', '3600'] } } },
    solo: { replicas: 2, containers: { solo: { image: IMAGE, command: ['sleep', '3600'] } } },
  },
});

describe('Docker driver: engine restarted mid-deploy', () => {
  it('fails the deploy as engine unreachable, then a re-run converges with no duplicates and a second re-run is a no-op', async () => {
    const h = dockerd as DockerdHandle;
    const c = counted({ socketPath: daemon.socket });
    const d = driver(c.docker);
    const events: ProgressEvent[] = [];
    let killed: Promise<void> | undefined;
    const t0 = Date.now();
    for await (const e of d.apply(bp, { project: P })) {
      events.push(e);
      // Kill the engine while app waits for db to become healthy.
      if (e.kind === 'wait' && e.service === 'app') killed = killEngine(h);
    }
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(succeeded(events)).toBe(false);
    expect(errorsOf(events).map((e) => e.code)).toContain('ENGINE_UNREACHABLE');

    expect(killed).toBeDefined();
    await killed;
    dockerd = await startDockerd(daemon);
    const rerun = await collect(d.apply(bp, { project: P }));
    expect(errorsOf(rerun)).toEqual([]);
    const list = await c.docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${P}`] } });
    const names = list.map((x) => (x.Names[0] ?? '').slice(1)).sort();
    expect(names).toEqual([`${P}-app-1`, `${P}-db-1`, `${P}-solo-1`, `${P}-solo-2`]);
    expect(list.every((x) => x.State === 'running')).toBe(true);

    c.reset();
    const third = await collect(d.apply(bp, { project: P }));
    expect(succeeded(third)).toBe(true);
    expect(third.find((e) => e.kind === 'plan')).toMatchObject({ plan: { noop: true } });
    expect(c.mutating()).toEqual([]);
  }, 90_000);
});
