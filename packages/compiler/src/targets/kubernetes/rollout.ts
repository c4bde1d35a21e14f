import type { Path, Rollout } from '@blaupause/model';
import type { PlannedService } from '../../plan/plan';
import type { KubeContext, Obj } from './context';
import { durationSeconds } from './units';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job';

/**
 * The update strategy fields of a workload spec: Deployment `strategy`, DaemonSet and
 * StatefulSet `updateStrategy`, plus `minReadySeconds` from the rollout's monitor period.
 */
const NO_FIELDS: Obj = Object.freeze({});

export function rolloutFields(k: KubeContext, ps: PlannedService, kind: WorkloadKind): Obj {
  const r = ps.service.rollout;
  if (!r) return NO_FIELDS;
  const at: Path = ['services', ps.name, 'rollout'];
  if (kind === 'Job') {
    k.note(
      'lost',
      at,
      ps.elementId,
      `${ps.name} runs to completion as a Job: a Job has no rollout; a changed Job is replaced, not rolled.`,
    );
    return {};
  }
  failureNote(k, ps, r, at);
  const minReady = monitor(k, ps, r, at);
  if (kind === 'StatefulSet') {
    if (r.strategy === 'recreate' || r.maxSurge !== undefined || r.maxUnavailable !== undefined || r.order !== undefined)
      k.note(
        'approximated',
        at,
        ps.elementId,
        'A StatefulSet replaces its pods one at a time, highest ordinal first; the rollout settings do not apply.',
      );
    return minReady;
  }
  if (r.strategy === 'recreate') {
    if (kind === 'Deployment') return { strategy: { type: 'Recreate' }, ...minReady };
    k.note(
      'approximated',
      [...at, 'strategy'],
      ps.elementId,
      'A DaemonSet cannot recreate all its pods at once; it rolls them node by node.',
    );
    return minReady;
  }
  const rolling = rollingUpdate(k, ps, r, at);
  if (!rolling) return minReady;
  const field = kind === 'Deployment' ? 'strategy' : 'updateStrategy';
  return { [field]: { type: 'RollingUpdate', rollingUpdate: rolling }, ...minReady };
}

/** maxSurge / maxUnavailable; start-first means surge before stopping, stop-first the reverse. */
function rollingUpdate(k: KubeContext, ps: PlannedService, r: Rollout, at: Path): Obj | undefined {
  let surge = r.maxSurge;
  let unavailable = r.maxUnavailable;
  if (r.order === 'start-first') {
    surge ??= 1;
    unavailable ??= 0;
  } else if (r.order === 'stop-first') {
    surge ??= 0;
    unavailable ??= 1;
  }
  if (surge === 0 && unavailable === 0) {
    k.note('approximated', at, ps.elementId, 'Kubernetes needs maxSurge or maxUnavailable above 0: maxUnavailable becomes 1.');
    unavailable = 1;
  }
  if (surge === undefined && unavailable === undefined) return undefined;
  return { ...(surge !== undefined ? { maxSurge: surge } : {}), ...(unavailable !== undefined ? { maxUnavailable: unavailable } : {}) };
}

function monitor(k: KubeContext, ps: PlannedService, r: Rollout, at: Path): Obj {
  if (r.monitor === undefined) return {};
  const { value } = durationSeconds(r.monitor);
  k.note(
    'approximated',
    [...at, 'monitor'],
    ps.elementId,
    `The monitor period becomes minReadySeconds: ${value}s: a new pod must stay ready that long before the rollout goes on.`,
  );
  return { minReadySeconds: value };
}

function failureNote(k: KubeContext, ps: PlannedService, r: Rollout, at: Path): void {
  // "pause" is what a Deployment does anyway: a failing rollout stops progressing.
  if (r.failureAction === 'rollback')
    k.note(
      'lost',
      [...at, 'failureAction'],
      ps.elementId,
      'Kubernetes does not roll back a failed rollout by itself: it stops progressing.',
      `kubectl rollout undo deployment/${ps.name} rolls back by hand.`,
    );
  else if (r.failureAction === 'continue')
    k.note(
      'approximated',
      [...at, 'failureAction'],
      ps.elementId,
      'Kubernetes does not continue past failing pods: the rollout stops progressing.',
    );
}
