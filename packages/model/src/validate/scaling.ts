import type { Rollout, Service } from '../schema/service';
import { type Ctx, perService, serviceMemo } from './context';

/** Replica counts, the autoscaling range and the rollout strategy must agree with each other. */
const remembered = serviceMemo();

export function checkScaling(all: Ctx): void {
  perService(remembered, all, scalingOfService);
}

/** checkScaling's report about one service (from that service and its name alone). */
export function scalingOfService(ctx: Ctx, name: string, service: Service): void {
  if (service.mode === 'global') checkGlobal(ctx, name, service);
  else checkRange(ctx, name, service);
  if (service.rollout) checkRollout(ctx, name, service, service.rollout);
}

function checkRange(ctx: Ctx, name: string, s: Service): void {
  const scaling = s.scaling;
  if (!scaling) return;
  const path = ['services', name];
  if (scaling.min > scaling.max) {
    ctx.report(
      'SCALING_RANGE',
      'error',
      [...path, 'scaling', 'min'],
      `The scaling policy of service "${name}" has min ${scaling.min} above max ${scaling.max}.`,
      'Make min at most max.',
    );
    return;
  }
  if (s.replicas < scaling.min || s.replicas > scaling.max)
    ctx.report(
      'SCALING_RANGE',
      'warning',
      [...path, 'replicas'],
      `Service "${name}" has replicas ${s.replicas}, outside its scaling range ${scaling.min}..${scaling.max}; targets without autoscaling (Compose, Swarm) run ${s.replicas}.`,
      `Set replicas between ${scaling.min} and ${scaling.max}: it is the starting count.`,
    );
}

/** A global service runs one replica per node; replicas 1 is the default and means nothing there. */
function checkGlobal(ctx: Ctx, name: string, s: Service): void {
  const hint = 'Remove replicas and scaling, or use mode: replicated.';
  if (s.replicas !== 1)
    ctx.report(
      'GLOBAL_WITH_REPLICAS',
      'warning',
      ['services', name, 'replicas'],
      `Service "${name}" runs in global mode (one replica per node); its replicas ${s.replicas} is ignored.`,
      hint,
    );
  if (s.scaling)
    ctx.report(
      'GLOBAL_WITH_REPLICAS',
      'warning',
      ['services', name, 'scaling'],
      `Service "${name}" runs in global mode (one replica per node); its scaling policy is ignored.`,
      hint,
    );
}

function checkRollout(ctx: Ctx, name: string, s: Service, r: Rollout): void {
  const path = ['services', name, 'rollout'];
  if (r.strategy === 'canary' && !r.canary)
    ctx.report(
      'CANARY_WITHOUT_REPLICAS',
      'error',
      [...path, 'strategy'],
      `Service "${name}" has a canary rollout without canary replicas.`,
      'Set rollout.canary.replicas (and rollout.canary.image for the new version).',
    );
  if (r.strategy === 'canary' && r.canary && r.canary.replicas >= s.replicas)
    ctx.report(
      'CANARY_WITHOUT_REPLICAS',
      'error',
      [...path, 'canary', 'replicas'],
      `The canary of service "${name}" has ${r.canary.replicas} replicas, not fewer than the service's ${s.replicas}; nothing stable would remain.`,
      `Use fewer canary replicas than replicas (${s.replicas}), or raise replicas.`,
    );
  if (r.strategy !== 'canary' && r.canary)
    ctx.report(
      'ROLLOUT_SETTINGS',
      'warning',
      [...path, 'canary'],
      `Service "${name}" sets rollout.canary, which the ${r.strategy} strategy ignores.`,
      'Set strategy: canary, or remove rollout.canary.',
    );
  if (r.strategy === 'recreate')
    for (const key of ['maxSurge', 'maxUnavailable', 'order'] as const)
      if (r[key] !== undefined)
        ctx.report(
          'ROLLOUT_SETTINGS',
          'warning',
          [...path, key],
          `Service "${name}" sets rollout.${key}, which the recreate strategy ignores (it stops every replica first).`,
          `Remove rollout.${key}, or use strategy: rolling.`,
        );
  if (r.strategy !== 'recreate' && r.maxSurge === 0 && r.maxUnavailable === 0)
    ctx.report(
      'ROLLOUT_SETTINGS',
      'error',
      [...path, 'maxUnavailable'],
      `The rollout of service "${name}" has maxSurge 0 and maxUnavailable 0, so it can never replace a replica.`,
      'Allow at least one: maxSurge: 1 (start a new replica first) or maxUnavailable: 1.',
    );
}
