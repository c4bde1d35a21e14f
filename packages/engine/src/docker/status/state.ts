import type { ContainerState, ContainerStatus } from '../../types';
import type { ContainerEvent } from './events';
import { nsToMs } from './time';

/**
 * The per-container state machine (DESIGN §5 states), pure: engine events in, statuses out.
 *
 * Events do not carry everything: whether the container has a health check, its restart policy,
 * its published ports, the engine's restart count. Those come from inspects the watcher asks for
 * as `create`, `start` and `die` arrive — event-driven reads, never a poll. Inspect is slow
 * exactly when it matters (the engine holds a container's lock while starting or stopping it:
 * hundreds of ms in a burst), so once a container's configuration is known its events are
 * applied at once, the restart manager's decision predicted from the policy, and the inspect's
 * answer is folded in afterwards by `refresh` (ports, counts; a correction if the prediction
 * was wrong). Only a container seen for the first time waits for its inspect.
 */

export interface RestartPolicy {
  name: string;
  /** on-failure:N; 0 = no limit. */
  max: number;
  autoRemove: boolean;
}

/** What an inspect adds to an event. */
export interface Facts {
  restartCount: number;
  /** The restart manager scheduled a restart (Docker sets this before it emits `die`). */
  restarting: boolean;
  running: boolean;
  hasHealthcheck: boolean;
  health?: 'starting' | 'healthy' | 'unhealthy';
  ports: string[];
  image?: string;
  policy: RestartPolicy;
}

export interface Tracked {
  status: ContainerStatus;
  hasHealthcheck: boolean;
  /** Known once any inspect of this container answered: its events need not wait for one. */
  policy?: RestartPolicy;
  /** Engine times (ns) of recent dies that the restart manager answered with a restart. */
  dies: number[];
  /** An `oom` event came before the next `die`: say so on it. */
  oom: boolean;
  /** A `kill` (docker stop / kill) came since the last start: the restart manager stands down. */
  killed: boolean;
  /** Engine time (ns) up to which the snapshot already reflects this container (see watch.ts). */
  watermark: number;
  /** Engine time (ns) of its last start, 0 before it ran. */
  startedAt: number;
  /** Events applied; a late inspect answer only corrects the status of the event it was for. */
  seq: number;
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

/** True when `ev` can be applied without waiting for its inspect. */
export function canPredict(prev: Tracked | undefined, ev: ContainerEvent): boolean {
  if (ev.action !== 'start' && ev.action !== 'die') return true;
  return prev?.policy !== undefined;
}

/** Applies one event; `facts` when the watcher waited for them, else a prediction from what is known. */
export function applyEvent(prev: Tracked | undefined, ev: ContainerEvent, facts?: Facts): Step {
  const base = prev ?? fresh(ev);
  const t: Tracked = {
    ...base,
    status: { ...base.status, id: ev.id, at: nsToMs(ev.t) },
    dies: base.dies.filter((d) => d > ev.t - CRASH_LOOP.windowNs),
    seq: base.seq + 1,
  };
  const s = t.status;
  if (ev.image && !s.image) s.image = ev.image;
  if (facts) learn(t, facts);

  switch (ev.action) {
    case 'create':
      // The container exists and waits for its start (deploys create first, start in link order).
      setState(s, 'pending');
      break;
    case 'start':
      t.oom = false;
      t.killed = false;
      t.startedAt = ev.t;
      if (facts) {
        s.ports = facts.ports;
        s.restarts = Math.max(s.restarts, facts.restartCount);
      }
      if (t.dies.length >= CRASH_LOOP.dies) {
        // Still looping until it stays up; keep the last exit code visible meanwhile.
        s.state = 'crash-looping';
        s.message = `restarted (${s.restarts} restarts); exit code ${s.exitCode ?? '?'} before`;
      } else setState(s, runningState(t.hasHealthcheck, facts?.health));
      break;
    case 'die': {
      s.exitCode = ev.exitCode;
      s.ports = [];
      const willRestart = facts ? restartedPerFacts(base, facts) : restartPredicted(t, ev.exitCode);
      dieState(t, ev, willRestart, facts?.restartCount);
      break;
    }
    case 'oom':
      t.oom = true;
      return { next: t };
    case 'kill':
      t.killed = true;
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
 * Folds a late inspect answer into the status the event `ev` produced (the watcher checks that no
 * later event was applied since): published ports and restart count after a start, the health
 * check's `starting`, and the restart manager's real decision after a die.
 */
export function refresh(prev: Tracked, ev: ContainerEvent, facts: Facts): Step {
  const t: Tracked = { ...prev, status: { ...prev.status } };
  const s = t.status;
  const hadHealthcheck = t.hasHealthcheck;
  learn(t, facts);
  if (ev.action === 'start' && isUp(s.state)) {
    s.ports = facts.ports;
    s.restarts = Math.max(s.restarts, facts.restartCount);
    if (s.state === 'running' && !hadHealthcheck && t.hasHealthcheck) setState(s, runningState(true, facts.health));
  }
  if (ev.action === 'die' && (s.state === 'exited' || s.state === 'restarting' || s.state === 'crash-looping')) {
    const predicted = s.state !== 'exited';
    const actual = restartedPerFacts(
      { ...prev, status: { ...prev.status, restarts: predicted ? prev.status.restarts - 1 : prev.status.restarts } },
      facts,
    );
    if (predicted && !actual) {
      t.dies = t.dies.filter((d) => d !== ev.t);
      s.restarts = prev.status.restarts - 1;
    }
    if (predicted !== actual) dieState(t, ev, actual, facts.restartCount);
    else s.restarts = Math.max(s.restarts, facts.restartCount);
  }
  return { next: t, emit: changed(prev.status, s) ? s : undefined };
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

/** The container's configuration, which does not change while it exists. */
function learn(t: Tracked, facts: Facts): void {
  t.hasHealthcheck = facts.hasHealthcheck;
  t.policy = facts.policy;
  if (facts.image) t.status.image = facts.image;
}

function dieState(t: Tracked, ev: ContainerEvent, willRestart: boolean, restartCount: number | undefined): void {
  const s = t.status;
  const oom = t.oom ? 'out of memory; ' : '';
  if (willRestart) {
    // Docker counts the restart when it decides on it, before the `die` event.
    s.restarts = Math.max(restartCount ?? 0, t.dies.includes(ev.t) ? s.restarts : s.restarts + 1);
    if (!t.dies.includes(ev.t)) t.dies = [...t.dies, ev.t];
    s.state = t.dies.length >= CRASH_LOOP.dies ? 'crash-looping' : 'restarting';
    s.message = `${oom}exited with code ${ev.exitCode ?? '?'}; restart ${s.restarts}`;
  } else {
    if (restartCount !== undefined) s.restarts = Math.max(s.restarts, restartCount);
    s.state = 'exited';
    s.message = `${oom}exited with code ${ev.exitCode ?? '?'}`;
  }
}

/** The engine's answer: a restart is scheduled, or already happened (running with a higher count). */
function restartedPerFacts(before: Tracked, facts: Facts): boolean {
  return facts.restarting || (facts.running && facts.restartCount > before.status.restarts);
}

/** Docker's restart manager, from the policy: never after a stop or kill, on-failure only for non-zero exits within its limit. */
function restartPredicted(t: Tracked, exitCode: number | undefined): boolean {
  const p = t.policy;
  if (!p || p.autoRemove || t.killed) return false;
  if (p.name === 'always' || p.name === 'unless-stopped') return true;
  if (p.name === 'on-failure') return (exitCode ?? 0) !== 0 && (p.max === 0 || t.status.restarts < p.max);
  return false;
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
    killed: false,
    watermark: 0,
    startedAt: 0,
    seq: 0,
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
