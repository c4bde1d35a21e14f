/**
 * What the auto-healing supervisor did, per container (the canvas shows these as events).
 * `restarted`: it stayed unhealthy; `started`: it had stopped or died outside Blaupause;
 * `recreated`: it was removed outside Blaupause and was created again from its recorded recipe;
 * `healed`: after one of those it is ready again; `backoff`: the next attempt waits `delayMs`;
 * `failed`: an attempt did not bring it back (`reason`); `gave-up`: no more attempts until the
 * next deploy or a restart of the supervisor.
 */
export type HealKind = 'restarted' | 'started' | 'recreated' | 'healed' | 'backoff' | 'failed' | 'gave-up';

export interface HealEvent {
  kind: HealKind;
  project: string;
  service: string;
  /** Pod container name (the blueprint's container key). */
  container: string;
  replica: number;
  elementId: string;
  /** Engine id of the container after the step (a recreate gives a new one). */
  id: string;
  reason: string;
  /** 1 for the first attempt of a healing; grows with every failed one (back-off). */
  attempt: number;
  delayMs?: number;
  at: number;
}

export interface BackoffOptions {
  /** Wait before the 2nd attempt; doubled for each further one (default 1000). */
  initialMs?: number;
  maxMs?: number;
  /** Attempts per healing before giving up (default 5). */
  maxAttempts?: number;
  /** A container that stayed ready this long starts again from attempt 1 (default 60 s). */
  resetAfterMs?: number;
}

export interface SupervisorOptions {
  project: string;
  /**
   * Restart a container that has been unhealthy this long (default 0: at Docker's verdict, which
   * already means `retries` consecutive failing checks).
   */
  unhealthyForMs?: number;
  /** How long after a `die` the supervisor looks again (the engine's restart policy goes first). */
  dieGraceMs?: number;
  backoff?: BackoffOptions;
  /** How long a healed container may take to turn ready (default: from its health check). */
  deadlineMs?: number;
  /** Per-service switch; default: on unless the blueprint says `autoHeal: false` (label dev.blaupause.autoheal). */
  enabled?: (service: string) => boolean;
}

export interface Supervisor {
  /**
   * Resolves once the event stream is open and the first snapshot taken; rejects when the engine
   * cannot be reached at first (the supervisor keeps trying every 2 s).
   */
  readonly ready: Promise<void>;
  /** Heal events from now on, until `signal` aborts or the supervisor is closed. */
  events(signal?: AbortSignal): AsyncIterable<HealEvent>;
  /** Switches healing of one service on or off at run time (overrides the blueprint's autoHeal). */
  setEnabled(service: string, on: boolean): void;
  close(): void;
}

export function backoffDelay(attempt: number, o: BackoffOptions = {}): number {
  if (attempt <= 1) return 0;
  return Math.min((o.initialMs ?? 1000) * 2 ** (attempt - 2), o.maxMs ?? 30_000);
}
