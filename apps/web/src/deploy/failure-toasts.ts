import type { ContainerStatus } from './api-types';
import { containerKey, failureOf, type LiveState } from './live-state';

/** How long an exited container may take to be removed before its exit counts as a failure. */
export const EXIT_GRACE_MS = 2500;

/**
 * How long a container slot must stay well (healthy; running when it has no health check) before
 * its next failure is a new episode and told again — the supervisor's own reset (a container ready
 * this long starts its healing again from attempt 1).
 */
export const RECOVERED_MS = 60_000;

/** A container slot (service, container, replica) across the containers the supervisor recreates in it. */
const slotOf = (c: ContainerStatus) => `${c.service}/${c.container}/${c.replica}`;

interface Episode {
  /** Engine time since which the slot is well, while it is. */
  wellSince?: number;
}

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
 * One toast per failure episode of a container slot, not per attempt of the auto-healing supervisor:
 * unhealthy → restarted → unhealthy, or died → started (or recreated under a new id) → died, is one
 * episode until the slot stays well for RECOVERED_MS (before, every heal cycle raised a toast). A
 * container removed during this page's own run (a redeploy, a tear-down) ends its episode.
 * `onChange` must be called before the change is applied to the store (it compares with the state before).
 */
export function createFailureToaster(deps: FailureToasterDeps) {
  const schedule = deps.schedule ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const episodes = new Map<string, Episode>();
  // Slots that reported a health verdict: for them only `healthy` is well (`running` is a check not yet passed).
  const checked = new Set<string>();
  const tell = (title: string, status: ContainerStatus) => {
    const slot = slotOf(status);
    if (episodes.has(slot)) return;
    episodes.set(slot, {});
    deps.toast({ kind: 'error', title, ...(status.message ? { detail: status.message } : {}), project: status.project });
  };
  /** Follows a slot's open episode: well since when, ended by a long enough recovery or a removal by this page's run. */
  const follow = (status: ContainerStatus) => {
    const slot = slotOf(status);
    if (status.state === 'healthy' || status.state === 'unhealthy') checked.add(slot);
    const episode = episodes.get(slot);
    if (!episode) return;
    const bad = status.state === 'unhealthy' || status.state === 'crash-looping' || (status.state === 'exited' && status.exitCode !== 0);
    if (status.state === 'removed') {
      if (deps.runBusy()) episodes.delete(slot);
    } else if (bad) {
      if (episode.wellSince !== undefined && status.at - episode.wellSince >= RECOVERED_MS) episodes.delete(slot);
      else episode.wellSince = undefined;
    } else if (status.state === 'healthy' || (status.state === 'running' && !checked.has(slot))) episode.wellSince ??= status.at;
  };
  return {
    onChange(status: ContainerStatus): void {
      follow(status);
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
