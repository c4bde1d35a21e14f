import type Dockerode from 'dockerode';
import type { ContainerStatus, StatusEvent } from '../../types';
import { type ContainerEvent, parseEvent, WATCHED_ACTIONS } from './events';
import { type Identity, labelFilter } from './identity';
import { factsOf, inspect } from './inspect';
import { ndjsonSplitter } from './ndjson';
import { AsyncQueue, sleep } from './queue';
import { byElement, takeSnapshot } from './snapshot';
import { applyEvent, CRASH_LOOP, canPredict, type Facts, refresh, settle } from './state';
import { StatsSampler } from './stats';
import { parseEngineTime } from './time';

export interface WatchOptions {
  /** Sample CPU/memory of running containers (default true). */
  stats?: boolean;
  /** First back-off delay after the engine connection is lost, and its cap (ms). */
  retryMs?: number;
  maxRetryMs?: number;
}

/**
 * Live status of our containers (one project, or all of ours): a full snapshot, then changes from
 * the engine's event stream (DESIGN §5). When the stream ends or fails — engine stopped,
 * restarted, socket gone — it says `{ kind: 'engine', connected: false }`, retries with back-off
 * and starts over with a fresh snapshot, so an engine restart is recovered without anyone polling.
 * Aborting the signal (or leaving the loop) closes the event and stats HTTP streams.
 */
export async function* watchStatus(
  docker: Dockerode,
  project: string | undefined,
  signal: AbortSignal,
  options: WatchOptions = {},
): AsyncGenerator<StatusEvent> {
  if (signal.aborted) return;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const out = new AsyncQueue<StatusEvent>();
  ac.signal.addEventListener('abort', () => out.end(), { once: true });
  const loop = supervise(docker, project, ac.signal, out, options);
  try {
    for await (const ev of out) yield ev;
  } finally {
    signal.removeEventListener('abort', onAbort);
    ac.abort();
    await loop;
  }
}

async function supervise(
  docker: Dockerode,
  project: string | undefined,
  signal: AbortSignal,
  out: AsyncQueue<StatusEvent>,
  opts: WatchOptions,
): Promise<void> {
  const first = opts.retryMs ?? 250;
  const cap = opts.maxRetryMs ?? 5000;
  let delay = first;
  let reported = false;
  while (!signal.aborted) {
    const r = await session(docker, project, signal, out, opts);
    if (signal.aborted) return;
    if (r.connected) {
      delay = first;
      reported = false;
    }
    // One "disconnected" per outage: failed retries while it lasts are not news.
    // The engine's clock is out of reach here, so this one `at` is ours.
    if (!reported) out.push({ kind: 'engine', connected: false, message: r.message, at: Date.now() });
    reported = true;
    await sleep(delay, signal);
    delay = Math.min(delay * 2, cap);
  }
}

interface Raw {
  ev: ContainerEvent;
  /** Arrived before the snapshot was complete: may already be reflected in it. */
  early: boolean;
  /**
   * The inspect a create, start or die calls for, asked for as the event arrives, so the inspects
   * of a burst run side by side (see state.ts for how and when their answers are used).
   */
  facts?: Promise<Facts | undefined>;
}

/** One connection: subscribe, snapshot, then follow events until the stream ends. */
async function session(
  docker: Dockerode,
  project: string | undefined,
  signal: AbortSignal,
  out: AsyncQueue<StatusEvent>,
  opts: WatchOptions,
): Promise<{ connected: boolean; message: string }> {
  const sac = new AbortController();
  const onAbort = () => sac.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const raw = new AsyncQueue<Raw>();
  const timers = new Set<NodeJS.Timeout>();
  const stats = new StatsSampler(docker, (s) => out.push({ kind: 'stats', stats: s }));
  let stream: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
  let connected = false;
  let live = true;
  let message = 'engine event stream ended';
  try {
    // Subscribe before listing: an event between list and subscribe would otherwise be lost.
    stream = await docker.getEvents({
      filters: { type: ['container'], label: labelFilter(project), event: [...WATCHED_ACTIONS] },
      abortSignal: sac.signal,
    } as Dockerode.GetEventsOptions);
    let snapshotDone = false;
    const split = ndjsonSplitter();
    stream.on('data', (chunk: Buffer) => {
      for (const rec of split.push(chunk)) {
        const ev = parseEvent(rec);
        if (!ev) continue;
        const facts =
          ev.action === 'create' || ev.action === 'start' || ev.action === 'die' ? factsFor(docker, ev.id, sac.signal) : undefined;
        raw.push({ ev, early: !snapshotDone, facts });
      }
    });
    stream.on('error', (e: Error) => {
      message = `engine event stream failed: ${e.message}`;
      raw.end();
    });
    stream.on('end', () => raw.end());
    stream.on('close', () => raw.end());

    // Every request of a session carries its signal: an abort must not wait for a busy engine.
    // (dockerode takes options on info() though its types do not say so)
    const info = (await (docker.info as (o: object) => Promise<unknown>).call(docker, { abortSignal: sac.signal })) as {
      SystemTime?: string;
    };
    const now = parseEngineTime(info.SystemTime);
    const tracked = await takeSnapshot(docker, project, now, sac.signal);
    snapshotDone = true;
    connected = true;
    const at = Math.floor(now / 1e6) || Date.now();
    out.push({ kind: 'engine', connected: true, at });
    out.push({ kind: 'snapshot', project, containers: [...tracked.values()].map((t) => t.status).sort(byElement), at });

    const emit = (status: ContainerStatus) => out.push({ kind: 'change', status: { ...status, ports: [...status.ports] } });
    const sample = (id: string, who: Identity) => opts.stats !== false && stats.start(id, who);
    /** Recovered if it stays up as long as Docker's back-off reset: a timer, not a poll of the engine. */
    const settleLater = (id: string, startedAt: number, delayMs: number) => {
      const settleAt = startedAt + CRASH_LOOP.settleNs;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          const cur = tracked.get(id);
          if (!cur) return;
          const s = settle(cur, settleAt);
          if (s.next) tracked.set(id, s.next);
          if (s.emit) {
            emit(s.emit);
            sample(id, s.emit);
          }
        },
        Math.max(0, delayMs),
      );
      timers.add(timer);
    };
    for (const t of tracked.values()) {
      if (isRunning(t.status)) sample(t.status.id!, t.status);
      if (t.status.state === 'crash-looping' && t.startedAt && now)
        settleLater(t.status.id!, t.startedAt, (t.startedAt + CRASH_LOOP.settleNs - now) / 1e6);
    }

    /** Applies one event; returns the container's event count after it, undefined when skipped. */
    const apply = ({ ev, early }: Raw, facts: Facts | undefined): number | undefined => {
      const prev = tracked.get(ev.id);
      // The snapshot already shows this container as of its watermark; replaying older events would
      // flash states it has left (e.g. running again for a container that has since exited).
      if (early && prev && ev.t <= prev.watermark) return undefined;
      const step = applyEvent(prev, ev, facts);
      if (step.next) tracked.set(ev.id, step.next);
      else tracked.delete(ev.id);
      if (step.emit) emit(step.emit);
      if (ev.action === 'start') sample(ev.id, ev.identity);
      if (ev.action === 'die' || ev.action === 'destroy') stats.stop(ev.id);
      if (ev.action === 'start' && step.next?.status.state === 'crash-looping') settleLater(ev.id, ev.t, CRASH_LOOP.settleNs / 1e6);
      return step.next?.seq;
    };
    /** A late inspect answer: configuration is always worth keeping, status only for the event it was for. */
    const refreshWith = (ev: ContainerEvent, seq: number, facts: Facts | undefined) => {
      const cur = tracked.get(ev.id);
      if (!facts || !cur || signal.aborted || !live) return;
      if (cur.seq !== seq) {
        tracked.set(ev.id, { ...cur, hasHealthcheck: facts.hasHealthcheck, policy: facts.policy });
        return;
      }
      const step = refresh(cur, ev, facts);
      if (step.next) tracked.set(ev.id, step.next);
      if (step.emit) emit(step.emit);
    };
    // Order matters per container, not across them: one container's slow inspect (its lock is held
    // while the engine starts or stops it) must not hold back the news about all the others.
    const chains = new Map<string, Promise<void>>();
    for await (const r of raw) {
      if (signal.aborted) break;
      const before = chains.get(r.ev.id);
      if (!before && canPredict(tracked.get(r.ev.id), r.ev)) {
        const seq = apply(r, undefined);
        if (seq !== undefined && r.facts) void r.facts.then((f) => refreshWith(r.ev, seq, f));
        continue;
      }
      const chain = (async () => {
        await before;
        const facts = await r.facts;
        if (!signal.aborted) apply(r, facts);
      })();
      chains.set(r.ev.id, chain);
      void chain.finally(() => chains.get(r.ev.id) === chain && chains.delete(r.ev.id));
    }
    // What the stream delivered before it ended is still news (inspects fail fast once the engine is gone).
    await Promise.all(chains.values());
    return { connected, message };
  } catch (e) {
    return { connected, message: `engine unreachable: ${(e as Error).message}` };
  } finally {
    live = false;
    signal.removeEventListener('abort', onAbort);
    sac.abort();
    stream?.destroy?.();
    stats.stopAll();
    for (const t of timers) clearTimeout(t);
    raw.end();
  }
}

async function factsFor(docker: Dockerode, id: string, signal: AbortSignal): Promise<Facts | undefined> {
  try {
    const info = await inspect(docker, id, signal);
    return info && factsOf(info);
  } catch {
    // The engine went away mid-event: the stream ends next and the re-snapshot tells the truth.
    return undefined;
  }
}

/** A crash-looping container is mostly waiting in back-off: its next `start` event opens its stats. */
const isRunning = (s: ContainerStatus): boolean =>
  s.state === 'running' || s.state === 'starting' || s.state === 'healthy' || s.state === 'unhealthy';
