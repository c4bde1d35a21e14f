import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineFailure } from '../../src/docker/errors';
import { followLogs } from '../../src/docker/logs';
import type { LogLine } from '../../src/types';
import { assertEngine, create, docker, removeProject, run, uniqueProject } from './fixture';

const project = uniqueProject('logs');

beforeAll(assertEngine);
afterAll(() => removeProject(project));

async function collect(it: AsyncIterable<LogLine>): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const l of it) out.push(l);
  return out;
}

/** Reads a followed stream until `enough` holds (then aborts), or fails after `ms`. */
async function follow(options: Parameters<typeof followLogs>[1], enough: (ls: LogLine[]) => boolean, ms = 15_000): Promise<LogLine[]> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), ms);
  const out: LogLine[] = [];
  for await (const l of followLogs(docker, { ...options, follow: true, signal: ac.signal })) {
    out.push(l);
    if (enough(out)) break;
  }
  clearTimeout(timer);
  if (!enough(out)) throw new Error(`follow ended after ${out.length} lines: ${out.map((l) => l.text).join(' | ')}`);
  return out;
}

const waitExit = (c: { wait: () => Promise<unknown> }) => c.wait();

describe('followLogs against the real engine', () => {
  it('tails every container of a service (replicas and pod containers), merged in engine-time order, stdout and stderr apart', async () => {
    const cmd = (name: string) => `for i in 1 2 3; do echo ${name} $i; sleep 0.1; done; echo ${name} err >&2`;
    const cs = await Promise.all([
      run(project, { service: 'api', replica: 1, cmd: cmd('r1') }),
      run(project, { service: 'api', replica: 2, cmd: cmd('r2') }),
      run(project, { service: 'api', container: 'log', cmd: cmd('side') }),
      run(project, { service: 'other', cmd: cmd('other') }),
    ]);
    await Promise.all(cs.map(waitExit));

    const all = await collect(followLogs(docker, { project, service: 'api' }));
    expect(all).toHaveLength(12);
    expect(all.some((l) => l.text.startsWith('other'))).toBe(false);
    const ats = all.map((l) => l.at);
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    expect(new Set(all.map((l) => l.id)).size).toBe(12);
    expect(
      all
        .filter((l) => l.stream === 'stderr')
        .map((l) => l.text)
        .sort(),
    ).toEqual(['r1 err', 'r2 err', 'side err']);
    expect(all.find((l) => l.text === 'side 1')).toMatchObject({ elementId: 'container:api/log', replica: 1, stream: 'stdout' });
    expect(all.find((l) => l.text === 'r2 1')).toMatchObject({ elementId: 'container:api/main', replica: 2 });
    // Engine times: within the last minute, not zero, not our clock at reading time.
    for (const l of all) expect(Date.now() - l.at).toBeLessThan(60_000);

    const tail = await collect(followLogs(docker, { project, service: 'api', container: 'main', replica: 2, tail: 2 }));
    expect(tail.map((l) => [l.stream, l.text])).toEqual([
      ['stdout', 'r2 3'],
      ['stderr', 'r2 err'],
    ]);
  });

  it('follows: the tail first, then new lines, none lost or repeated', async () => {
    const c = await run(project, { service: 'ticker', cmd: 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.1; done' });
    await new Promise((r) => setTimeout(r, 800));
    const lines = await follow({ project, service: 'ticker', tail: 3 }, (ls) => ls.length >= 15);
    const n = lines.map((l) => Number(l.text.split(' ')[1]));
    // Consecutive numbers: the tail (3 lines) joins the live part without a gap or a repeat.
    expect(n.slice(1).every((x, i) => x === n[i]! + 1)).toBe(true);
    expect(n[0]).toBeGreaterThan(2);
    await c.remove({ force: true });
  });

  it('follows a service through a restart and a replica that starts later', async () => {
    const first = await run(project, { service: 'job', replica: 1, cmd: 'echo one-a; sleep 1; echo one-b' });
    const later = await create(project, { service: 'job', replica: 2, cmd: 'echo two-a' });
    const seen = follow(
      { project, service: 'job', tail: 0 },
      (ls) => ['one-b', 'two-a', 'one-a'].every((t) => ls.filter((l) => l.text === t).length >= 1) && ls.length >= 4,
    );
    await new Promise((r) => setTimeout(r, 300));
    await later.start();
    await first.wait();
    // Started again: its follow stream ended with it, the start event attaches it from where it left off.
    await first.start();
    const lines = await seen;
    const texts = lines.map((l) => `${l.replica}:${l.text}`);
    expect(texts).toContain('2:two-a');
    expect(texts).toContain('1:one-b');
    // one-a comes once from the restart only: the first run's one-a predates the tail of 0.
    expect(texts.filter((t) => t === '1:one-a')).toHaveLength(1);
  });

  it('reads a TTY container (not multiplexed) as stdout', async () => {
    const c = await docker.createContainer({
      Image: 'blaupause-test/busybox:1',
      Cmd: ['sh', '-c', 'echo "{\\"looks\\": \\"json\\"}"; echo plain'],
      Tty: true,
      Labels: (await import('./fixture')).labelsFor(project, { service: 'tty', cmd: '' }),
      HostConfig: { NetworkMode: 'none' },
    });
    await c.start();
    await c.wait();
    const lines = await collect(followLogs(docker, { project, service: 'tty' }));
    expect(lines.map((l) => [l.stream, l.text])).toEqual([
      ['stdout', '{"looks": "json"}'],
      ['stdout', 'plain'],
    ]);
  });

  it('says the engine cannot be reached as data, naming the socket', async () => {
    const nowhere = new Dockerode({ socketPath: '/tmp/bp-no-engine-here.sock' });
    for (const follow of [false, true]) {
      const err = await collect(followLogs(nowhere, { project, service: 'api', follow })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EngineFailure);
      expect((err as EngineFailure).error).toMatchObject({
        code: 'ENGINE_UNREACHABLE',
        message: expect.stringContaining('/tmp/bp-no-engine-here.sock'),
      });
    }
  });

  it('ends a follow when the signal aborts', async () => {
    const c = await run(project, { service: 'quiet', cmd: 'sleep 30' });
    const ac = new AbortController();
    const p = collect(followLogs(docker, { project, service: 'quiet', follow: true, signal: ac.signal }));
    setTimeout(() => ac.abort(), 300);
    const t0 = Date.now();
    expect(await p).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2000);
    await c.remove({ force: true });
  });
});
