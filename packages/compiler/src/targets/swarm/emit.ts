import type { PlannedContainer } from '../../plan/plan';
import { StreamedMapping } from '../../yaml';
import type { Emitter } from '../emitter';
import { dockerConfigs, dockerNetworks, dockerSecrets, dockerVolumesEntry } from '../shared/docker-resources';
import { dockerServices } from '../shared/service-stream';
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
  *emit(ctx) {
    const omitted = new Set<string>();
    // Top-level configs and secrets first: the ones Swarm cannot create are left out of mounts too.
    const configs = dockerConfigs(ctx, 'swarm', omitted);
    const secrets = dockerSecrets(ctx, 'swarm', omitted);
    const jobs = new Set<string>();
    for (const s of ctx.plan.services) for (const l of s.links) if (l.link.condition === 'completed') jobs.add(l.target);
    const pods = ctx.plan.services.filter((s) => s.main !== undefined);
    // Known before the pods are written, so that a pod whose output is reused still counts.
    const hostNetwork = pods.some((s) => s.service.hostNetwork === true);
    const services = dockerServices(
      pods,
      (s, add) => {
        noteSwarmService(ctx, s);
        addSwarmPod(ctx, s, s.main as PlannedContainer, { omitted, jobs }, add);
      },
      ctx.memo && { memo: ctx.memo, extra: (s) => [jobs.has(s.name)] },
    );
    // Entries come lazily: the services stream pod by pod (see dockerServices), and the networks
    // are made after the last pod, in the order notes always had.
    function* stack(): Generator<readonly [string, unknown]> {
      yield ['services', services];
      yield ['networks', dockerNetworks(ctx, 'swarm', hostNetwork)];
      yield ['volumes', dockerVolumesEntry(ctx, 'swarm')];
      yield ['configs', configs];
      yield ['secrets', secrets];
    }
    yield new StreamedMapping(stack());
  },
};
