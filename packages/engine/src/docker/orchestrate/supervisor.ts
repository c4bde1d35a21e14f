import type Docker from 'dockerode';
import { Channel } from '../channel';
import type { DockerDriver } from '../driver';
import { containerName, LABEL, slotKey, TORN_DOWN_SUFFIX } from '../labels';
import { type ContainerEvent, parseEvent } from '../status/events';
import { ndjsonSplitter } from '../status/ndjson';
import { opsContext } from './context';
import { type HealAction, performHeal, type Watched } from './heal-action';
import { backoffDelay, type HealEvent, type HealKind, type Supervisor, type SupervisorOptions } from './heal-types';
import { deadlineMs, waitReady } from './health';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The auto-healing supervisor of one project (issue 7). It follows the engine's event stream for
 * the project's managed containers and keeps, per container slot, the last inspect (the recipe)
 * and whether it should run. The desired state is what the engine held when no Blaupause
 * operation was running: taken at start and again after each apply, destroy or orchestrator
 * operation ends (the driver's lock); events of those operations are ignored. Then:
 *   unhealthy (for `unhealthyForMs`) → restart;  died/stopped and not restarted by the engine's own
 *   policy → start;  removed → re-created under the same name from its recipe (helpers follow
 *   their main);  each with exponential back-off, a limit of attempts, and HealEvents.
 * Services with `autoHeal: false` (label) or switched off with setEnabled are left alone.
 */
function tornDown(rec: unknown): boolean {
  const name = (rec as { Actor?: { Attributes?: { name?: string } } } | undefined)?.Actor?.Attributes?.name;
  return typeof name === 'string' && name.endsWith(TORN_DOWN_SUFFIX);
}

export function createSupervisor(driver: DockerDriver, options: SupervisorOptions): Supervisor {
  const { project } = options;
  const docker: Docker = driver.docker;
  const ops = opsContext(docker, driver.endpoint, driver.stopTimeoutSeconds);
  const watched = new Map<string, Watched>();
  const listeners = new Set<(e: HealEvent) => void>();
  const overrides = new Map<string, boolean>();
  const stop = new AbortController();
  let quietUntil = 0;

  const emit = (w: Watched, kind: HealKind, reason: string, extra: Partial<HealEvent> = {}) => {
    const e: HealEvent = {
      kind,
      project,
      service: w.service,
      container: w.container,
      replica: w.replica,
      elementId: w.elementId,
      id: w.id,
      reason,
      attempt: w.attempts,
      at: Date.now(),
      ...extra,
    };
    for (const l of listeners) l(e);
  };
  const enabled = (w: Watched) => overrides.get(w.service) ?? options.enabled?.(w.service) ?? w.autoHeal;
  const byId = (id: string) => [...watched.values()].find((w) => w.id === id);
  const helpersOf = (m: Watched) =>
    [...watched.values()].filter((w) => w.service === m.service && w.replica === m.replica && w.role !== 'main');
  const mainOf = (h: Watched) => [...watched.values()].find((w) => w.service === h.service && w.replica === h.replica && w.role === 'main');

  async function snapshot(): Promise<void> {
    const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${project}`, `${LABEL.managed}=true`] } });
    const next = new Map<string, Watched>();
    for (const c of list) {
      const l = c.Labels ?? {};
      const compose = l[LABEL.service] ?? '';
      const replica = Number(l[LABEL.number] ?? '0');
      const name = (c.Names?.[0] ?? '').replace(/^\//, '');
      // Only canonical names: temporary and set-aside containers belong to an operation.
      if (l[LABEL.role] === 'init' || name !== containerName(project, compose, replica)) continue;
      const info = await docker
        .getContainer(c.Id)
        .inspect()
        .catch(() => undefined);
      if (!info) continue;
      const slot = slotKey(compose, replica);
      const prev = watched.get(slot);
      const seen = {
        id: c.Id,
        name,
        service: l[LABEL.blueprintService] ?? compose,
        container: l[LABEL.container] ?? compose,
        role: l[LABEL.role] ?? 'main',
        replica,
        elementId: l[LABEL.element] ?? `service:${compose}`,
        info,
        wantRunning: info.State.Running || info.State.Restarting,
        autoHeal: l[LABEL.autoHeal] !== 'false',
      };
      // The same object is kept per slot: a healing in progress holds it and keeps counting on it.
      if (prev) {
        if (prev.id !== c.Id && !prev.healing) Object.assign(prev, { attempts: 0, gaveUp: false });
        next.set(slot, Object.assign(prev, seen));
      } else next.set(slot, { slot, ...seen, healing: false, quietUntil: 0, attempts: 0, lastHealedAt: 0, gaveUp: false });
    }
    // A container being re-created may be missing from the list for a moment: its healing goes on.
    for (const [k, w] of watched) if (w.healing && !next.has(k)) next.set(k, w);
    watched.clear();
    for (const [k, v] of next) watched.set(k, v);
  }

  /** Heals one container: attempts with back-off until it is ready or the attempts are used up. */
  async function heal(w: Watched, action: HealAction, reason: string): Promise<void> {
    if (w.healing || w.gaveUp || !enabled(w)) return;
    w.healing = true;
    const b = options.backoff ?? {};
    try {
      if (Date.now() - w.lastHealedAt > (b.resetAfterMs ?? 60_000)) w.attempts = 0;
      let why = reason;
      let what = action;
      while (!stop.signal.aborted) {
        w.attempts++;
        if (w.attempts > (b.maxAttempts ?? 5)) {
          w.gaveUp = true;
          emit(w, 'gave-up', `${why}; ${w.attempts - 1} attempts did not help`);
          return;
        }
        const delay = backoffDelay(w.attempts, b);
        if (delay > 0) {
          emit(w, 'backoff', why, { delayMs: delay });
          await sleep(delay);
        }
        if (stop.signal.aborted) return;
        const done = await underLock(() => performHeal(docker, ops, project, w, what, helpersOf, mainOf));
        if (done.kind === 'busy') return; // a deploy or an operation runs: its end takes a new snapshot
        if (done.kind === 'error') {
          why = `${what} failed: ${done.message}`;
          emit(w, 'failed', why);
          what = what === 'restart' || what === 'start' ? 'recreate' : what;
          continue;
        }
        const ids = done.value;
        w.quietUntil = Date.now();
        emit(w, what === 'restart' ? 'restarted' : what === 'start' ? 'started' : 'recreated', reason);
        const deadline = options.deadlineMs ?? deadlineMs(w.info.Config as never);
        const ready = await waitReady(docker, ids, { deadlineMs: deadline, signal: stop.signal });
        w.quietUntil = Date.now();
        if (ready.ok) {
          w.lastHealedAt = Date.now();
          emit(w, 'healed', reason);
          return;
        }
        why = ready.reason;
        emit(w, 'failed', why);
        what = 'restart';
      }
    } finally {
      w.healing = false;
      w.quietUntil = Date.now();
    }
  }

  /**
   * A healing step holds the project's lock like any operation (an apply meanwhile gets BUSY instead
   * of racing it); the supervisor's own steps queue behind each other, and their end is not an
   * operation's end (no new snapshot).
   */
  let own: Promise<unknown> = Promise.resolve();
  let holding = false;
  /** An apply, destroy or orchestrator operation holds the project (not one of our own healing steps). */
  const busyElsewhere = () => driver.isBusy(project) && !holding;
  type Locked<T> = { kind: 'busy' } | { kind: 'ok'; value: T } | { kind: 'error'; message: string };
  function underLock<T>(fn: () => Promise<T>): Promise<Locked<T>> {
    const step = async (): Promise<Locked<T>> => {
      let out: Locked<T> = { kind: 'busy' };
      holding = true;
      try {
        for await (const e of driver.exclusive(project, async () => {
          out = { kind: 'ok', value: await fn() };
          return [];
        }))
          if (e.kind === 'error' && e.error.code !== 'BUSY') out = { kind: 'error', message: e.error.message };
      } finally {
        holding = false;
      }
      return out;
    };
    const r = own.then(step, step);
    own = r.catch(() => {});
    return r;
  }

  async function onEvent(ev: ContainerEvent): Promise<void> {
    const t = ev.t / 1e6;
    if (busyElsewhere() || t <= quietUntil) return;
    const w = byId(ev.id);
    if (!w || w.healing || t <= w.quietUntil) return;
    if (ev.action === 'start') w.wantRunning = true;
    if (ev.action === 'destroy') return heal(w, 'recreate', 'removed outside Blaupause');
    if (ev.action === 'die' && w.wantRunning) {
      await sleep(options.dieGraceMs ?? 1000);
      const info = await docker
        .getContainer(w.id)
        .inspect()
        .catch(() => undefined);
      if (!info || info.State.Running || info.State.Restarting || w.healing || busyElsewhere()) return;
      return heal(w, 'start', `it stopped (exit code ${info.State.ExitCode}) outside Blaupause`);
    }
    if (ev.action === 'unhealthy') {
      if (options.unhealthyForMs) await sleep(options.unhealthyForMs);
      const info = await docker
        .getContainer(w.id)
        .inspect()
        .catch(() => undefined);
      const health = (info?.State as { Health?: { Status?: string; FailingStreak?: number } } | undefined)?.Health;
      if (health?.Status !== 'unhealthy' || w.healing || busyElsewhere()) return;
      return heal(w, 'restart', `unhealthy (${health.FailingStreak ?? '?'} failing checks in a row)`);
    }
  }

  async function follow(): Promise<void> {
    const stream = (await docker.getEvents({
      filters: {
        type: ['container'],
        label: [`${LABEL.project}=${project}`, `${LABEL.managed}=true`],
        event: ['start', 'die', 'destroy', 'health_status'],
      },
      abortSignal: stop.signal,
    } as Docker.GetEventsOptions)) as NodeJS.ReadableStream;
    const split = ndjsonSplitter();
    stream.on('data', (chunk: Buffer) => {
      for (const rec of split.push(chunk)) {
        const ev = parseEvent(rec);
        // A tear-down (by any Blaupause process: the CLI's `down` beside a server) renames each
        // container before stopping and removing it; that is wanted, not a failure to heal.
        if (ev && !tornDown(rec)) void onEvent(ev).catch(() => {});
      }
    });
    stream.on('error', () => {});
    stream.on('close', () => {
      // The engine went away or restarted: open again, then take a fresh snapshot.
      if (!stop.signal.aborted) void sleep(1000).then(() => start().catch(() => {}));
    });
  }

  /** Subscribe, then snapshot; if the engine cannot be reached, try again every 2 s until it can (or close()). */
  const start = async (): Promise<void> => {
    try {
      await follow();
      await snapshot();
    } catch (e) {
      if (!stop.signal.aborted) void sleep(2000).then(() => start().catch(() => {}));
      throw e;
    }
  };
  // After any operation on the project: its events so far are the operation's, and the state it
  // left is taken before the operation reports done (the driver awaits this).
  const offIdle = driver.onIdle(async (p) => {
    if (p !== project || holding) return;
    quietUntil = Date.now();
    await snapshot().catch(() => {});
  });
  const ready = start();
  ready.catch(() => {});

  return {
    ready,
    events(signal?: AbortSignal) {
      const ch = new Channel<HealEvent>();
      const push = (e: HealEvent) => ch.push(e);
      listeners.add(push);
      const end = () => {
        listeners.delete(push);
        ch.close();
      };
      signal?.addEventListener('abort', end, { once: true });
      stop.signal.addEventListener('abort', end, { once: true });
      return ch;
    },
    setEnabled(service, on) {
      overrides.set(service, on);
    },
    close() {
      offIdle();
      stop.abort();
    },
  };
}
