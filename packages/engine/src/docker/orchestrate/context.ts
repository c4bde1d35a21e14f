import type Docker from 'dockerode';
import type { EngineError, ProgressEvent, RolloutPhase } from '../../types';
import type { OpsContext } from '../container-ops';

/** What every orchestrator step needs: the engine, the container operations' context, where progress goes. */
export interface OrchContext {
  docker: Docker;
  ops: OpsContext;
  project: string;
  service: string;
  /** How long a new replica may take to turn ready. */
  deadlineMs: number;
  pollMs?: number | undefined;
  signal?: AbortSignal | undefined;
  emit: (e: ProgressEvent) => void;
}

export function opsContext(docker: Docker, endpoint: string, stopTimeoutSeconds: number): OpsContext {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    docker,
    endpoint,
    stopTimeoutSeconds,
    startLock: {
      run<R>(fn: () => Promise<R>): Promise<R> {
        const r = tail.then(fn, fn);
        tail = r.catch(() => {});
        return r;
      },
    },
    publishes: () => [],
    serviceElement: (s) => `service:${s}`,
  };
}

export function progress(ctx: OrchContext, replica: number, phase: RolloutPhase, message?: string, version?: string): void {
  ctx.emit({
    kind: 'rollout',
    service: ctx.service,
    replica,
    phase,
    ...(message ? { message } : {}),
    ...(version ? { version: version.slice(0, 12) } : {}),
    at: Date.now(),
  });
}

export const failure = (code: EngineError['code'], message: string, elementId?: string, hint?: string): EngineError => ({
  code,
  message,
  ...(elementId ? { elementId } : {}),
  ...(hint ? { hint } : {}),
});
