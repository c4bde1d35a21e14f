import { DockerDriver, imageInventory, removeUnusedImages } from '@blaupause/engine';
import type Docker from 'dockerode';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { engineErrorFrom, toTRPCError, unwrap } from '../errors';
import { BlueprintInput, ProjectName } from '../schemas';
import { requireValid } from '../services/blueprints';
import { procedure, router } from '../trpc';

const Input = z.object({ blueprint: BlueprintInput, project: ProjectName.optional() });

/** The Docker engine behind the default target; images and diagnosis are Docker-only. */
export function dockerOf(deps: AppDeps): { docker: Docker; endpoint: string } {
  if (deps.driver instanceof DockerDriver) return { docker: deps.driver.docker, endpoint: deps.driver.endpoint };
  throw toTRPCError({ code: 'UNSUPPORTED', message: 'Images and diagnosis need the Docker target.' });
}

/**
 * The blueprint's images on the Docker engine (issue 10): which exist locally (size, age), which a
 * deploy would pull or build, and the project's built images nothing uses any more (removable).
 * Build contexts resolve inside the workspace folder, where the server keeps blueprints.
 */
export function imagesRouter(deps: AppDeps) {
  const options = (input: z.infer<typeof Input>, name: string) => ({
    project: input.project ?? name,
    baseDir: deps.workspace.dir,
    endpoint: dockerOf(deps).endpoint,
  });
  return router({
    inventory: procedure.input(Input).query(async ({ input }) => {
      const bp = unwrap(requireValid(input.blueprint));
      const r = await imageInventory(dockerOf(deps).docker, bp, options(input, bp.metadata.name)).catch(thrown);
      return unwrap(r);
    }),

    removeUnused: procedure.input(Input).mutation(async ({ input }) => {
      const bp = unwrap(requireValid(input.blueprint));
      const r = await removeUnusedImages(dockerOf(deps).docker, bp, options(input, bp.metadata.name)).catch(thrown);
      return unwrap(r);
    }),
  });
}

function thrown(e: unknown) {
  return { ok: false as const, error: engineErrorFrom(e) };
}
