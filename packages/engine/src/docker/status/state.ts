import type { ContainerState, ContainerStatus } from '../../types';
import type { ContainerEvent } from './events';
import { nsToMs } from './time';

/**
 * The per-container state machine (DESIGN §5 states), pure: engine events in, statuses out.
 * Facts the event does not carry (restart count, whether the restart manager will bring the
 * container back, health check presence, published ports) come from one inspect the watcher makes
 * for `start` and `die` only — an event-driven read, never a poll.
 */

/** What an inspect adds to a `start` or `die` event. */
export interface Facts {
  restartCount: number;
  /** The restart manager scheduled a restart (Docker sets this before it emits `die`). */
  restarting: boolean;
  running: boolean;
  hasHealthcheck: boolean;
  health?: 'starting' | 'healthy' | 'unhealthy';
  ports: string[];
  image?: string;
}

export interface Tracked {
  status: ContainerStatus;
  hasHealthcheck: boolean;
  /** Engine times (ns) of recent dies that the restart manager answered with a restart. */
  dies: number[];
  /** An `oom` event came before the next `die`: say so on it. */
  oom: boolean;
  /** Engine time (ns) up to which the snapshot already reflects this container (see watch.ts). */
  watermark: number;
}

/**
 * Crash loop: this many restarting dies within the window. Docker's own back-off (100 ms doubling)
 * resets after a container has run for 10 s, so that is also how long a restarted container must
 * stay up before we call it running again.
 */
export const CRASH_LOOP = { dies: 3, windowNs: 60e9, settleNs: 10e9 } as const;

export interface Step {
  next: Tracked | undefined;
  /** The new status when anything a viewer sees changed. */
  emit?: ContainerStatus;
}

export function applyEvent(prev: Tracked | undefined, ev: ContainerEvent, facts?: Facts): Step {
  const base = prev ?? fresh(ev);
  const at = nsToMs(ev.t);
  const t: Tracked = { ...base, status: { ...base.status, id: ev.id, at }, dies: base.dies.filter((d) => d > ev.t - CRASH_LOOP.windowNs) };
  const s = t.status;
  if (ev.image && !s.image) s.image = ev.image;
  if (facts) {
    t.hasHealthcheck = facts.hasHealthcheck;
    s.restarts = Math.max(s.restarts, facts.restartCount);
    if (facts.image) s.image = facts.image;
  }

  switch (ev.action) {
    case 'create':
      setState(s, 'creating');
      break;
    case 'start':
      t.oom = false;
      if (facts) s.ports = facts.ports;
      if (t.dies.length >= CRASH_LOOP.dies) {
        // Still looping until it stays up; keep the last exit code visible meanwhile.
        s.state = 'crash-looping';
        s.message = `restarted (${s.restarts} restarts); exit code ${s.exitCode ?? '?'} before`;
      } else setState(s, runningState(t.hasHealthcheck, facts?.health));
      break;
    case 'die': {
      s.exitCode = ev.exitCode;
      s.ports = [];
      const oom = t.oom ? 'out of memory; ' : '';
      t.oom = false;
      const willRestart = facts !== undefined && (facts.restarting || (facts.running && facts.restartCount > base.status.restarts));
      if (willRestart) {
        t.dies = [...t.dies, ev.t];
        s.state = t.dies.length >= CRASH_LOOP.dies ? 'crash-looping' : 'restarting';
        s.message = `${oom}exited with code ${ev.exitCode ?? '?'}; restart ${s.restarts}`;
      } else {
        s.state = 'exited';
        s.message = `${oom}exited with code ${ev.exitCode ?? '?'}`;
      }
      break;
    }
    case 'oom':
      t.oom = true;
      return { next: t };
    case 'kill':
      // Informational: the `die` that follows says what happened.
      return { next: t };
    case 'healthy':
    case 'unhealthy':
      t.hasHealthcheck = true;
      // A late health result for a container that already died must not revive it.
      if (!isUp(s.state) || s.state === 'crash-looping') return { next: t };
      setState(s, ev.action);
      break;
    case 'destroy':
      setState(s, 'removed');
      s.ports = [];
      return { next: undefined, emit: s };
  }
  // A container seen for the first time is news even in its initial state.
  return { next: t, emit: !prev || changed(base.status, s) ? s : undefined };
}

/**
 * Called by the watcher's timer `settleNs` after a start of a crash-looping container: if it has
 * not died since, it has recovered. `t` is that start's engine time plus the settle delay.
 */
export function settle(prev: Tracked, t: number): Step {
  const last = prev.dies.at(-1) ?? 0;
  if (prev.status.state !== 'crash-looping' || t - last < CRASH_LOOP.settleNs) return { next: prev };
  const s: ContainerStatus = { ...prev.status, at: nsToMs(t) };
  setState(s, runningState(prev.hasHealthcheck, undefined));
  return { next: { ...prev, status: s, dies: [] }, emit: s };
}

export function runningState(hasHealthcheck: boolean, health: Facts['health']): ContainerState {
  if (health === 'healthy' || health === 'unhealthy') return health;
  return hasHealthcheck ? 'starting' : 'running';
}

const isUp = (s: ContainerState): boolean => s === 'starting' || s === 'running' || s === 'healthy' || s === 'unhealthy';

function setState(s: ContainerStatus, state: ContainerState): void {
  s.state = state;
  s.exitCode = undefined;
  s.message = undefined;
}

function fresh(ev: ContainerEvent): Tracked {
  return {
    status: { ...ev.identity, id: ev.id, state: 'creating', restarts: 0, image: ev.image, ports: [], at: nsToMs(ev.t) },
    hasHealthcheck: false,
    dies: [],
    oom: false,
    watermark: 0,
  };
}

function changed(a: ContainerStatus, b: ContainerStatus): boolean {
  return (
    a.state !== b.state ||
    a.exitCode !== b.exitCode ||
    a.restarts !== b.restarts ||
    a.message !== b.message ||
    a.id !== b.id ||
    a.ports.join() !== b.ports.join()
  );
}
