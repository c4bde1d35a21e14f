import type { Emitter } from '../emitter';
import { dockerConfigs, dockerNetworks, dockerSecrets, dockerVolumes, volumeReplicas } from '../shared/docker-resources';
import { noteSwarmService } from './notes';
import { addSwarmPod } from './services';

/**
 * Swarm: a stack file for `docker stack deploy -c swarm.yaml <stack>`. It follows what the
 * Docker CLI's v3 loader accepts: no top-level `name` (the stack is named on the command line),
 * no `depends_on` maps, `profiles`, `network_mode` or `container_name`; services get `deploy:`
 * (replicas or global mode, resources, restart policy, placement, update/rollback config) and
 * networks are attachable overlays. Endpoint mode stays Swarm's default, a virtual IP.
 */
export const swarmEmitter: Emitter = {
  target: 'swarm',
  fileName: 'swarm.yaml',
  emit(ctx) {
    const bp = ctx.plan.blueprint;
    const omitted = new Set<string>();
    // Top-level configs and secrets first: the ones Swarm cannot create are left out of mounts too.
    const configs = dockerConfigs(ctx, 'swarm', omitted);
    const secrets = dockerSecrets(ctx, 'swarm', omitted);
    const services: Record<string, unknown> = {};
    const jobs = new Set(ctx.plan.services.flatMap((s) => s.links.filter((l) => l.link.condition === 'completed').map((l) => l.target)));
    let hostNetwork = false;
    for (const s of ctx.plan.services) {
      if (!s.main) continue;
      hostNetwork ||= s.service.hostNetwork === true;
      noteSwarmService(ctx, s);
      addSwarmPod(ctx, s, s.main, { omitted, jobs }, services);
    }
    return [
      {
        services,
        networks: dockerNetworks(ctx, 'swarm', hostNetwork),
        volumes: dockerVolumes(ctx, 'swarm', volumeReplicas(bp)),
        configs,
        secrets,
      },
    ];
  },
};
