import { randomBytes } from 'node:crypto';
import type { DeployOptions, Driver, ProgressEvent, TargetKind } from '@blaupause/engine';
import type { Blueprint } from '@blaupause/model';
import { type AppResult, appError, engineErrorFrom } from '../errors';

/** apply / destroy for every target; scale, canary, promote and abort are the Docker orchestrator's (issue 7); images: pull / build from the inventory (issue 10). */
export type RunKind = 'apply' | 'destroy' | 'scale' | 'canary' | 'promote' | 'abort' | 'images';

const RUN_WORD: Record<RunKind, string> = {
  apply: 'deploy',
  destroy: 'tear-down',
  scale: 'scaling',
  canary: 'canary rollout',
  promote: 'canary promotion',
  abort: 'canary abort',
  images: 'pull / build of images',
};

export interface DeployRunsOptions {
  /** Finished runs kept for late followers; older ones are forgotten. */
  keep?: number;
  /**
   * How the Docker target applies (default: the driver's apply). The server passes the
   * orchestrator's rolling update, so a changed image or config rolls replica by replica.
   */
  dockerApply?: (blueprint: Blueprint, options: DeployOptions) => AsyncIterable<ProgressEvent>;
  /** Told when a run ends (e.g. to start or stop a project's auto-healing). */
  onDone?: (run: RunInfo, ok: boolean) => void;
}

export interface RunInfo {
  runId: string;
  project: string;
  /** The deploy target the run goes to (a project name may exist on several targets). */
  target: TargetKind;
  kind: RunKind;
  startedAt: number;
  done: boolean;
}

/** Where a run goes: the default Docker driver unless a target is named. */
export interface RunTarget {
  kind: TargetKind;
  driver: Driver;
}

interface Run extends RunInfo {
  events: ProgressEvent[];
  waiters: Set<() => void>;
}

/**
 * Applies and destroys run here, detached from any request: the browser POSTs the blueprint
 * (large, JSON body) and gets a run id, then follows the progress over SSE. A run goes on when the
 * page closes (half a deploy is worse than a finished one) and its events are kept, so a client
 * that reconnects resumes from the last event it saw. One run per project and target at a time.
 */
export class DeployRuns {
  private readonly runs = new Map<string, Run>();
  private readonly stop = new AbortController();

  private readonly keep: number;

  constructor(
    private readonly driver: Driver,
    private readonly options: DeployRunsOptions = {},
  ) {
    this.keep = options.keep ?? 20;
  }

  startApply(
    blueprint: Blueprint,
    project: string,
    baseDir?: string,
    acknowledge: readonly string[] = [],
    on: RunTarget = this.docker(),
  ): AppResult<RunInfo> {
    const options: DeployOptions = { project, acknowledge, signal: this.stop.signal, ...(baseDir ? { baseDir } : {}) };
    const rolling = on.kind === 'docker' && on.driver === this.driver ? this.options.dockerApply : undefined;
    return this.start(project, on.kind, 'apply', () => (rolling ? rolling(blueprint, options) : on.driver.apply(blueprint, options)));
  }

  startDestroy(project: string, volumes: string[] = [], on: RunTarget = this.docker()): AppResult<RunInfo> {
    return this.start(project, on.kind, 'destroy', () => on.driver.destroy(project, { volumes, signal: this.stop.signal }));
  }

  /** Another operation on a project (the orchestrator's), under the same one-run-per-project rule. */
  startOp(
    project: string,
    target: TargetKind,
    kind: RunKind,
    iterate: (signal: AbortSignal) => AsyncIterable<ProgressEvent>,
  ): AppResult<RunInfo> {
    return this.start(project, target, kind, () => iterate(this.stop.signal));
  }

  list(): RunInfo[] {
    return [...this.runs.values()].map(info);
  }

  get(runId: string): RunInfo | undefined {
    const run = this.runs.get(runId);
    return run && info(run);
  }

  /** Events of a run from index `from` on, waiting for new ones until the run ends or `signal` aborts. */
  async *follow(runId: string, from: number, signal: AbortSignal): AsyncGenerator<{ seq: number; event: ProgressEvent }> {
    const run = this.runs.get(runId);
    if (!run) return;
    let i = Math.max(0, from);
    while (!signal.aborted) {
      while (i < run.events.length) {
        yield { seq: i, event: run.events[i]! };
        i++;
      }
      if (run.done) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          run.waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        run.waiters.add(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }

  /** Stops every run (server shutdown); drivers see the abort signal. */
  close(): void {
    this.stop.abort();
  }

  private docker(): RunTarget {
    return { kind: 'docker', driver: this.driver };
  }

  private start(project: string, target: TargetKind, kind: RunKind, iterate: () => AsyncIterable<ProgressEvent>): AppResult<RunInfo> {
    const busy = [...this.runs.values()].find((r) => r.project === project && r.target === target && !r.done);
    if (busy)
      return appError('BUSY', `A ${RUN_WORD[busy.kind]} of ${project} is running; wait until it ends.`, {
        hint: 'Follow its progress in the deploy panel.',
      });
    const run: Run = {
      runId: randomBytes(16).toString('hex'),
      project,
      target,
      kind,
      startedAt: Date.now(),
      done: false,
      events: [],
      waiters: new Set(),
    };
    this.runs.set(run.runId, run);
    this.forgetOld();
    void this.consume(run, iterate);
    return { ok: true, value: info(run) };
  }

  private async consume(run: Run, iterate: () => AsyncIterable<ProgressEvent>): Promise<void> {
    const started = Date.now();
    try {
      for await (const event of iterate()) this.push(run, event);
    } catch (e) {
      // A driver should report failures as events; a throw is a bug or an engine client surprise.
      this.push(run, { kind: 'error', error: { ...engineErrorFrom(e), code: 'ENGINE_ERROR' }, at: Date.now() });
    }
    if (run.events.at(-1)?.kind !== 'done') {
      const failed = run.events.some((e) => e.kind === 'error');
      this.push(run, { kind: 'done', ok: !failed, durationMs: Date.now() - started, at: Date.now() });
    }
    run.done = true;
    for (const wake of [...run.waiters]) wake();
    const last = run.events.at(-1);
    this.options.onDone?.(info(run), last?.kind === 'done' && last.ok);
  }

  private push(run: Run, event: ProgressEvent): void {
    run.events.push(event);
    for (const wake of [...run.waiters]) wake();
  }

  private forgetOld(): void {
    const finished = [...this.runs.values()].filter((r) => r.done);
    for (const r of finished.slice(0, Math.max(0, finished.length - this.keep))) this.runs.delete(r.runId);
  }
}

function info(run: Run): RunInfo {
  return { runId: run.runId, project: run.project, target: run.target, kind: run.kind, startedAt: run.startedAt, done: run.done };
}
