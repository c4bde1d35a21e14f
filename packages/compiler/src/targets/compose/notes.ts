import type { PlannedService } from '../../plan/plan';
import type { EmitContext } from '../emitter';
import { dockerServiceName, noteIngress } from '../shared/docker-service';

/**
 * What Compose (one engine, no scheduler, no rollout) cannot say about a service. Each note
 * names the element and the blueprint path it concerns, so the canvas can show it in place.
 */
export function noteComposeService(ctx: EmitContext, s: PlannedService): void {
  const svc = s.service;
  const at = (...rest: (string | number)[]) => ['services', s.name, ...rest];
  if (svc.scaling) {
    const { min, max, targetCPU } = svc.scaling;
    ctx.note(
      'lost',
      at('scaling'),
      s.elementId,
      `Compose has no autoscaling: ${s.name} runs a fixed ${svc.replicas === 1 ? '1 replica' : `${svc.replicas} replicas`}; scaling between ${min} and ${max} at ${targetCPU}% CPU is not applied.`,
    );
  }
  noteRollout(ctx, s);
  if (svc.placement?.constraints.length)
    ctx.note('lost', at('placement'), s.elementId, 'Compose runs every container on one engine: placement constraints are ignored.');
  noteIngress(ctx, s, 'compose');
  if (svc.mode === 'global')
    ctx.note(
      'approximated',
      at('mode'),
      s.elementId,
      `Compose has one host: the global service ${s.name} runs one container there (one per node elsewhere).`,
    );
  if (svc.hostNetwork && svc.ports?.length)
    ctx.note(
      'approximated',
      at('ports'),
      s.elementId,
      `${s.name} uses the host network: its ports are the host's ports directly; port publishing and host IPs do not apply.`,
    );
  for (const l of s.links)
    if (l.link.timeout)
      ctx.note(
        'lost',
        at('links', l.index, 'timeout'),
        l.elementId,
        `Compose has no per-dependency timeout: ${s.name} waits for ${l.target} as long as "docker compose up" waits.`,
        'Use "docker compose up --wait-timeout" for an overall limit.',
      );
  notePodMembers(ctx, s);
}

function noteRollout(ctx: EmitContext, s: PlannedService): void {
  const rollout = s.service.rollout;
  const path = ['services', s.name, 'rollout'];
  // recreate is what Compose does anyway: stop the old container, start the new one.
  if (!rollout || rollout.strategy === 'recreate') return;
  if (rollout.strategy === 'rolling')
    ctx.note(
      'approximated',
      path,
      s.elementId,
      'Compose has no rollout strategy: "docker compose up" recreates changed containers; the Blaupause Docker driver performs the rolling update itself.',
    );
  else
    ctx.note(
      'lost',
      path,
      s.elementId,
      `Compose cannot run a canary: a change replaces all replicas of ${s.name} at once.`,
      'Deploy a second service with the new image beside it, or use the Kubernetes target.',
    );
}

/** Pods exist once in Compose: helpers join the first replica only, init containers run once. */
function notePodMembers(ctx: EmitContext, s: PlannedService): void {
  const replicas = s.service.mode === 'global' ? 1 : s.service.replicas;
  if (replicas <= 1) return;
  for (const h of s.helpers)
    ctx.note(
      'approximated',
      ['services', s.name, 'containers', h.name],
      h.elementId,
      `Compose runs one ${dockerServiceName(s, h)} container, in the network namespace of the first of ${s.name}'s ${replicas} replicas; the others run without it.`,
    );
  for (const i of s.inits)
    ctx.note(
      'approximated',
      ['services', s.name, 'containers', i.name],
      i.elementId,
      `Compose runs ${dockerServiceName(s, i)} once before all ${replicas} replicas of ${s.name}, not once per replica.`,
    );
}
