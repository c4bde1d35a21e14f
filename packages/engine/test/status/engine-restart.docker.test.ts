import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DockerdHandle, ensureTestImages, removeNetns, startDockerd } from '../../../../scripts/docker-env.mjs';
import { watchStatus } from '../../src/docker/status';
import { Recorder, run, uniqueProject } from './fixture';

/**
 * A real engine restart under a watch: the engine stops (its event stream ends), is away, comes
 * back; the watch says disconnected once, then connected with a fresh snapshot, and the container
 * the engine restarted on its way up (policy always) is running again. A private dockerd (own
 * socket, data-root, exec-root, network namespace, no iptables) so the shared engine is untouched.
 */
const dir = mkdtempSync(join(tmpdir(), 'bp-status-restart-'));
const daemon = {
  socket: join(dir, 'docker.sock'),
  dataRoot: join(dir, 'data'),
  execRoot: join(dir, 'exec'),
  pidFile: join(dir, 'dockerd.pid'),
  netns: `bpst-restart-${process.pid}`,
  iptables: false,
  addressPool: '10.214.0.0/16',
  extraArgs: ['--shutdown-timeout=1'],
};
let dockerd: DockerdHandle | undefined;
const project = uniqueProject('restart');

beforeAll(async () => {
  dockerd = await startDockerd(daemon);
  await ensureTestImages(daemon.socket);
}, 120_000);

afterAll(async () => {
  if (dockerd) {
    const docker = new Dockerode({ socketPath: daemon.socket });
    for (const c of await docker.listContainers({ all: true }).catch(() => []))
      await docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {});
    await dockerd.stop();
  }
  // Whatever the daemon left mounted (overlay layers, netns) must go before the folder can.
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .filter((m) => m.startsWith(dir));
  for (const m of mounts.sort().reverse()) spawnSync('umount', ['-l', m]);
  rmSync(dir, { recursive: true, force: true });
  removeNetns(daemon.netns);
}, 60_000);

it('recovers from an engine restart: disconnected once, then a fresh snapshot and live events again', { timeout: 120_000 }, async () => {
  const docker = new Dockerode({ socketPath: daemon.socket });
  const keeper = await run(project, { service: 'keeper', cmd: 'exec sleep 3600', restart: 'always' }, docker);
  const ac = new AbortController();
  const rec = new Recorder(watchStatus(docker, project, ac.signal, { retryMs: 200, maxRetryMs: 1000 }));
  const engine = () => rec.events.flatMap((e) => (e.kind === 'engine' ? [e.connected] : []));
  const snapshots = () => rec.events.flatMap((e) => (e.kind === 'snapshot' ? [e] : []));
  try {
    await rec.waitFor(() => snapshots().length === 1, 15_000, 'first snapshot');
    expect(snapshots()[0]?.containers.map((c) => c.state)).toEqual(['running']);

    await dockerd!.stop();
    dockerd = undefined;
    await rec.waitFor(() => engine().includes(false), 15_000, 'engine disconnected');
    // Away for a few retries: still one "disconnected".
    await new Promise((r) => setTimeout(r, 2000));
    expect(engine()).toEqual([true, false]);

    dockerd = await startDockerd(daemon);
    await rec.waitFor(() => snapshots().length === 2, 30_000, 'snapshot after the restart');
    expect(engine()).toEqual([true, false, true]);
    // The engine brings a restart-always container back as it starts; the snapshot or the events after it say so.
    await rec.waitFor(
      () => {
        const after = rec.events.slice(rec.events.indexOf(snapshots()[1]!));
        const last = after
          .flatMap((e) => (e.kind === 'snapshot' ? e.containers : e.kind === 'change' ? [e.status] : []))
          .filter((s) => s.id === keeper.id);
        return last.at(-1)?.state === 'running';
      },
      30_000,
      'keeper running after the restart',
    );

    // And live events flow again.
    const late = await run(project, { service: 'late', cmd: 'exit 4' }, docker);
    await rec.waitFor(() => rec.states(late.id).includes('exited(4)'), 15_000, 'a new container seen after the restart');
    expect(rec.states(late.id)).toEqual(['pending', 'running', 'exited(4)']);
  } finally {
    ac.abort();
    await rec.done;
  }
});
