import type { ContainerStatus } from '../../types';
import type { ContainerEvent } from './events';
import type { Identity } from './identity';
import { applyEvent, CRASH_LOOP, canPredict, type Facts, refresh, settle, type Tracked } from './state';

/** One engine event as the watcher received it. */
export interface Incoming {
  ev: ContainerEvent;
  /** Arrived before the snapshot was complete: may already be reflected in it. */
  early: boolean;
  /**
   * The inspect a create, start or die calls for, asked for as the event arrives, so the inspects
   * of a burst run side by side (see state.ts for how and when their answers are used).
   */
  facts?: Promise<Facts | undefined>;
}

export interface TrackerHooks {
  emit(status: ContainerStatus): void;
  /** The container runs: sample its stats. */
  running(id: string, who: Identity): void;
  /** The container stopped or went away: stop sampling. */
  stopped(id: string): void;
}

/**
 * The containers of one watch session, kept current from the snapshot and the events after it.
 * Applies events in order per container — not across containers: one container's slow inspect
 * (the engine holds its lock while starting or stopping it) must not hold back the news about
 * all the others — and owns the crash-loop settle timers.
 */
export class Tracker {
  private chains = new Map<string, Promise<void>>();
  /** The first inspect asked for about each container (usually its create's): its configuration. */
  private config = new Map<string, Promise<Facts | undefined>>();
  private timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly tracked: Map<string, Tracked>,
    private readonly hooks: TrackerHooks,
  ) {}

  /** Starts what the snapshot calls for: stats of running containers, settle timers of looping ones. */
  begin(now: number): void {
    for (const t of this.tracked.values()) {
      const id = t.status.id!;
      if (isUp(t.status)) this.hooks.running(id, t.status);
      if (t.status.state === 'crash-looping' && t.startedAt && now)
        this.settleLater(id, t.startedAt, (t.startedAt + CRASH_LOOP.settleNs - now) / 1e6);
    }
  }

  push(r: Incoming): void {
    if (this.closed) return;
    const id = r.ev.id;
    if (r.facts && !this.config.has(id)) this.config.set(id, r.facts);
    if (r.ev.action === 'destroy') this.config.delete(id);
    const before = this.chains.get(id);
    if (!before && canPredict(this.tracked.get(id), r.ev)) this.predicted(r);
    else this.chains.set(id, this.waited(r, before));
  }

  /** Applied at once; the event's own inspect answer is folded in when it comes. */
  private predicted(r: Incoming): void {
    const seq = this.apply(r, undefined);
    if (seq !== undefined && r.facts) void r.facts.then((f) => this.refreshWith(r.ev, seq, f));
  }

  /**
   * Applied after the container's earlier events and once its configuration is known: from
   * whichever inspect answers first — usually the one its create asked for, well before this event.
   */
  private waited(r: Incoming, before: Promise<void> | undefined): Promise<void> {
    const id = r.ev.id;
    const chain = (async () => {
      await before;
      const own = r.facts ?? Promise.resolve(undefined);
      const cfg = this.config.get(id);
      const first =
        cfg && cfg !== r.facts
          ? await Promise.race([cfg.then((f) => ({ f, own: false })), own.then((f) => ({ f, own: true }))])
          : { f: await own, own: true };
      if (this.closed) return;
      const cur = this.tracked.get(id);
      if (!first.own && first.f && cur) this.tracked.set(id, { ...cur, hasHealthcheck: first.f.hasHealthcheck, policy: first.f.policy });
      if (!first.own && canPredict(this.tracked.get(id), r.ev)) this.predicted(r);
      else this.apply(r, first.own ? first.f : await own);
    })();
    void chain.finally(() => this.chains.get(id) === chain && this.chains.delete(id));
    return chain;
  }

  /** Waits for events still waiting on their inspect (they fail fast once the engine is gone). */
  async drain(): Promise<void> {
    await Promise.all(this.chains.values());
  }

  close(): void {
    this.closed = true;
    this.config.clear();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Applies one event; returns the container's event count after it, undefined when skipped. */
  private apply({ ev, early }: Incoming, facts: Facts | undefined): number | undefined {
    const prev = this.tracked.get(ev.id);
    // The snapshot already shows this container as of its watermark; replaying older events would
    // flash states it has left (e.g. running again for a container that has since exited).
    if (early && prev && ev.t <= prev.watermark) return undefined;
    const step = applyEvent(prev, ev, facts);
    if (step.next) this.tracked.set(ev.id, step.next);
    else this.tracked.delete(ev.id);
    if (step.emit) this.hooks.emit(step.emit);
    if (ev.action === 'start') this.hooks.running(ev.id, ev.identity);
    if (ev.action === 'die' || ev.action === 'destroy') this.hooks.stopped(ev.id);
    if (ev.action === 'start' && step.next?.status.state === 'crash-looping') this.settleLater(ev.id, ev.t, CRASH_LOOP.settleNs / 1e6);
    return step.next?.seq;
  }

  /** A late inspect answer: configuration is always worth keeping, status only for the event it was for. */
  private refreshWith(ev: ContainerEvent, seq: number, facts: Facts | undefined): void {
    const cur = this.tracked.get(ev.id);
    if (!facts || !cur || this.closed) return;
    if (cur.seq !== seq) {
      this.tracked.set(ev.id, { ...cur, hasHealthcheck: facts.hasHealthcheck, policy: facts.policy });
      return;
    }
    const step = refresh(cur, ev, facts);
    if (step.next) this.tracked.set(ev.id, step.next);
    if (step.emit) this.hooks.emit(step.emit);
  }

  /** Recovered if it stays up as long as Docker's back-off reset: a timer, not a poll of the engine. */
  private settleLater(id: string, startedAt: number, delayMs: number): void {
    const settleAt = startedAt + CRASH_LOOP.settleNs;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        const cur = this.tracked.get(id);
        if (!cur || this.closed) return;
        const s = settle(cur, settleAt);
        if (s.next) this.tracked.set(id, s.next);
        if (s.emit) {
          this.hooks.emit(s.emit);
          this.hooks.running(id, s.emit);
        }
      },
      Math.max(0, delayMs),
    );
    this.timers.add(timer);
  }
}

/** A crash-looping container is mostly waiting in back-off: its next `start` event opens its stats. */
const isUp = (s: ContainerStatus): boolean =>
  s.state === 'running' || s.state === 'starting' || s.state === 'healthy' || s.state === 'unhealthy';
