import { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { Semaphore } from './channel';
import { desiredState } from './desired';
import { START_ESTIMATE_MS, startRanks } from './schedule';

const web = (interval?: string) => ({
  image: 'busybox',
  ...(interval ? { healthcheck: { test: { exec: ['true'] }, interval } } : {}),
});

function ranks(services: Record<string, unknown>): Map<string, number> {
  const bp = Blueprint.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 't' }, services });
  const d = desiredState({ project: 'p', blueprint: bp });
  if (!d.ok) throw new Error(d.error.message);
  return startRanks(d.value.services);
}

describe('startRanks (critical path first)', () => {
  it('ranks the head of a healthy chain above independent services and counts each target’s first probe', () => {
    const r = ranks({
      a: { containers: { web: web() } },
      b: { containers: { web: web('500ms') } },
      c: { links: [{ to: 'b', condition: 'healthy' }], containers: { web: web('2s') } },
      d: { links: [{ to: 'c', condition: 'healthy' }], containers: { web: web() } },
      e: { links: [{ to: 'a' }], containers: { web: web() } },
    });
    expect(r.get('d')).toBe(0);
    expect(r.get('c')).toBe(2000 + START_ESTIMATE_MS);
    expect(r.get('b')).toBe(500 + START_ESTIMATE_MS + 2000 + START_ESTIMATE_MS);
    expect(r.get('a')).toBe(START_ESTIMATE_MS);
    expect(r.get('e')).toBe(0);
  });
});

describe('Semaphore with priorities', () => {
  const gate = () => {
    let open: () => void = () => {};
    const p = new Promise<void>((r) => {
      open = r;
    });
    return { p, open };
  };

  it('keeps the limit, serves higher priorities first, and lets one critical caller past the limit', async () => {
    const s = new Semaphore(1);
    const order: string[] = [];
    let inFlight = 0;
    let most = 0;
    const task = (name: string, g: { p: Promise<void> }) => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      order.push(name);
      await g.p;
      inFlight--;
    };
    const g1 = gate();
    const first = s.run(task('low-running', g1), 1);
    const g = gate();
    const low = s.run(task('low-queued', g), 0);
    const mid = s.run(task('mid-queued', g), 1);
    // Above every running call: the express slot, at once.
    const gc = gate();
    const critical = s.run(task('critical', gc), 10);
    await Promise.resolve();
    expect(order).toEqual(['low-running', 'critical']);
    // A second critical caller while the express slot is taken queues (first among the waiters).
    const critical2 = s.run(task('critical2', g), 20);
    g1.open();
    gc.open();
    g.open();
    await Promise.all([first, low, mid, critical, critical2]);
    expect(order).toEqual(['low-running', 'critical', 'critical2', 'mid-queued', 'low-queued']);
    expect(most).toBe(2);
  });
});
