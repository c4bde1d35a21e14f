import { describe, expect, it } from 'vitest';
import { AsyncQueue, createStatusHub, type HubEvent } from '../../src/docker/status';
import type { ContainerStatus, StatusEvent } from '../../src/types';

/** A scripted source (ours, not the engine): tests push events into it and see who is watching. */
function fakeSource() {
  const opened: { project: string | undefined; q: AsyncQueue<StatusEvent>; signal: AbortSignal }[] = [];
  const source = (project: string | undefined, signal: AbortSignal) => {
    const q = new AsyncQueue<StatusEvent>();
    signal.addEventListener('abort', () => q.end());
    opened.push({ project, q, signal });
    return q;
  };
  return { source, opened };
}

const status = (id: string, state: ContainerStatus['state'], at = 1): ContainerStatus => ({
  project: 'p',
  service: 's',
  container: 'main',
  replica: 1,
  elementId: `container:${id}/main`,
  id,
  state,
  restarts: 0,
  image: 'img',
  ports: [],
  at,
});

/** Pulls `n` events from a subscription. */
async function take(it: AsyncGenerator<HubEvent>, n: number): Promise<HubEvent[]> {
  const out: HubEvent[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createStatusHub', () => {
  it('shares one watch per project, ref-counted: the last subscriber closes it', async () => {
    const { source, opened } = fakeSource();
    const hub = createStatusHub(source);
    const a = new AbortController();
    const b = new AbortController();
    const sa = hub.subscribe('p', a.signal);
    const sb = hub.subscribe('p', b.signal);
    const other = new AbortController();
    const so = hub.subscribe('q', other.signal);
    const pa = take(sa, 1);
    const pb = take(sb, 1);
    const po = take(so, 1);
    await tick();
    expect(opened.map((o) => o.project)).toEqual(['p', 'q']);
    expect(hub.watching).toBe(2);
    opened[0]!.q.push({ kind: 'snapshot', project: 'p', containers: [], at: 1 });
    opened[1]!.q.push({ kind: 'snapshot', project: 'q', containers: [], at: 1 });
    expect((await pa)[0]?.event.kind).toBe('snapshot');
    expect((await pb)[0]?.event.kind).toBe('snapshot');
    expect((await po)[0]?.event).toMatchObject({ kind: 'snapshot', project: 'q' });
    a.abort();
    await sa.return(undefined);
    expect(opened[0]!.signal.aborted).toBe(false);
    b.abort();
    await sb.return(undefined);
    expect(opened[0]!.signal.aborted).toBe(true);
    other.abort();
    await so.return(undefined);
    expect(hub.watching).toBe(0);
  });

  it('replays the current state (snapshot plus changes since) to a late subscriber, with increasing ids', async () => {
    const { source, opened } = fakeSource();
    const hub = createStatusHub(source);
    const first = hub.subscribe('p', new AbortController().signal);
    const p1 = take(first, 4);
    await tick();
    const q = opened[0]!.q;
    q.push({ kind: 'snapshot', project: 'p', containers: [status('a', 'running'), status('b', 'running')], at: 1 });
    q.push({ kind: 'change', status: status('a', 'exited', 2) });
    q.push({ kind: 'change', status: status('b', 'removed', 3) });
    q.push({
      kind: 'stats',
      stats: { id: 'a', elementId: 'container:a/main', replica: 1, cpuPercent: 1, memoryBytes: 1, memoryLimitBytes: 2, at: 3 },
    });
    const seen = await p1;
    const seqs = seen.map((h) => Number(h.id.split('-')[1]));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(4);

    const late = hub.subscribe('p', new AbortController().signal);
    const [snap] = await take(late, 1);
    expect(snap?.event.kind === 'snapshot' && snap.event.containers.map((c) => `${c.id}:${c.state}`)).toEqual(['a:exited']);
    expect(snap?.id).toBe(seen[3]?.id);
    await first.return(undefined);
    await late.return(undefined);
  });

  it('resumes from a lastEventId it still holds, else sends the present', async () => {
    const { source, opened } = fakeSource();
    const hub = createStatusHub(source, { backlog: 3 });
    const keep = hub.subscribe('p', new AbortController().signal);
    const pk = take(keep, 6);
    await tick();
    const q = opened[0]!.q;
    q.push({ kind: 'snapshot', project: 'p', containers: [status('a', 'running')], at: 1 });
    for (let i = 2; i <= 6; i++) q.push({ kind: 'change', status: status('a', i % 2 ? 'running' : 'exited', i) });
    const all = await pk;

    // Resuming after the 4th event: the 5th and 6th are still in the backlog of 3.
    const resumed = hub.subscribe('p', new AbortController().signal, all[3]!.id);
    const got = await take(resumed, 2);
    expect(got.map((h) => h.id)).toEqual([all[4]!.id, all[5]!.id]);
    await resumed.return(undefined);

    // Too old (trimmed away), or another server process's id: the present instead.
    for (const last of [all[0]!.id, 'otherepoch-5']) {
      const s = hub.subscribe('p', new AbortController().signal, last);
      const [h] = await take(s, 1);
      expect(h?.event.kind).toBe('snapshot');
      await s.return(undefined);
    }
    await keep.return(undefined);
  });

  it('tells a new subscriber the engine is down, and ends subscriptions when the source gives up', async () => {
    const { source, opened } = fakeSource();
    const hub = createStatusHub(source);
    const s1 = hub.subscribe(undefined, new AbortController().signal);
    const p1 = take(s1, 2);
    await tick();
    const q = opened[0]!.q;
    q.push({ kind: 'snapshot', containers: [], at: 1 });
    q.push({ kind: 'engine', connected: false, message: 'gone', at: 2 });
    await p1;
    const s2 = hub.subscribe(undefined, new AbortController().signal);
    expect((await take(s2, 2)).map((h) => h.event.kind)).toEqual(['snapshot', 'engine']);
    q.end();
    const rest = await take(s2, 5);
    expect(rest.map((h) => h.event)).toEqual([{ kind: 'engine', connected: false, message: 'status watch ended', at: expect.any(Number) }]);
    expect(hub.watching).toBe(0);
    await s1.return(undefined);
  });

  it('replaces the backlog of a subscriber that fell too far behind by the present', async () => {
    const { source, opened } = fakeSource();
    const hub = createStatusHub(source, { maxQueue: 10 });
    const slow = hub.subscribe('p', new AbortController().signal);
    const first = take(slow, 1);
    await tick();
    const q = opened[0]!.q;
    q.push({ kind: 'snapshot', project: 'p', containers: [status('a', 'running')], at: 1 });
    await first;
    for (let i = 0; i < 25; i++) q.push({ kind: 'change', status: status('a', i % 2 ? 'running' : 'exited', i + 2) });
    await tick();
    // Cap 10: the 11th queued event replaced the backlog by the present, and again at the 22nd;
    // what is left is that snapshot (which includes the 22nd change) and the four changes after it.
    const backlog = await take(slow, 5);
    expect(backlog.map((h) => h.event.kind)).toEqual(['snapshot', 'change', 'change', 'change', 'change']);
    const seqs = backlog.map((h) => Number(h.id.split('-')[1]));
    expect(seqs).toEqual([22, 23, 24, 25, 26]);
    const snap = backlog[0]!.event;
    expect(snap.kind === 'snapshot' && snap.containers.map((c) => c.at)).toEqual([22]);
    await slow.return(undefined);
  });
});
