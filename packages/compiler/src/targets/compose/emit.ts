import type { PlannedContainer, PlannedService } from '../../plan/plan';
import { StreamedMapping } from '../../yaml';
import type { EmitContext, Emitter } from '../emitter';
import { dockerConfigs, dockerNetworks, dockerSecrets, dockerVolumesEntry } from '../shared/docker-resources';
import { dockerServices } from '../shared/service-stream';
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
  *emit(ctx) {
    // Entries come lazily, so each value (and its notes) is made when the writer reaches it: the
    // services stream pod by pod, and the resources after them, in the order notes always had.
    const pods = ctx.plan.services.filter((s) => s.main !== undefined);
    const omitted = new Set<string>();
    yield new StreamedMapping(composeFile(ctx, pods, omitted));
  },
};

const NOTHING: readonly unknown[] = [];

function* composeFile(ctx: EmitContext, pods: PlannedService[], omitted: Set<string>): Generator<readonly [string, unknown]> {
  yield ['name', ctx.plan.project];
  yield [
    'services',
    dockerServices(
      pods,
      (s, add) => {
        noteComposeService(ctx, s);
        addPodServices(ctx, s, s.main as PlannedContainer, add);
      },
      ctx.memo && { memo: ctx.memo, extra: () => NOTHING },
    ),
  ];
  yield ['networks', dockerNetworks(ctx, 'compose', false)];
  yield ['volumes', dockerVolumesEntry(ctx, 'compose')];
  yield ['configs', dockerConfigs(ctx, 'compose', omitted)];
  yield ['secrets', dockerSecrets(ctx, 'compose', omitted)];
}
