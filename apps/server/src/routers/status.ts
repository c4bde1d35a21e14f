import { randomBytes } from 'node:crypto';
import type { StatusEvent } from '@blaupause/engine';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { ProjectName } from '../schemas';
import { procedure, router } from '../trpc';

/** Ids are unique per server launch; a status stream always starts with a full snapshot, so resuming needs no replay. */
const boot = randomBytes(4).toString('hex');
let seq = 0;
const RETRY_MS = 2_000;

/**
 * Live status pushed from the driver's event stream (never polled). If the driver's stream ends or
 * throws while someone still watches, the watcher is told the engine is gone and the stream is
 * opened again; the driver re-snapshots on reconnect (Driver.watch contract).
 */
export function statusRouter({ driver }: AppDeps) {
  return router({
    watch: procedure
      .input(z.object({ project: ProjectName.optional(), lastEventId: z.string().max(64).nullish() }))
      .subscription(async function* ({ input, signal }) {
        const stop = signal ?? new AbortController().signal;
        while (!stop.aborted) {
          let failure: string | undefined;
          try {
            for await (const event of driver.watch(input.project, stop)) yield tracked(`${boot}-${seq++}`, event);
          } catch (e) {
            failure = e instanceof Error ? e.message : String(e);
          }
          if (stop.aborted) return;
          const gone: StatusEvent = {
            kind: 'engine',
            connected: false,
            message: failure ?? 'The engine event stream ended.',
            at: Date.now(),
          };
          yield tracked(`${boot}-${seq++}`, gone);
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
