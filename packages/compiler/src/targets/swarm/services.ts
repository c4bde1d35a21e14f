import type { PlannedContainer, PlannedService } from '../../plan/plan';
import { tag } from '../../yaml';
import type { EmitContext } from '../emitter';
import { SWARM_HOST_NETWORK, serviceNetworks } from '../shared/docker-resources';
import {
  compact,
  type DockerPorts,
  dockerEnvironment,
  dockerLabels,
  dockerMounts,
  dockerPorts,
  dockerResources,
  dockerServiceName,
  nonEmpty,
  noteHealthApproximation,
} from '../shared/docker-service';
import { dockerHealthcheck } from '../shared/healthcheck';
import { esc, escList } from '../shared/interpolation';
import type { AddService } from '../shared/service-stream';
import { restartPolicy, rollbackConfig, swarmConstraint, updateConfig } from './deploy';

/**
 * A blueprint pod in a Swarm stack. Swarm has no pods: helpers become services of their own
 * (same replicas, networks and placement as the main one), init containers one-shot services.
 * No `depends_on` (Swarm ignores start order), no `network_mode`, no `container_name`.
 */

export interface SwarmScope {
  /** Configs and secrets left out of the stack (their mounts are left out too). */
  omitted: ReadonlySet<string>;
  /** Services some link waits on to complete: jobs, which Swarm must not restart after exit 0. */
  jobs: ReadonlySet<string>;
}

export function addSwarmPod(ctx: EmitContext, s: PlannedService, main: PlannedContainer, scope: SwarmScope, add: AddService): void {
  const { omitted } = scope;
  const svc = s.service;
  const host = svc.hostNetwork === true;
  const networks = host ? [SWARM_HOST_NETWORK] : serviceNetworks(ctx.plan, s.networks);
  const placement = svc.placement?.constraints.length ? { constraints: svc.placement.constraints.map(swarmConstraint) } : undefined;
  const update = svc.rollout && updateConfig(svc.rollout);
  const global = svc.mode === 'global';
  const mode = global ? 'global' : undefined;
  const replicas = global ? undefined : svc.replicas;
  const rollback = update && rollbackConfig(update);
  // Swarm's default ("any") would rerun a finished job forever; on-failure lets it complete.
  const jobRestart = scope.jobs.has(s.name) ? { condition: 'on-failure' } : undefined;
  const pod = (pc: PlannedContainer): Record<string, unknown> => ({
    mode,
    replicas,
    resources: dockerResources(pc.container.resources),
    restart_policy: restartPolicy(pc.container.restart) ?? (pc === main ? jobRestart : undefined),
    placement,
    update_config: update,
    rollback_config: rollback,
  });

  for (const init of s.inits) {
    // Runs to completion once: "none" keeps Swarm from starting it again after it exits.
    const deploy = { resources: dockerResources(init.container.resources), restart_policy: { condition: 'none' }, placement };
    add(dockerServiceName(s, init), swarmService(ctx, s, init, omitted, { networks, deploy, links: false }));
  }
  add(
    s.name,
    swarmService(ctx, s, main, omitted, {
      networks,
      ports: host ? undefined : dockerPorts(svc.ports, 'swarm'),
      deploy: pod(main),
      links: true,
    }),
  );
  for (const helper of s.helpers)
    add(dockerServiceName(s, helper), swarmService(ctx, s, helper, omitted, { networks, deploy: pod(helper), links: false }));
}

interface Wiring {
  networks: string[] | undefined;
  ports?: DockerPorts | undefined;
  deploy: Record<string, unknown>;
  /** Whether this container gets its service's link variables (the main container only). */
  links: boolean;
}

function swarmService(ctx: EmitContext, s: PlannedService, pc: PlannedContainer, omitted: ReadonlySet<string>, w: Wiring) {
  const c = pc.container;
  const health = c.healthcheck && dockerHealthcheck(c.healthcheck);
  noteHealthApproximation(ctx, s, pc, health?.approximation);
  const mounts = dockerMounts(ctx.plan.blueprint, c.mounts, omitted);
  const service = {
    // Without an image, use the tag "docker compose build" gives (`<project>-<service>`): one build serves both.
    image: esc(c.image) ?? (c.build ? `${ctx.plan.project}-${dockerServiceName(s, pc)}` : undefined),
    entrypoint: escList(c.command),
    command: escList(c.args),
    working_dir: esc(c.workingDir),
    user: esc(c.user),
    environment: dockerEnvironment(c.env, w.links ? s.links : []),
    ports: w.ports?.ports,
    expose: w.ports?.expose,
    networks: w.networks,
    healthcheck: health?.value,
    volumes: mounts.volumes,
    configs: mounts.configs,
    secrets: mounts.secrets,
    deploy: compact(w.deploy),
    cap_add: nonEmpty(escList(c.capAdd)),
    cap_drop: nonEmpty(escList(c.capDrop)),
    read_only: c.readOnlyRootFilesystem || undefined,
    labels: dockerLabels(s, pc),
  };
  return tag(service, pc === s.main ? s.elementId : pc.elementId);
}
