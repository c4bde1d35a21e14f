import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupervisor, type HealEvent } from '../../src/docker/orchestrate';
import { blueprint, cleanup, collect, counted, driver, engine, eventually, IMAGE, succeeded } from '../docker/harness';
import { project } from './fixture';

/** A container that keeps turning unhealthy: the supervisor backs off (doubling) and gives up after maxAttempts. */
const c = counted();
const d = driver(c.docker);
const P = project('backoff');
// Healthy for about a second after each start, then the health file goes.
const bp = blueprint({
  services: {
    flaky: {
      containers: {
        flaky: {
          image: IMAGE,
          command: ['sh', '-c', 'trap "exit 0" TERM; touch /tmp/ok; sleep 1; rm /tmp/ok; sleep 3600 & wait'],
          healthcheck: { test: { exec: ['test', '-f', '/tmp/ok'] }, interval: '300ms', retries: 1, timeout: '2s' },
        },
      },
    },
  },
});

beforeAll(engine, 60_000);
afterAll(() => cleanup(c.docker, P));

describe('orchestrator: supervisor back-off', () => {
  it('doubles the wait between attempts and gives up after maxAttempts', async () => {
    expect(succeeded(await collect(d.apply(bp, { project: P })))).toBe(true);
    const s = createSupervisor(d, { project: P, backoff: { initialMs: 300, maxAttempts: 3 } });
    const seen: HealEvent[] = [];
    const stop = new AbortController();
    await s.ready;
    void (async () => {
      for await (const e of s.events(stop.signal)) seen.push(e);
    })();
    try {
      await eventually(async () => (seen.some((e) => e.kind === 'gave-up') ? true : undefined), 45_000, 'gave-up');
      const kinds = seen.map((e) => e.kind);
      expect(kinds.filter((k) => k === 'restarted')).toHaveLength(3);
      expect(seen.filter((e) => e.kind === 'backoff').map((e) => e.delayMs)).toEqual([300, 600]);
      expect(kinds.at(-1)).toBe('gave-up');
      // After giving up it stays given up: no further restarts.
      const n = seen.length;
      await new Promise((r) => setTimeout(r, 2500));
      expect(seen.slice(n)).toEqual([]);
    } finally {
      stop.abort();
      s.close();
    }
  }, 60_000);
});
