import type Dockerode from 'dockerode';
import type { StatusEvent } from '../../types';
import { engineMessage, isUnreachable, unreachable } from '../errors';
import { endpointOf } from './endpoint';
import { parseEvent, WATCHED_ACTIONS } from './events';
import { labelFilter } from './identity';
import { factsOf, inspect } from './inspect';
import { ndjsonSplitter } from './ndjson';
import { AsyncQueue, sleep } from './queue';
import { byElement, takeSnapshot } from './snapshot';
import type { Facts } from './state';
import { StatsSampler } from './stats';
import { parseEngineTime } from './time';
import { type Incoming, Tracker } from './tracker';

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
  const raw = new AsyncQueue<Incoming>();
  const stats = new StatsSampler(docker, (s) => out.push({ kind: 'stats', stats: s }));
  let tracker: Tracker | undefined;
  let stream: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
  let connected = false;
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
        const needs = ev.action === 'create' || ev.action === 'start' || ev.action === 'die';
        raw.push({ ev, early: !snapshotDone, facts: needs ? factsFor(docker, ev.id, sac.signal) : undefined });
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

    tracker = new Tracker(tracked, {
      emit: (status) => out.push({ kind: 'change', status: { ...status, ports: [...status.ports] } }),
      running: (id, who) => opts.stats !== false && stats.start(id, who),
      stopped: (id) => stats.stop(id),
    });
    tracker.begin(now);
    for await (const r of raw) {
      if (signal.aborted) break;
      tracker.push(r);
    }
    // What the stream delivered before it ended is still news.
    await tracker.drain();
    return { connected, message };
  } catch (e) {
    if (isUnreachable(e)) return { connected, message: unreachable(e, endpointOf(docker)).message };
    return { connected, message: `engine error: ${engineMessage(e)}` };
  } finally {
    tracker?.close();
    signal.removeEventListener('abort', onAbort);
    sac.abort();
    stream?.destroy?.();
    stats.stopAll();
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
