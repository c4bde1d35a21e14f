import type { ContainerStatus } from './api-types';
import { containerKey, failureOf, type LiveState } from './live-state';

/** How long an exited container may take to be removed before its exit counts as a failure. */
export const EXIT_GRACE_MS = 2500;

export interface FailureToasterDeps {
  /** The live state as the store holds it now. */
  live(): LiveState;
  /** True while this page's own deploy or tear-down runs: that run reports its own failures. */
  runBusy(): boolean;
  toast(t: { kind: 'error'; title: string; detail?: string; project?: string }): void;
  schedule?(fn: () => void, ms: number): unknown;
}

/**
 * Turns status changes into failure toasts. A crash loop or an unhealthy container is told at once.
 * An exit waits a moment: a container stopped on purpose — the old one a redeploy retires, a tear
 * down, a scale down — exits too (137 when it ignores SIGTERM) and is removed right after, or
 * belongs to a run of this page that reports its own failures; only an exit that is still there
 * after the grace, outside such a run, is a failure (before, every deliberate stop raised an
 * "exited (exit 137)" error toast).
 * `onChange` must be called before the change is applied to the store (it compares with the state before).
 */
export function createFailureToaster(deps: FailureToasterDeps) {
  const schedule = deps.schedule ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const tell = (title: string, status: ContainerStatus) =>
    deps.toast({ kind: 'error', title, ...(status.message ? { detail: status.message } : {}), project: status.project });
  return {
    onChange(status: ContainerStatus): void {
      const failure = failureOf(deps.live().containers[containerKey(status)], status);
      if (!failure) return;
      if (status.state !== 'exited') {
        tell(failure, status);
        return;
      }
      schedule(() => {
        const now = deps.live().containers[containerKey(status)];
        if (now?.state !== 'exited' || deps.runBusy()) return;
        tell(failure, status);
      }, EXIT_GRACE_MS);
    },
  };
}
