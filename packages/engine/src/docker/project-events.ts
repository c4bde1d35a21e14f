import type Docker from 'dockerode';
import { LABEL } from './labels';
import { parseEvent } from './status/events';
import { ndjsonSplitter } from './status/ndjson';

/**
 * The engine's event stream for one project while an apply runs, so that waits (a link's
 * condition) and the settle window wake when a container of the project changes instead of
 * polling inspect. It only says *that* a container changed: callers still decide by inspecting,
 * so the verdicts are the same as with polling. Each container has a version (events seen);
 * a caller reads it before its inspect and passes it to `changed()`, so an event that lands
 * between the inspect and the wait is not missed. If the stream cannot be opened or ends, `live`
 * turns false and callers fall back to polling.
 */
export interface ChangeFeed {
  readonly live: boolean;
  version(id: string): number;
  /** Resolves when any of `since`'s containers has an event after its version there, after `timeoutMs`, or on abort. */
  changed(since: ReadonlyMap<string, number>, timeoutMs: number, signal?: AbortSignal): Promise<void>;
}

/** Container actions that can change a link's condition or a settle verdict (health checks' exec_* are left out by the engine). */
const ACTIONS = ['start', 'die', 'destroy', 'health_status'];

export class ProjectEvents implements ChangeFeed {
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private readonly abort = new AbortController();
  private isLive = false;

  get live(): boolean {
    return this.isLive;
  }

  /** Subscribes; resolves once the engine has answered (events after that are seen). Never throws. */
  async open(docker: Docker, project: string): Promise<this> {
    try {
      const stream = (await docker.getEvents({
        filters: { type: ['container'], label: [`${LABEL.project}=${project}`], event: ACTIONS },
        abortSignal: this.abort.signal,
      } as Docker.GetEventsOptions)) as NodeJS.ReadableStream;
      this.isLive = true;
      const split = ndjsonSplitter();
      stream.on('data', (chunk: Buffer) => {
        for (const rec of split.push(chunk)) {
          const ev = parseEvent(rec);
          if (ev) this.bump(ev.id);
        }
      });
      const end = () => {
        this.isLive = false;
        this.wakeAll();
      };
      stream.on('error', end);
      stream.on('end', end);
      stream.on('close', end);
    } catch {
      this.isLive = false;
    }
    return this;
  }

  close(): void {
    this.abort.abort();
    this.isLive = false;
    this.wakeAll();
  }

  version(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  changed(since: ReadonlyMap<string, number>, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const moved = () => [...since].some(([id, v]) => this.version(id) !== v);
    if (moved() || !this.isLive || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const check = () => {
        if (moved() || !this.isLive) done();
      };
      const timer = setTimeout(done, Math.max(0, timeoutMs));
      this.waiters.add(check);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private bump(id: string): void {
    this.versions.set(id, this.version(id) + 1);
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** No stream: every wait is a plain timer (the polling of old). */
export const POLLING: ChangeFeed = {
  live: false,
  version: () => 0,
  changed: (_since, timeoutMs) => new Promise((r) => setTimeout(r, Math.max(0, timeoutMs))),
};

/**
 * How long a live stream's silence is trusted before checking anyway: the engine drops events
 * for a subscriber that lags (100 ms), so a lost event costs at most this, never a hang.
 */
export const SAFETY_POLL_MS = 2000;
