import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchStatus } from '../../src/docker/status';
import { assertEngine, create, docker, Recorder, removeProject, run, uniqueProject } from './fixture';

const project = uniqueProject('watch');

beforeAll(assertEngine);
afterAll(() => removeProject(project));

const engineMs = (rfc: string) => Date.parse(rfc);

describe('watchStatus against the real engine', () => {
  it('snapshots, then reports start / stop / kill / remove in order with engine times', async () => {
    const web = await run(project, { service: 'web', cmd: 'echo hi; sleep 30' });
    const idle = await create(project, { service: 'db', cmd: 'sleep 30' });
    const ac = new AbortController();
    const rec = new Recorder(watchStatus(docker, project, ac.signal, { stats: false }));
    try {
      await rec.waitFor(() => rec.events.some((e) => e.kind === 'snapshot'), 10_000, 'snapshot');
      const snap = rec.events.find((e) => e.kind === 'snapshot');
      expect(snap?.kind === 'snapshot' && snap.project).toBe(project);
      const byId = new Map(snap?.kind === 'snapshot' ? snap.containers.map((c) => [c.id, c]) : []);
      expect(byId.get(web.id)).toMatchObject({
        state: 'running',
        service: 'web',
        container: 'main',
        replica: 1,
        elementId: 'container:web/main',
        restarts: 0,
      });
      expect(byId.get(idle.id)).toMatchObject({ state: 'pending', service: 'db', elementId: 'container:db/main' });

      // Without a project: every container we own, each naming its project.
      const everyAc = new AbortController();
      const every = new Recorder(watchStatus(docker, undefined, everyAc.signal, { stats: false }));
      await every.waitFor(() => every.events.some((e) => e.kind === 'snapshot'), 10_000, 'snapshot of all projects');
      everyAc.abort();
      await every.done;
      const all = every.events.find((e) => e.kind === 'snapshot');
      expect(all?.kind === 'snapshot' && all.project).toBeUndefined();
      expect(all?.kind === 'snapshot' && all.containers.find((c) => c.id === web.id)?.project).toBe(project);

      await idle.start();
      await rec.waitFor(() => rec.states(idle.id).includes('running'), 10_000, 'db running');
      const startedAt = engineMs((await idle.inspect()).State.StartedAt);
      const running = rec.changes(idle.id).find((s) => s.state === 'running')!;
      // `at` is the engine's event time: a few ms after the engine set StartedAt, not our clock.
      expect(running.at - startedAt).toBeGreaterThanOrEqual(0);
      expect(running.at - startedAt).toBeLessThan(1000);

      await web.stop({ t: 1 });
      await idle.kill();
      await rec.waitFor(
        () => rec.states(web.id).some((s) => s.startsWith('exited')) && rec.states(idle.id).includes('exited(137)'),
        10_000,
        'both exited',
      );
      const finishedAt = engineMs((await web.inspect()).State.FinishedAt);
      const exited = rec.changes(web.id).find((s) => s.state === 'exited')!;
      expect(exited.at - finishedAt).toBeGreaterThanOrEqual(0);
      expect(exited.at - finishedAt).toBeLessThan(1000);
      // SIGTERM to `sh` as PID 1 is ignored, so `stop` kills after its 1 s timeout: 137.
      expect([137, 143]).toContain(exited.exitCode);

      await web.remove();
      await idle.remove();
      await rec.waitFor(() => rec.states(web.id).includes('removed') && rec.states(idle.id).includes('removed'), 10_000, 'removed');
      expect(rec.states(idle.id)).toEqual(['running', 'exited(137)', 'removed']);
      expect(rec.states(web.id)).toEqual([`exited(${exited.exitCode})`, 'removed']);
      const [p50, p95] = rec.latency();
      console.log(`lifecycle: engine event → delivered p50 ${p50} ms, p95 ${p95} ms`);
      // Engine times never go backwards along one container's history.
      const ats = rec.changes(idle.id).map((s) => s.at);
      expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    } finally {
      ac.abort();
      await rec.done;
    }
  });

  it('follows a health check from starting to healthy to unhealthy', async () => {
    const ac = new AbortController();
    const rec = new Recorder(watchStatus(docker, project, ac.signal, { stats: false }));
    try {
      await rec.waitFor(() => rec.events.some((e) => e.kind === 'snapshot'), 10_000, 'snapshot');
      const c = await run(project, {
        service: 'api',
        cmd: 'touch /tmp/ok; sleep 2; rm /tmp/ok; sleep 30',
        health: { test: 'test -f /tmp/ok', intervalMs: 500, retries: 1 },
      });
      await rec.waitFor(() => rec.states(c.id).includes('unhealthy'), 15_000, 'unhealthy');
      expect(rec.states(c.id)).toEqual(['pending', 'starting', 'healthy', 'unhealthy']);
    } finally {
      ac.abort();
      await rec.done;
    }
  });

  it('reports a crash loop with its exit code and restart count', async () => {
    const ac = new AbortController();
    const rec = new Recorder(watchStatus(docker, project, ac.signal, { stats: false }));
    try {
      await rec.waitFor(() => rec.events.some((e) => e.kind === 'snapshot'), 10_000, 'snapshot');
      const c = await run(project, { service: 'crash', cmd: 'echo boom; exit 3', restart: 'always' });
      await rec.waitFor(() => rec.changes(c.id).some((s) => s.state === 'crash-looping'), 15_000, 'crash-looping');
      const looping = rec.changes(c.id).find((s) => s.state === 'crash-looping')!;
      expect(looping.exitCode).toBe(3);
      expect(looping.restarts).toBeGreaterThan(1);
      // Before the verdict it was restarting, each time after exiting with 3.
      const before = rec.changes(c.id).slice(0, rec.changes(c.id).indexOf(looping));
      expect(before.filter((s) => s.state === 'restarting').every((s) => s.exitCode === 3)).toBe(true);
      expect(before.some((s) => s.state === 'restarting')).toBe(true);

      // A second watch sees the loop in its snapshot (inspect only, no history).
      const ac2 = new AbortController();
      const rec2 = new Recorder(watchStatus(docker, project, ac2.signal, { stats: false }));
      await rec2.waitFor(() => rec2.events.some((e) => e.kind === 'snapshot'), 10_000, 'second snapshot');
      ac2.abort();
      await rec2.done;
      const snap = rec2.events.find((e) => e.kind === 'snapshot');
      const seen = snap?.kind === 'snapshot' ? snap.containers.find((s) => s.id === c.id) : undefined;
      // Caught in back-off or just restarted once more: either way it is looping.
      expect(seen?.state).toBe('crash-looping');
      expect(seen?.restarts).toBeGreaterThan(1);
      await c.remove({ force: true });
    } finally {
      ac.abort();
      await rec.done;
    }
  });

  it('samples CPU and memory about once a second while watched, and stops when aborted', async () => {
    const c = await run(project, { service: 'busy', cmd: 'while :; do :; done', memoryBytes: 64 * 1024 * 1024 });
    const idle = await run(project, { service: 'idle', cmd: 'sleep 30' });
    const ac = new AbortController();
    const rec = new Recorder(watchStatus(docker, project, ac.signal));
    const stats = (id = c.id) => rec.events.flatMap((e) => (e.kind === 'stats' && e.stats.id === id ? [e.stats] : []));
    try {
      await rec.waitFor(() => stats().length >= 3 && stats(idle.id).length >= 3, 15_000, 'three stats samples of each');
      const s = stats();
      expect(s[0]).toMatchObject({ elementId: 'container:busy/main', replica: 1, memoryLimitBytes: 64 * 1024 * 1024 });
      expect(s.at(-1)!.memoryBytes).toBeGreaterThan(0);
      // A busy loop takes what CPU it gets (on a loaded 2-core machine that can be well under one
      // core), a sleeping shell none.
      const busiest = Math.max(...s.map((x) => x.cpuPercent));
      expect(busiest).toBeGreaterThan(2);
      expect(busiest).toBeGreaterThan(Math.max(...stats(idle.id).map((x) => x.cpuPercent)));
      const gaps = s.slice(1).map((x, i) => x.at - s[i]!.at);
      for (const g of gaps) expect(g).toBeGreaterThan(500);
      for (const g of gaps) expect(g).toBeLessThan(2500);
    } finally {
      ac.abort();
      await rec.done;
    }
    const n = stats().length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(stats().length).toBe(n);
    await c.remove({ force: true });
    await idle.remove({ force: true });
  });
});
