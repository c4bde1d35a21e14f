import type { ContainerStatus, Driver, EngineError } from '@blaupause/engine';
import { UNREACHABLE_HINT } from './engine-deps';

export type Snapshot = { ok: true; containers: ContainerStatus[] } | { ok: false; error: EngineError };

/**
 * The status of our containers right now: the first snapshot of a watch, which is then closed.
 * The watch retries an unreachable engine forever (that suits a live view); a one-shot answer
 * turns the first "engine disconnected" into ENGINE_UNREACHABLE instead.
 */
export async function takeSnapshot(driver: Driver, project: string | undefined, signal: AbortSignal): Promise<Snapshot> {
  const ac = new AbortController();
  const stop = () => ac.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const ev of driver.watch(project, ac.signal)) {
      if (ev.kind === 'snapshot') return { ok: true, containers: ev.containers };
      if (ev.kind === 'engine' && !ev.connected)
        return {
          ok: false,
          error: { code: 'ENGINE_UNREACHABLE', message: ev.message ?? 'The container engine cannot be reached.', hint: UNREACHABLE_HINT },
        };
    }
    return { ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } };
  } finally {
    signal.removeEventListener('abort', stop);
    ac.abort();
  }
}
