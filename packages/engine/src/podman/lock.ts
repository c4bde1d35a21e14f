import { Channel } from '../docker/channel';
import type { EngineError, ProgressEvent } from '../types';
import { PodmanFailure, toEngineError } from './errors';

/**
 * One apply or destroy per project at a time, per driver instance: a second gets BUSY at once.
 * Work starts when called (not when iterated), so the lock is taken in call order; events are
 * buffered, and the stream always ends with the errors and one `done`.
 */
export class ProjectLock {
  private readonly busy = new Set<string>();

  constructor(private readonly endpoint: string) {}

  run(project: string, work: (emit: (e: ProgressEvent) => void) => Promise<EngineError[]>): AsyncIterable<ProgressEvent> {
    const out = new Channel<ProgressEvent>();
    const t0 = Date.now();
    const finish = (errors: EngineError[]) => {
      for (const error of errors) out.push({ kind: 'error', error, at: Date.now() });
      out.push({ kind: 'done', ok: errors.length === 0, durationMs: Date.now() - t0, at: Date.now() });
      out.close();
    };
    if (this.busy.has(project)) {
      finish([
        {
          code: 'BUSY',
          message: `Project "${project}" is being deployed or torn down already.`,
          hint: 'Wait for it to finish, then try again.',
        },
      ]);
      return out;
    }
    this.busy.add(project);
    work((e) => out.push(e))
      .catch((e: unknown) => [e instanceof PodmanFailure ? e.error : toEngineError(e, this.endpoint, 'Deploy')])
      .then((errors) => {
        this.busy.delete(project);
        finish(errors);
      });
    return out;
  }
}
