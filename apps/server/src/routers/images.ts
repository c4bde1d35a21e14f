import { DockerDriver, imageInventory, provideImagesExclusive, removeUnusedImages } from '@blaupause/engine';
import type Docker from 'dockerode';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { engineErrorFrom, toTRPCError, unwrap } from '../errors';
import { BlueprintInput, ProjectName } from '../schemas';
import { requireValid } from '../services/blueprints';
import { procedure, router } from '../trpc';

const Input = z.object({ blueprint: BlueprintInput, project: ProjectName.optional() });
/** An image reference or a container's element id, as the inventory lists them. */
const ImageRef = z.string().min(1).max(512);
const ProvideInput = Input.extend({
  only: z.array(ImageRef).max(256).optional(),
  sources: z
    .array(z.enum(['pull', 'build']))
    .min(1)
    .max(2)
    .optional(),
  rebuild: z.boolean().default(false),
});

/** The Docker engine behind the default target; images and diagnosis are Docker-only. */
export function dockerOf(deps: AppDeps): { docker: Docker; endpoint: string } {
  const driver = dockerDriverOf(deps);
  return { docker: driver.docker, endpoint: driver.endpoint };
}

function dockerDriverOf(deps: AppDeps): DockerDriver {
  if (deps.driver instanceof DockerDriver) return deps.driver;
  throw toTRPCError({ code: 'UNSUPPORTED', message: 'Images and diagnosis need the Docker target.' });
}

/**
 * The blueprint's images on the Docker engine (issue 10): which exist locally (size, age), which a
 * deploy would pull or build, and the project's built images nothing uses any more (removable).
 * Build contexts resolve inside the workspace folder, where the server keeps blueprints.
 * `provide` pulls / builds the missing ones (or the named ones; `rebuild` forces builds) as a run,
 * like a deploy: it answers the run at once and `deployments.progress` streams its pull / build
 * progress over SSE; one run per project at a time (a deploy of the project answers BUSY meanwhile).
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

    provide: procedure.input(ProvideInput).mutation(({ input }) => {
      const bp = unwrap(requireValid(input.blueprint));
      const driver = dockerDriverOf(deps);
      const project = input.project ?? bp.metadata.name;
      const how = {
        project,
        baseDir: deps.workspace.dir,
        rebuild: input.rebuild,
        ...(input.only ? { only: input.only } : {}),
        ...(input.sources ? { sources: input.sources } : {}),
      };
      return unwrap(deps.runs.startOp(project, 'docker', 'images', (signal) => provideImagesExclusive(driver, bp, { ...how, signal })));
    }),
  });
}

function thrown(e: unknown) {
  return { ok: false as const, error: engineErrorFrom(e) };
}
