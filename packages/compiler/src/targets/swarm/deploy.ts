import type { Container, Rollout, Service } from '@blaupause/model';
import { compact } from '../shared/docker-service';
import { esc } from '../shared/interpolation';

/** Swarm's `deploy:` pieces: restart policy, placement and the update/rollback configuration. */

const RESTART_CONDITION: Record<NonNullable<Container['restart']>, string> = {
  no: 'none',
  always: 'any',
  // Swarm has no "manually stopped" state for a task: scaling to 0 is how it is stopped.
  'unless-stopped': 'any',
  'on-failure': 'on-failure',
};

export function restartPolicy(restart: Container['restart']): { condition: string } | undefined {
  return restart ? { condition: RESTART_CONDITION[restart] } : undefined;
}

type Constraint = NonNullable<Service['placement']>['constraints'][number];

// Well-known blueprint labels (and their Kubernetes spellings) that Swarm knows as node attributes.
const NODE_ATTRIBUTE: Record<string, string> = {
  hostname: 'node.hostname',
  'kubernetes.io/hostname': 'node.hostname',
  role: 'node.role',
  os: 'node.platform.os',
  'kubernetes.io/os': 'node.platform.os',
  arch: 'node.platform.arch',
  'kubernetes.io/arch': 'node.platform.arch',
};

/** `disk==ssd` → `node.labels.disk==ssd`; hostname/role/os/arch → node attributes; node.* / engine.* as written. */
export function swarmConstraint(c: Constraint): string {
  const attribute =
    NODE_ATTRIBUTE[c.label] ?? (c.label.startsWith('node.') || c.label.startsWith('engine.labels.') ? c.label : `node.labels.${c.label}`);
  return esc(`${attribute}${c.op}${c.value}`);
}

export interface UpdateConfig {
  parallelism: number;
  order: 'start-first' | 'stop-first';
  failure_action?: string;
  monitor?: string;
}

/**
 * The rollout as Swarm's update_config. rolling: start-first with maxSurge new tasks at a time
 * (stop-first with maxUnavailable when no surge is allowed); recreate: every task at once
 * (parallelism 0), stopping first; canary: the canary count first, pausing on failure.
 */
export function updateConfig(rollout: Rollout): UpdateConfig {
  const extra = { failure_action: rollout.failureAction, monitor: rollout.monitor };
  if (rollout.strategy === 'recreate') return withExtra({ parallelism: 0, order: 'stop-first' }, extra);
  if (rollout.strategy === 'canary')
    return withExtra(
      { parallelism: rollout.canary?.replicas ?? 1, order: rollout.order ?? 'start-first' },
      { ...extra, failure_action: rollout.failureAction ?? 'pause' },
    );
  const order = rollout.order ?? (rollout.maxSurge === 0 ? 'stop-first' : 'start-first');
  const step = order === 'start-first' ? rollout.maxSurge : rollout.maxUnavailable;
  return withExtra({ parallelism: Math.max(1, step ?? 1), order }, extra);
}

function withExtra(base: UpdateConfig, extra: { failure_action?: string | undefined; monitor?: string | undefined }): UpdateConfig {
  return { ...base, ...compact(extra) };
}

/** Rolling back goes the way the update came; failure_action "rollback" has no meaning there. */
export function rollbackConfig(update: UpdateConfig): Pick<UpdateConfig, 'parallelism' | 'order'> {
  return { parallelism: update.parallelism, order: update.order };
}
