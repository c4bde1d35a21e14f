import type { Emitter } from '../emitter';
import { dockerConfigs, dockerNetworks, dockerSecrets, dockerVolumes, volumeReplicas } from '../shared/docker-resources';
import { noteComposeService } from './notes';
import { addPodServices } from './services';

/**
 * Compose (1-level orchestration): the blueprint as one compose.yaml, valid against the
 * Compose Specification, readable by docker compose v2 (and by docker-compose 1.29 except for
 * the newer keys: top-level `name`, `depends_on.required`, `volume.subpath`, inline config content).
 * Services come in start order; a pod without main container is left out (validation names it).
 */
export const composeEmitter: Emitter = {
  target: 'compose',
  fileName: 'compose.yaml',
  emit(ctx) {
    const services: Record<string, unknown> = {};
    for (const s of ctx.plan.services) {
      if (!s.main) continue;
      noteComposeService(ctx, s);
      addPodServices(ctx, s, s.main, services);
    }
    const omitted = new Set<string>();
    return [
      {
        name: ctx.plan.project,
        services,
        networks: dockerNetworks(ctx, 'compose', false),
        volumes: dockerVolumes(ctx, 'compose', volumeReplicas(ctx.plan.blueprint)),
        configs: dockerConfigs(ctx, 'compose', omitted),
        secrets: dockerSecrets(ctx, 'compose', omitted),
      },
    ];
  },
};
