import type { PlannedContainer, PlannedService } from '../../plan/plan';
import type { EmitContext } from '../emitter';
import { dockerServiceName, noteIngress } from '../shared/docker-service';

/** What a Swarm stack cannot say about a service, noted on the element it concerns. */
export function noteSwarmService(ctx: EmitContext, s: PlannedService): void {
  const svc = s.service;
  const at = (...rest: (string | number)[]) => ['services', s.name, ...rest];
  if (svc.scaling)
    ctx.note(
      'lost',
      at('scaling'),
      s.elementId,
      `Swarm has no autoscaling: ${s.name} runs a fixed ${plural(svc.replicas, 'replica')}; scaling between ${svc.scaling.min} and ${svc.scaling.max} at ${svc.scaling.targetCPU}% CPU is not applied.`,
    );
  if (svc.rollout?.strategy === 'canary') {
    const n = svc.rollout.canary?.replicas ?? 1;
    ctx.note(
      'approximated',
      at('rollout'),
      s.elementId,
      `Swarm has no canary: an update replaces ${plural(n, 'task')} first and pauses on failure; otherwise it goes on to all replicas without waiting for a decision.`,
    );
    if (svc.rollout.canary?.image)
      ctx.note(
        'lost',
        at('rollout', 'canary', 'image'),
        s.elementId,
        `Swarm cannot run a second image beside ${s.name}'s own: the canary image is not deployed; update the service's image to start the canary.`,
      );
  }
  noteIngress(ctx, s, 'swarm');
  (svc.ports ?? []).forEach((p, i) => {
    if (p.hostIp && p.publish !== undefined && !svc.hostNetwork)
      ctx.note(
        'lost',
        at('ports', i, 'hostIp'),
        s.elementId,
        `Swarm publishes port ${p.publish} on every address of every node (routing mesh): the host IP ${p.hostIp} is not applied.`,
      );
  });
  if (svc.hostNetwork && svc.ports?.length)
    ctx.note(
      'approximated',
      at('ports'),
      s.elementId,
      `${s.name} uses the host network: its ports are the node's ports directly; port publishing does not apply.`,
    );
  if (svc.hostPid) ctx.note('lost', at('hostPid'), s.elementId, 'Swarm services cannot share the host PID namespace: hostPid is left out.');
  if (svc.hostIpc) ctx.note('lost', at('hostIpc'), s.elementId, 'Swarm services cannot share the host IPC namespace: hostIpc is left out.');
  if (svc.profiles?.length)
    ctx.note('lost', at('profiles'), s.elementId, `docker stack deploy has no profiles: ${s.name} is always deployed.`);
  for (const l of s.links)
    ctx.note(
      'lost',
      at('links', l.index),
      l.elementId,
      `Swarm ignores start order: ${s.name} may start before ${l.target} ${WAIT[l.link.condition]}.`,
      `Make ${s.name} retry until ${l.target} is ready (Swarm restarts failed tasks).`,
    );
  for (const h of s.helpers)
    ctx.note(
      'approximated',
      at('containers', h.name),
      h.elementId,
      `Swarm has no pods: ${h.name} runs as the separate service ${dockerServiceName(s, h)}; it reaches ${s.name} by name, not on localhost, and shares its volumes only on the same node.`,
    );
  for (const i of s.inits)
    ctx.note(
      'approximated',
      at('containers', i.name),
      i.elementId,
      `Swarm has no init containers: ${i.name} runs once as the service ${dockerServiceName(s, i)}, not before each task of ${s.name}; ${s.name} must cope with starting first.`,
    );
  for (const pc of [...s.inits, ...(s.main ? [s.main] : []), ...s.helpers]) noteContainer(ctx, s, pc);
}

const WAIT = { started: 'has started', healthy: 'is healthy', completed: 'has completed' } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Container settings Swarm services do not carry. */
function noteContainer(ctx: EmitContext, s: PlannedService, pc: PlannedContainer): void {
  const c = pc.container;
  const at = (key: string) => ['services', s.name, 'containers', pc.name, key];
  if (c.privileged)
    ctx.note(
      'lost',
      at('privileged'),
      pc.elementId,
      'Swarm services cannot run privileged: privileged is left out.',
      'Add the capabilities the container needs instead.',
    );
  if (c.devices?.length) ctx.note('lost', at('devices'), pc.elementId, 'Swarm services cannot map host devices: devices are left out.');
  if (c.build)
    ctx.note(
      c.image ? 'lost' : 'approximated',
      at('build'),
      pc.elementId,
      c.image
        ? `docker stack deploy does not build images: the build settings are left out; ${c.image} must be in a registry every node can reach.`
        : `docker stack deploy does not build images: the service uses the image that "docker compose build" tags (${ctx.plan.project}-${dockerServiceName(s, pc)}); push it to a registry every node can reach.`,
    );
  (c.mounts ?? []).forEach((m, i) => {
    if (m.type === 'bind')
      ctx.note(
        'approximated',
        ['services', s.name, 'containers', pc.name, 'mounts', i],
        pc.elementId,
        `Swarm mounts ${m.source} from the file system of whichever node runs the task.`,
      );
  });
}
