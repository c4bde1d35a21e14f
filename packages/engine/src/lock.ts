import { Channel } from './docker/channel';
import type { EngineError, ProgressEvent } from './types';

/** An operation's work: it emits progress and resolves to its errors (none: it succeeded). */
export type LockedWork = (emit: (e: ProgressEvent) => void) => Promise<EngineError[]>;

export interface ProjectLockOptions {
  /** Turns what the work threw into an error event (each driver knows its own failures). */
  toError: (e: unknown) => EngineError;
  /** Awaited after the lock is released and before the stream reports `done` (the Docker driver's idle listeners). */
  released?: (project: string) => Promise<void>;
}

/**
 * One apply or destroy (or orchestrator operation) per project at a time, per lock — each driver
 * instance has its own, so the same project name on another target is independent. A second call
 * for a held project gets BUSY at once. Work starts when called (not when iterated), so the lock is
 * taken in call order; events are buffered, a throw becomes an error event, the lock is released
 * however the work ends, and the stream always ends with the errors and one `done`.
 */
export class ProjectLock {
  private readonly busy = new Set<string>();

  constructor(private readonly options: ProjectLockOptions) {}

  /** Whether an operation holds `project`. */
  isBusy(project: string): boolean {
    return this.busy.has(project);
  }

  run(project: string, work: LockedWork): AsyncIterable<ProgressEvent> {
    const out = new Channel<ProgressEvent>();
    const t0 = Date.now();
    const finish = (errors: EngineError[]) => {
      for (const error of errors) out.push({ kind: 'error', error, at: Date.now() });
      out.push({ kind: 'done', ok: errors.length === 0, durationMs: Date.now() - t0, at: Date.now() });
      out.close();
    };
    if (this.busy.has(project)) {
      finish([busy(project)]);
      return out;
    }
    this.busy.add(project);
    const { toError, released } = this.options;
    work((e) => out.push(e))
      .catch((e: unknown) => [toError(e)])
      .then(async (errors) => {
        this.busy.delete(project);
        if (released) await released(project);
        finish(errors);
      });
    return out;
  }
}

function busy(project: string): EngineError {
  return {
    code: 'BUSY',
    message: `Project "${project}" is being deployed or torn down already.`,
    hint: 'Wait for it to finish, then try again.',
  };
}
