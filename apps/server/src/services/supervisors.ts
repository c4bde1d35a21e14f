import type { DockerDriver, HealEvent, Supervisor } from '@blaupause/engine';
import { createSupervisor } from '@blaupause/engine';

/** How many heal events per project are kept for a page that opens the timeline later. */
const KEEP = 200;

interface Entry {
  supervisor: Supervisor;
  events: { seq: number; event: HealEvent }[];
  waiters: Set<() => void>;
  stop: AbortController;
}

/**
 * One auto-healing supervisor per deployed project on the Docker engine (issue 7): started when a
 * deploy of the project succeeds (and for every project found at server start), closed when the
 * project is torn down. Its events are kept (a bounded log) so the canvas's timeline shows what
 * happened while no page was open, and followed with resumable sequence numbers.
 */
export class Supervisors {
  private readonly byProject = new Map<string, Entry>();
  private seq = 0;

  constructor(private readonly driver: DockerDriver) {}

  /** Starts healing the project (no-op when it already runs). */
  ensure(project: string): void {
    if (this.byProject.has(project)) return;
    const supervisor = createSupervisor(this.driver, { project });
    const entry: Entry = { supervisor, events: [], waiters: new Set(), stop: new AbortController() };
    this.byProject.set(project, entry);
    // The engine may be away at first: the supervisor keeps trying; nothing to report here.
    supervisor.ready.catch(() => undefined);
    void (async () => {
      try {
        for await (const event of supervisor.events(entry.stop.signal)) {
          entry.events.push({ seq: ++this.seq, event });
          if (entry.events.length > KEEP) entry.events.splice(0, entry.events.length - KEEP);
          for (const w of [...entry.waiters]) w();
        }
      } catch {
        // A closed supervisor ends its stream; nothing else is expected.
      }
    })();
  }

  stop(project: string): void {
    const e = this.byProject.get(project);
    if (!e) return;
    e.stop.abort();
    e.supervisor.close();
    this.byProject.delete(project);
    for (const w of [...e.waiters]) w();
  }

  setEnabled(project: string, service: string, on: boolean): boolean {
    const e = this.byProject.get(project);
    if (!e) return false;
    e.supervisor.setEnabled(service, on);
    return true;
  }

  running(project: string): boolean {
    return this.byProject.has(project);
  }

  /** The project's heal events after `after` (a sequence number), then new ones until `signal` aborts. */
  async *follow(project: string, after: number, signal: AbortSignal): AsyncGenerator<{ seq: number; event: HealEvent }> {
    let last = after;
    while (!signal.aborted) {
      const e = this.byProject.get(project);
      for (const item of e?.events ?? [])
        if (item.seq > last) {
          last = item.seq;
          yield item;
        }
      await new Promise<void>((resolve) => {
        const wake = () => {
          e?.waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          clearTimeout(timer);
          resolve();
        };
        // A project not (yet) supervised is looked at again now and then: a deploy may start it.
        const timer = setTimeout(wake, e ? 60_000 : 2_000);
        e?.waiters.add(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }

  close(): void {
    for (const p of [...this.byProject.keys()]) this.stop(p);
  }
}
