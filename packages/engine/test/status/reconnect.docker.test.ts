import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { watchStatus } from '../../src/docker/status';
import { assertEngine, Recorder, removeProject, run, uniqueProject } from './fixture';

const project = uniqueProject('reconnect');
const dir = mkdtempSync(join(tmpdir(), 'bp-status-proxy-'));
const proxyPath = join(dir, 'docker.sock');
const enginePath = process.env.DOCKER_HOST?.startsWith('unix://') ? process.env.DOCKER_HOST.slice(7) : '/var/run/docker.sock';

/**
 * The real engine behind a socket we can pull: cutting it ends the watch's HTTP streams the way an
 * engine restart does (connection reset, then refused until it is back), without stopping the
 * engine other tests share. Every byte still comes from the real engine.
 */
class Plug {
  private server: Server | undefined;
  private sockets = new Set<Socket>();

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(enginePath);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(proxyPath, r));
  }

  async cut(): Promise<void> {
    await new Promise<void>((r) => {
      this.server?.close(() => r());
      for (const s of this.sockets) s.destroy();
    });
    this.server = undefined;
  }
}

const plug = new Plug();
beforeAll(async () => {
  await assertEngine();
  await plug.open();
});
afterAll(async () => {
  await plug.cut();
  rmSync(dir, { recursive: true, force: true });
  await removeProject(project);
});

it('reports the lost engine, retries with back-off and re-snapshots what changed meanwhile', { timeout: 60_000 }, async () => {
  const c = await run(project, { service: 'web', cmd: 'sleep 60' });
  const ac = new AbortController();
  const viaPlug = new Dockerode({ socketPath: proxyPath });
  const rec = new Recorder(watchStatus(viaPlug, project, ac.signal, { retryMs: 100, maxRetryMs: 400 }));
  const snapshots = () => rec.events.filter((e) => e.kind === 'snapshot');
  const engine = () => rec.events.flatMap((e) => (e.kind === 'engine' ? [e.connected] : []));
  try {
    await rec.waitFor(() => snapshots().length === 1, 10_000, 'first snapshot');
    await rec.waitFor(() => rec.events.some((e) => e.kind === 'stats'), 10_000, 'stats before the cut');

    await plug.cut();
    await rec.waitFor(() => engine().includes(false), 10_000, 'engine disconnected');
    // While it is away the container stops; nobody can tell the watch.
    await c.stop({ t: 0 });
    await new Promise((r) => setTimeout(r, 1000));
    const statsAtCut = rec.events.filter((e) => e.kind === 'stats').length;
    await new Promise((r) => setTimeout(r, 1200));
    // No stats sampling while disconnected; one "disconnected" per outage, not one per retry.
    expect(rec.events.filter((e) => e.kind === 'stats').length).toBe(statsAtCut);
    expect(engine()).toEqual([true, false]);

    await plug.open();
    await rec.waitFor(() => snapshots().length === 2, 10_000, 'snapshot after reconnect');
    expect(engine()).toEqual([true, false, true]);
    const second = snapshots()[1];
    const seen = second?.kind === 'snapshot' ? second.containers.find((s) => s.id === c.id) : undefined;
    expect(seen?.state).toBe('exited');

    // And it follows events again.
    await c.start();
    await rec.waitFor(() => rec.changes(c.id).some((s) => s.state === 'running'), 10_000, 'running after reconnect');
  } finally {
    ac.abort();
    await rec.done;
  }
});

it('without an engine: says so once, naming the socket, keeps retrying quietly, ends at once on abort', async () => {
  const nowhere = new Dockerode({ socketPath: join(dir, 'nothing.sock') });
  const ac = new AbortController();
  const rec = new Recorder(watchStatus(nowhere, project, ac.signal, { retryMs: 50, maxRetryMs: 100 }));
  await rec.waitFor(() => rec.events.length > 0, 5000, 'a first event');
  await new Promise((r) => setTimeout(r, 600));
  expect(rec.events).toEqual([
    { kind: 'engine', connected: false, message: expect.stringContaining(join(dir, 'nothing.sock')), at: expect.any(Number) },
  ]);
  const t0 = Date.now();
  ac.abort();
  await rec.done;
  expect(Date.now() - t0).toBeLessThan(500);
});
