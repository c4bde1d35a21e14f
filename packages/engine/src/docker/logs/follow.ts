import type Dockerode from 'dockerode';
import type { LogLine, LogOptions } from '../../types';
import { EngineFailure, toEngineError } from '../errors';
import { endpointOf } from '../status/endpoint';
import { type Identity, identityOf, labelFilter } from '../status/identity';
import { ndjsonSplitter } from '../status/ndjson';
import { AsyncQueue } from '../status/queue';
import { parseStamped, type StampedLine, sinceOf } from './lines';
import { type Query, readLogs } from './read';

/** One container whose logs are read. */
interface Target {
  id: string;
  who: Identity;
  tty: boolean;
  /** Sort key of the last line delivered: a re-attach asks the engine for what came after it. */
  lastKey: string;
  lastAt: number;
  /** Lines delivered with `lastKey`, to give same-nanosecond lines distinct ids. */
  sameKey: number;
  /**
   * Where its undelivered lines begin while none were delivered: '' from its very first line,
   * a sort key after that time, undefined only from now on (a running container under tail 0).
   */
  from?: string;
  running: boolean;
  /** Ends the current follow request, when one is open. */
  detach?: () => void;
}

interface RawEvent {
  Action?: string;
  time?: number;
  timeNano?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

/**
 * Logs of one container or of every container of a service (all replicas, all pod containers):
 * the last `tail` lines of each, merged in engine-time order, then — with `follow` — new lines
 * as they come. While following, containers of the service that start later (new replicas,
 * restarts, recreated containers) are attached from the engine's event stream, from where they
 * left off. Ends when the signal aborts or the engine goes away; without `follow`, after the tail.
 */
export async function* followLogs(docker: Dockerode, options: LogOptions): AsyncGenerator<LogLine> {
  if (options.signal?.aborted) return;
  const ac = new AbortController();
  const onAbort = () => ac.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const matches = (who: Identity) =>
    who.project === options.project &&
    who.service === options.service &&
    (options.container === undefined || who.container === options.container) &&
    (options.replica === undefined || who.replica === options.replica);
  const out = new AsyncQueue<LogLine>();
  ac.signal.addEventListener('abort', () => out.end(), { once: true });
  let events: (NodeJS.ReadableStream & { destroy?: () => void }) | undefined;
  /** Setup failures become errors as data (ENGINE_UNREACHABLE names the socket); an abort just ends. */
  const setup = async <T>(p: Promise<T>): Promise<T | undefined> => {
    try {
      return await p;
    } catch (e) {
      if (ac.signal.aborted) return undefined;
      throw new EngineFailure(toEngineError(e, endpointOf(docker), `Reading the logs of ${options.service}`));
    }
  };
  try {
    const changes = new AsyncQueue<RawEvent>();
    if (options.follow) {
      // Subscribe before listing, so a container starting in between is not missed.
      events = await setup(
        docker.getEvents({
          filters: { type: ['container'], label: labelFilter(options.project), event: ['start', 'die'] },
          abortSignal: ac.signal,
        } as Dockerode.GetEventsOptions),
      );
      if (!events) return;
      const split = ndjsonSplitter();
      events.on('data', (chunk: Buffer) => {
        for (const rec of split.push(chunk)) changes.push(rec as RawEvent);
      });
      for (const ev of ['end', 'close', 'error']) events.on(ev, () => changes.end());
    }

    const targets = await setup(listTargets(docker, options.project, matches, ac.signal));
    if (!targets) return;
    const tail = options.tail ?? 'all';
    if (!options.follow || tail !== 0) {
      for (const line of await history(docker, [...targets.values()], tail, ac.signal)) {
        if (ac.signal.aborted) return;
        yield line;
      }
      // The tail showed what there was; every later line is news, however few the tail held.
      for (const t of targets.values()) if (!t.lastKey) t.from = '';
    }
    if (!options.follow) return;

    /**
     * Follows one container. A start event re-attaches: the engine ends a follow when the
     * container stops, and one opened before the container ever ran never delivers.
     */
    const attach = (t: Target) => {
      if (ac.signal.aborted) return;
      t.detach?.();
      const own = new AbortController();
      const stop = () => own.abort();
      ac.signal.addEventListener('abort', stop, { once: true });
      const detach = () => {
        ac.signal.removeEventListener('abort', stop);
        own.abort();
      };
      t.detach = detach;
      const after = t.lastKey;
      const q: Query = after
        ? { since: sinceOf(after) }
        : t.from === undefined
          ? { tail: 0 }
          : t.from
            ? { since: sinceOf(t.from) }
            : { tail: 'all' };
      void readLogs(docker, t.id, t.tty, { follow: true, ...q }, own.signal, (stream, s) => {
        // `since` is inclusive: lines at or before the last one delivered were delivered.
        if (after && s.key && s.key <= after) return;
        out.push(toLine(t, stream, s));
      }).finally(() => {
        if (t.detach === detach) t.detach = undefined;
        ac.signal.removeEventListener('abort', stop);
      });
    };
    for (const t of targets.values()) if (t.running) attach(t);

    void (async () => {
      for await (const ev of changes) {
        const id = ev.Actor?.ID;
        const who = identityOf(ev.Actor?.Attributes);
        if (!id || !matches(who)) continue;
        let t = targets.get(id);
        if (ev.Action === 'die') {
          // Its next run's lines come after this; the exact finish time is not in the event.
          if (t) t.from = eventKey(ev);
          continue;
        }
        if (!t) {
          const info = await docker
            .getContainer(id)
            .inspect({ abortSignal: ac.signal } as object)
            .catch(() => undefined);
          if (!info) continue;
          t = { id, who, tty: info.Config?.Tty === true, lastKey: '', lastAt: 0, sameKey: 0, from: '', running: true };
          targets.set(id, t);
        }
        attach(t);
      }
      // The engine went away: end here; the subscriber reconnects and asks again.
      out.end();
    })();
    for await (const line of out) yield line;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    ac.abort();
    events?.destroy?.();
  }
}

async function listTargets(
  docker: Dockerode,
  project: string,
  matches: (who: Identity) => boolean,
  signal: AbortSignal,
): Promise<Map<string, Target>> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: labelFilter(project) },
    abortSignal: signal,
  } as Dockerode.ContainerListOptions);
  const targets = new Map<string, Target>();
  for (const c of list) {
    const who = identityOf(c.Labels);
    if (!matches(who)) continue;
    const info = await docker
      .getContainer(c.Id)
      .inspect({ abortSignal: signal } as object)
      .catch(() => undefined);
    if (!info) continue;
    const running = info.State?.Running === true;
    const finished = info.State?.FinishedAt ?? '';
    // A stopped container's next run writes after its last finish; one that never ran, from its first line.
    const from = running ? undefined : finished && !finished.startsWith('0001-') ? parseStamped(`${finished} `).key : '';
    targets.set(c.Id, { id: c.Id, who, tty: info.Config?.Tty === true, lastKey: '', lastAt: 0, sameKey: 0, from, running });
  }
  return targets;
}

/** The last `tail` lines of every target, merged in engine-time order. */
async function history(docker: Dockerode, targets: Target[], tail: number | 'all', signal: AbortSignal): Promise<LogLine[]> {
  const lines: { t: Target; stream: LogLine['stream']; s: StampedLine; order: number }[] = [];
  await Promise.all(
    targets.map((t) =>
      readLogs(docker, t.id, t.tty, { follow: false, tail }, signal, (stream, s) => lines.push({ t, stream, s, order: lines.length })),
    ),
  );
  // Stable on equal stamps: each container's own order is kept.
  lines.sort((a, b) => (a.s.key < b.s.key ? -1 : a.s.key > b.s.key ? 1 : a.order - b.order));
  return lines.map((l) => toLine(l.t, l.stream, l.s));
}

function toLine(t: Target, stream: LogLine['stream'], s: StampedLine): LogLine {
  // A line without a stamp continues the previous one (a long line in pieces): same time.
  const key = s.key || t.lastKey;
  t.sameKey = key === t.lastKey ? t.sameKey + 1 : 0;
  t.lastKey = key;
  t.lastAt = s.key ? s.at : t.lastAt;
  return {
    id: `${t.id.slice(0, 12)}-${key}${t.sameKey ? `-${t.sameKey}` : ''}`,
    elementId: t.who.elementId,
    replica: t.who.replica,
    stream,
    at: t.lastAt,
    text: s.text,
  };
}

/** An event's engine time as a sort key (timeNano is a JSON number: ~256 ns precise, enough here). */
function eventKey(ev: RawEvent): string {
  const sec = ev.time ?? Math.floor((ev.timeNano ?? 0) / 1e9);
  const ns = ev.timeNano ? Math.max(0, Math.min(999_999_999, Math.floor(ev.timeNano - sec * 1e9))) : 0;
  return `${String(sec).padStart(12, '0')}.${String(ns).padStart(9, '0')}`;
}
