import type { ContainerStatus, StatusEvent } from '../../types';
import { AsyncQueue } from './queue';
import { byElement } from './snapshot';

/** A status event with its position in the hub's stream, for tRPC `tracked(id, event)`. */
export interface HubEvent {
  id: string;
  event: StatusEvent;
}

/** Where the hub's events come from: `driver.watch` (one engine watch per call). */
export type WatchSource = (project: string | undefined, signal: AbortSignal) => AsyncIterable<StatusEvent>;

export interface StatusHubOptions {
  /** Change/engine events kept per project so a reconnecting subscriber can resume (default 1,000). */
  backlog?: number;
  /** Events queued for one slow subscriber before its backlog is replaced by a snapshot (default 5,000). */
  maxQueue?: number;
  /** Keep a watch open this long after its last subscriber left, for page reloads (default 0). */
  lingerMs?: number;
}

export interface StatusHub {
  /**
   * The project's status stream: the current snapshot (or, with a `lastEventId` the hub still
   * holds, the events after it), then live events. Ends when the signal aborts.
   */
  subscribe(project: string | undefined, signal: AbortSignal, lastEventId?: string): AsyncGenerator<HubEvent>;
  /** Projects with an open engine watch. */
  readonly watching: number;
}

interface Channel {
  ac: AbortController;
  subs: Set<AsyncQueue<HubEvent>>;
  /** Current state: the last snapshot with every change since applied. */
  containers: Map<string, ContainerStatus>;
  snapshotAt?: number;
  engineDown?: StatusEvent;
  /** Recent non-stats events, oldest first, for resumption. */
  ring: HubEvent[];
  /** Sequence numbers up to this one are all in `ring` or before the snapshot (see resume). */
  seq: number;
  linger?: NodeJS.Timeout;
}

/**
 * Shares ONE engine watch per project among many subscribers (browser tabs, the CLI): opened by the
 * first subscriber, closed when the last leaves. Pure of Docker: the source is injected, so the
 * hub is tested with a scripted source.
 */
export function createStatusHub(source: WatchSource, options: StatusHubOptions = {}): StatusHub {
  const backlog = options.backlog ?? 1000;
  const maxQueue = options.maxQueue ?? 5000;
  const lingerMs = options.lingerMs ?? 0;
  // Ids of an earlier server process must not be mistaken for ours: they carry an epoch.
  const epoch = Date.now().toString(36);
  let seq = 0;
  const channels = new Map<string, Channel>();

  const keyOf = (project: string | undefined) => project ?? '\u0000all';
  const statusKey = (s: ContainerStatus) => s.id ?? `${s.elementId}#${s.replica}`;

  function snapshotOf(project: string | undefined, ch: Channel): StatusEvent {
    return { kind: 'snapshot', project, containers: [...ch.containers.values()].sort(byElement), at: ch.snapshotAt ?? 0 };
  }

  /** What a (re)joining subscriber needs to see the present: snapshot, and the engine's outage if any. */
  function present(project: string | undefined, ch: Channel): HubEvent[] {
    if (ch.snapshotAt === undefined) return ch.engineDown ? [{ id: `${epoch}-${ch.seq}`, event: ch.engineDown }] : [];
    const out: HubEvent[] = [{ id: `${epoch}-${ch.seq}`, event: snapshotOf(project, ch) }];
    if (ch.engineDown) out.push({ id: `${epoch}-${ch.seq}`, event: ch.engineDown });
    return out;
  }

  function publish(project: string | undefined, ch: Channel, event: StatusEvent): void {
    seq++;
    ch.seq = seq;
    const he: HubEvent = { id: `${epoch}-${seq}`, event };
    if (event.kind === 'snapshot') {
      ch.containers = new Map(event.containers.map((c) => [statusKey(c), c]));
      ch.snapshotAt = event.at;
      ch.ring = [];
    } else if (event.kind === 'change') {
      if (event.status.state === 'removed') ch.containers.delete(statusKey(event.status));
      else ch.containers.set(statusKey(event.status), event.status);
    } else if (event.kind === 'engine') {
      ch.engineDown = event.connected ? undefined : event;
    }
    // Stats are frequent and stale a second later: not worth resuming, so not worth keeping.
    if (event.kind !== 'stats') {
      ch.ring.push(he);
      if (ch.ring.length > backlog) ch.ring.splice(0, ch.ring.length - backlog);
    }
    for (const q of ch.subs) {
      if (q.size >= maxQueue) {
        // A subscriber this far behind gets the present instead of the history it cannot keep up with.
        q.clear();
        for (const p of present(project, ch)) q.push(p);
      } else q.push(he);
    }
  }

  function open(project: string | undefined): Channel {
    const ch: Channel = { ac: new AbortController(), subs: new Set(), containers: new Map(), ring: [], seq };
    channels.set(keyOf(project), ch);
    void (async () => {
      let message = 'status watch ended';
      try {
        for await (const ev of source(project, ch.ac.signal)) {
          if (ch.ac.signal.aborted) break;
          publish(project, ch, ev);
        }
      } catch (e) {
        message = `status watch failed: ${(e as Error).message}`;
      }
      if (ch.ac.signal.aborted) return;
      // The source gave up on its own: tell everyone and let them resubscribe to a fresh watch.
      publish(project, ch, { kind: 'engine', connected: false, message, at: Date.now() });
      close(project, ch);
    })();
    return ch;
  }

  function close(project: string | undefined, ch: Channel): void {
    ch.ac.abort();
    for (const q of ch.subs) q.end();
    ch.subs.clear();
    if (channels.get(keyOf(project)) === ch) channels.delete(keyOf(project));
  }

  /** Events after `lastEventId` when this channel still holds all of them; undefined means "send the present". */
  function resume(ch: Channel, lastEventId: string | undefined): HubEvent[] | undefined {
    if (!lastEventId) return undefined;
    const [e, n] = lastEventId.split('-');
    const last = Number(n);
    if (e !== epoch || !Number.isInteger(last) || last > ch.seq || ch.snapshotAt === undefined) return undefined;
    const first = ch.ring[0];
    // The ring starts at the last snapshot, or later when trimmed: `last` must not be before it.
    const firstSeq = first ? Number(first.id.split('-')[1]) : ch.seq + 1;
    if (last < firstSeq - 1) return undefined;
    if (first?.event.kind === 'snapshot' && last < firstSeq) return undefined;
    return ch.ring.filter((h) => Number(h.id.split('-')[1]) > last);
  }

  async function* subscribe(project: string | undefined, signal: AbortSignal, lastEventId?: string): AsyncGenerator<HubEvent> {
    if (signal.aborted) return;
    let ch = channels.get(keyOf(project));
    if (ch?.linger) {
      clearTimeout(ch.linger);
      ch.linger = undefined;
    }
    if (!ch) ch = open(project);
    const q = new AsyncQueue<HubEvent>();
    for (const h of resume(ch, lastEventId) ?? present(project, ch)) q.push(h);
    ch.subs.add(q);
    const onAbort = () => q.end();
    signal.addEventListener('abort', onAbort, { once: true });
    const chan = ch;
    try {
      for await (const h of q) {
        if (signal.aborted) break;
        yield h;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      chan.subs.delete(q);
      if (chan.subs.size === 0 && channels.get(keyOf(project)) === chan) {
        if (lingerMs > 0) chan.linger = setTimeout(() => chan.subs.size === 0 && close(project, chan), lingerMs);
        else close(project, chan);
      }
    }
  }

  return {
    subscribe,
    get watching() {
      return channels.size;
    },
  };
}
