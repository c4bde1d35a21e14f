import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { ProjectEvents } from './project-events';

/** Only getEvents is used: a stream we write engine records into (the real engine is in test/docker). */
function engineWith(stream: PassThrough | Error): { docker: Docker; filters: unknown[] } {
  const filters: unknown[] = [];
  const docker = {
    getEvents: async (o: { filters: unknown }) => {
      filters.push(o.filters);
      if (stream instanceof Error) throw stream;
      return stream;
    },
  } as unknown as Docker;
  return { docker, filters };
}

const record = (id: string, action: string) =>
  `${JSON.stringify({ Type: 'container', Action: action, Actor: { ID: id, Attributes: {} }, timeNano: 1 })}\n`;

describe('ProjectEvents', () => {
  it("subscribes to the project's container events and wakes a wait at the next event of a watched container", async () => {
    const s = new PassThrough();
    const { docker, filters } = engineWith(s);
    const feed = await new ProjectEvents().open(docker, 'p1');
    expect(feed.live).toBe(true);
    expect(filters[0]).toMatchObject({ type: ['container'], label: ['com.docker.compose.project=p1'] });
    const since = new Map([['a', feed.version('a')]]);
    const t0 = Date.now();
    const woke = feed.changed(since, 5000);
    s.write(record('b', 'start')); // another container: no wake
    s.write(record('a', 'health_status: healthy'));
    await woke;
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(feed.version('a')).toBe(1);
    expect(feed.version('b')).toBe(1);
    feed.close();
  });

  it('does not miss an event that came between reading the version and waiting', async () => {
    const s = new PassThrough();
    const feed = await new ProjectEvents().open(engineWith(s).docker, 'p2');
    const since = new Map([['a', feed.version('a')]]);
    s.write(record('a', 'die'));
    await new Promise((r) => setImmediate(r));
    const t0 = Date.now();
    await feed.changed(since, 5000);
    expect(Date.now() - t0).toBeLessThan(100);
    feed.close();
  });

  it('times out without events, and falls back to not live when the stream cannot open or ends', async () => {
    const s = new PassThrough();
    const feed = await new ProjectEvents().open(engineWith(s).docker, 'p3');
    const t0 = Date.now();
    await feed.changed(new Map([['a', 0]]), 50);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    const waiting = feed.changed(new Map([['a', 0]]), 5000);
    s.end();
    s.resume();
    await waiting;
    expect(feed.live).toBe(false);

    const broken = await new ProjectEvents().open(engineWith(new Error('connect ENOENT')).docker, 'p4');
    expect(broken.live).toBe(false);
  });

  it('ends a wait when its signal aborts', async () => {
    const feed = await new ProjectEvents().open(engineWith(new PassThrough()).docker, 'p5');
    const ac = new AbortController();
    const t0 = Date.now();
    const waiting = feed.changed(new Map([['a', 0]]), 5000, ac.signal);
    ac.abort();
    await waiting;
    expect(Date.now() - t0).toBeLessThan(1000);
    feed.close();
  });
});
