import type { StatusEvent } from '@blaupause/engine';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { type AppDeps, targetOf } from '../deps';
import { unwrap } from '../errors';
import { DeployTarget, ProjectName } from '../schemas';
import { procedure, router } from '../trpc';

const RETRY_MS = 2_000;

/**
 * Live status pushed from the engine's event stream (never polled), through the status hub: one
 * engine watch per project however many tabs watch, ids that let a reconnecting EventSource resume
 * (else it gets the present snapshot). When the hub's watch gives up (engine gone), the watcher
 * has already been told; the subscription waits and joins a fresh watch.
 */
export function statusRouter(deps: AppDeps) {
  return router({
    watch: procedure
      .input(z.object({ project: ProjectName.optional(), lastEventId: z.string().max(64).nullish(), target: DeployTarget }))
      .subscription(async function* ({ input, signal }) {
        const { statusHub } = unwrap(targetOf(deps, input.target));
        const stop = signal ?? new AbortController().signal;
        let lastEventId = input.lastEventId ?? undefined;
        while (!stop.aborted) {
          try {
            for await (const { id, event } of statusHub.subscribe(input.project, stop, lastEventId)) {
              lastEventId = id;
              yield tracked(id, event);
            }
          } catch (e) {
            if (stop.aborted) return;
            const gone: StatusEvent = { kind: 'engine', connected: false, message: (e as Error).message, at: Date.now() };
            yield tracked(`retry-${Date.now()}`, gone);
          }
          if (stop.aborted) return;
          await sleep(RETRY_MS, stop);
        }
      }),
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
